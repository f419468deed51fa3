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
    # "saved saved" may want a comma rather than a deletion: only --unsafe-fixes touches it
    assert p.read_bytes() == once == b"The ferry sank, and all were saved saved.\n"


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
    text = (
        "The bridge will shut for six weeks while engineers repair the supports, the council said on Monday.\n\n"
        "Drivers should use the ring road.\n\n"
        "The bridge will shut for six weeks while engineers repair the supports, the council said on Monday.\n"
    )
    p.write_text(text, encoding="utf-8")
    run_cli(str(p), "--fix", "--select", "D")
    assert p.read_text(encoding="utf-8") == text
    run_cli(str(p), "--unsafe-fixes", "--select", "D")
    assert p.read_text(encoding="utf-8") == text.rsplit("\n\n", 1)[0] + "\n"


def test_folder_of_awkward_drafts_changes_only_the_fixed_spans(tmp_path):
    drafts = {
        "crlf.txt": b"Head\r\n\r\nThe the ferry sailed.\r\n",
        "bom.md": "\ufeffThe ferry sailed to to the isle.\n".encode(),
        "nofinal.md": b"The ferry sailed to to the isle.",
        "mixed.txt": b"Head\r\n\nThe ferry\rsailed to to the isle.\r\nIt rained.\n",
        "utf8.md": "Café owners said the the tax was unfair — “too high”.\n".encode(),
    }
    expected = {
        "crlf.txt": b"Head\r\n\r\nThe ferry sailed.\r\n",
        "bom.md": "\ufeffThe ferry sailed to the isle.\n".encode(),
        "nofinal.md": b"The ferry sailed to the isle.",
        "mixed.txt": b"Head\r\n\nThe ferry\rsailed to the isle.\r\nIt rained.\n",
        "utf8.md": "Café owners said the tax was unfair — “too high”.\n".encode(),
    }
    for name, data in drafts.items():
        (tmp_path / name).write_bytes(data)
    readonly = tmp_path / "readonly.md"
    readonly.write_bytes(b"The ferry sailed to to the isle.\n")
    os.chmod(readonly, 0o444)
    r = run_cli(str(tmp_path), "--fix", "--select", "T003")
    for name, data in expected.items():
        assert (tmp_path / name).read_bytes() == data, name
    assert readonly.read_bytes() == b"The ferry sailed to to the isle.\n"
    assert r.returncode == 2 and f"{readonly}: is read-only; not fixed" in r.stderr.decode()


def test_a_file_changed_since_it_was_read_is_not_written(tmp_path):
    import pytest

    from stylelint_news.errors import UsageError
    from stylelint_news.text.source import read_source, write_atomically

    p = tmp_path / "a.md"
    p.write_text("They sailed to to the island.\n", encoding="utf-8")
    source = read_source(p)
    p.write_text("They sailed to to the island, said the editor.\n", encoding="utf-8")
    with pytest.raises(UsageError, match="changed on disk while it was being linted; not fixed"):
        write_atomically(source, "They sailed to the island.\n")
    assert p.read_text(encoding="utf-8") == "They sailed to to the island, said the editor.\n"
