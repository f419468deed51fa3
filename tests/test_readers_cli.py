"""The formats from the command line: what a folder run takes and names, the docx extra, fixes in
files that cannot take them, record ids in JSON output, and readers loaded only when needed."""

from __future__ import annotations

import json
import sys

import pytest

from conftest import ROOT, run_cli

ARTICLE = {
    "id": "dam-1",
    "headline": "Dam plans approved",
    "body": "They will build a libary.\n\nWork will start soon.",
}
NO_DOCX = "import sys; sys.modules['docx'] = None; from stylelint_news.cli import main; sys.exit(main())"


def run_without_docx(*args: str):
    """The command where python-docx cannot be imported (as without the extra)."""
    import os
    import subprocess

    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-c", NO_DOCX, *args], capture_output=True, env=env, cwd=ROOT)


def test_a_folder_run_takes_every_format_and_names_what_it_passes_over(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps(ARTICLE))
    (tmp_path / "b.html").write_text("<h1>Dam plans</h1><p>They will build a libary.</p>")
    (tmp_path / "c.jsonl").write_text(json.dumps(ARTICLE) + "\n")
    for name in ("d.rtf", "e.rtf", "f.pdf", "g.png"):
        (tmp_path / name).write_bytes(b"x")
    r = run_cli(str(tmp_path), "--select", "T001")
    assert r.returncode == 1, r.stderr
    assert sorted({ln.split(":")[0] for ln in r.stdout.decode().splitlines()}) == [
        str(tmp_path / n) for n in ("a.json", "b.html", "c.jsonl")
    ]
    assert r.stderr.decode() == "stylelint-news: skipped 3 files of kinds not read: .rtf (2), .pdf (1)\n"


def test_without_the_extra_a_docx_is_named_with_how_to_install_it(tmp_path):
    docx = tmp_path / "draft.docx"
    docx.write_bytes(b"PK\x03\x04 not really")
    (tmp_path / "a.md").write_text("# Dam plans\n\nWork will start soon.\n")
    r = run_without_docx(str(tmp_path))
    assert r.returncode == 0, r.stderr
    hint = "install the docx extra to lint .docx files: pip install 'stylelint-news[docx]'"
    assert r.stderr.decode() == f"stylelint-news: skipped 1 file of kinds not read: .docx (1); {hint}\n"
    r = run_without_docx(str(docx))
    assert (r.returncode, r.stderr.decode()) == (2, f"stylelint-news: {docx}: {hint}\n")


def test_a_broken_docx_is_one_line(tmp_path):
    pytest.importorskip("docx")
    docx = tmp_path / "draft.docx"
    docx.write_bytes(b"PK\x03\x04 not really")
    r = run_cli(str(docx))
    assert r.returncode == 2
    (line,) = r.stderr.decode().splitlines()
    assert line.startswith(f"stylelint-news: {docx}: not a readable .docx file")


def test_fixes_in_json_are_shown_not_written(tmp_path):
    path = tmp_path / "a.json"
    text = json.dumps({"headline": "Dam plans", "body": "They will build the the dam."}, indent=2) + "\n"
    path.write_text(text)
    r = run_cli(str(path), "--fix", "--select", "T003")
    assert path.read_text() == text
    assert r.returncode == 1  # the file still has its finding, and says so
    assert r.stdout.decode().count("T003") == 1
    assert r.stderr.decode().count("not written") == 1
    r = run_cli(str(path), "--diff", "--select", "T003")
    assert '-  "body": "They will build the the dam."\n+  "body": "They will build the dam."\n' in r.stdout.decode()


def test_json_output_names_each_finding_s_record(tmp_path):
    path = tmp_path / "a.jsonl"
    other = {"id": 7, "title": "Bridge reopens", "text": "The bridge reopened after a long closure of the libary."}
    path.write_text(json.dumps(ARTICLE) + "\n" + json.dumps(other) + "\n")
    r = run_cli(str(path), "--select", "T001", "--format", "json", "--jobs", "1")
    items = json.loads(r.stdout)
    assert [(i["line"], i["id"]) for i in items] == [(1, "dam-1"), (2, 7)]
    md = tmp_path / "b.md"
    md.write_text("# Dam plans\n\nThey will build a libary.\n")
    assert "id" not in json.loads(run_cli(str(md), "--format", "json").stdout)[0]


def test_standard_input_reads_json_lines_by_name(tmp_path):
    data = (json.dumps(ARTICLE) + "\n\n" + json.dumps(ARTICLE) + "\n").encode()
    r = run_cli("-", "--stdin-filename", "archive.jsonl", "--select", "T001", stdin=data)
    assert [ln.split(":")[1] for ln in r.stdout.decode().splitlines()] == ["1", "3"]


def test_a_markdown_run_loads_no_reader(tmp_path):
    md = tmp_path / "a.md"
    md.write_text("# Dam plans\n\nThey will build a libary.\n")
    code = (
        "import sys; from stylelint_news.cli import main\n"
        "try:\n    main([sys.argv[1], '--no-cache'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('stylelint_news.text.readers.') or m in ('docx', 'html.parser')))"
    )
    import subprocess

    r = subprocess.run([sys.executable, "-c", code, str(md)], capture_output=True, cwd=ROOT)
    assert r.stdout.decode().splitlines()[-1] == "[]", r.stderr
