"""--fix never loses a writer's words: encoding, BOM, newlines, permissions, nothing else changed."""
from __future__ import annotations

import os
import stat

from conftest import run_cli


def test_fix_keeps_bom_crlf_no_final_newline_and_mode(tmp_path):
    p = tmp_path / "a.txt"
    original = "\ufeffHeadline\r\n\r\nShe went to to the shop.\r\nIt rained.".encode("utf-8")
    p.write_bytes(original)
    os.chmod(p, 0o640)
    r = run_cli(str(p), "--fix", "--select", "T003")
    assert r.returncode == 0, r.stderr
    assert p.read_bytes() == "\ufeffHeadline\r\n\r\nShe went to the shop.\r\nIt rained.".encode("utf-8")
    assert stat.S_IMODE(p.stat().st_mode) == 0o640
    assert [f.name for f in tmp_path.iterdir()] == ["a.txt"]  # no temporary file left behind


def test_fix_twice_is_fix_once(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("The the ferry sank, and and all were saved saved.\n", encoding="utf-8")
    run_cli(str(p), "--fix")
    once = p.read_bytes()
    run_cli(str(p), "--fix")
    assert p.read_bytes() == once == b"The ferry sank, and all were saved.\n"


def test_diff_writes_nothing(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("They sailed to to the island.\n", encoding="utf-8")
    r = run_cli(str(p), "--diff")
    assert b"-They sailed to to the island." in r.stdout and b"+They sailed to the island." in r.stdout
    assert p.read_text(encoding="utf-8") == "They sailed to to the island.\n"


def test_fix_on_stdin_prints_the_fixed_text():
    r = run_cli("-", "--fix", stdin=b"Head\n\nThey sailed to to the island.\n")
    assert r.stdout == b"Head\n\nThey sailed to the island.\n"
    assert r.returncode == 0


def test_unsafe_fix_only_with_the_flag(tmp_path):
    p = tmp_path / "a.md"
    text = ("The bridge will shut for six weeks while engineers repair the supports, the council said on Monday.\n\n"
            "Drivers should use the ring road.\n\n"
            "The bridge will shut for six weeks while engineers repair the supports, the council said on Monday.\n")
    p.write_text(text, encoding="utf-8")
    run_cli(str(p), "--fix", "--select", "D")
    assert p.read_text(encoding="utf-8") == text
    run_cli(str(p), "--unsafe-fixes", "--select", "D")
    assert p.read_text(encoding="utf-8") == text.rsplit("\n\n", 1)[0] + "\n"
