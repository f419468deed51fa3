"""`--write-baseline` and `--baseline`: an archive adopts the linter, and only new slips are
reported, however the lines above them move."""

from __future__ import annotations

import json
from pathlib import Path

from stylelint_news.engine.baseline import fingerprint
from stylelint_news.finding import Finding

from conftest import built_cache, run_cli

STORY = (
    "# Harbour plans\n\n"
    "The council said said the harbour would reopen in spring.\n\n"
    "Fishermen welcomed the the news, and the mayor recieved a petition.\n"
)
WIRE = "Storm warning\n\nHeavy rain is expected expected across the north on Friday.\n"


def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    (folder / "2024").mkdir(parents=True)
    (folder / "story.md").write_text(STORY, encoding="utf-8")
    (folder / "2024" / "wire.txt").write_text(WIRE, encoding="utf-8")
    return folder


def lint(*args: str, cwd: Path) -> tuple[int, list[str], str]:
    r = run_cli("--select", "T", "--no-cache", *args, cwd=cwd)
    return r.returncode, r.stdout.decode().splitlines(), r.stderr.decode()


def test_round_trip_then_only_the_new_slip(tmp_path):
    folder = archive(tmp_path)
    code, out, _ = lint("archive", cwd=tmp_path)
    assert code == 1 and len(out) == 4
    code, out, err = lint("archive", "--write-baseline", "baseline.json", cwd=tmp_path)
    assert (code, out) == (0, []) and "wrote 4 findings to the baseline baseline.json" in err
    assert lint("archive", "--baseline", "baseline.json", cwd=tmp_path)[:2] == (0, [])
    story = folder / "story.md"
    story.write_text(story.read_text(encoding="utf-8") + "\nThe ferry will sail on on Sunday.\n", encoding="utf-8")
    code, out, _ = lint("archive", "--baseline", "baseline.json", cwd=tmp_path)
    assert code == 1 and len(out) == 1 and out[0].startswith("archive/story.md:7:") and '"on"' in out[0]


def test_lines_added_above_and_a_rewrapped_paragraph_bring_nothing_back(tmp_path):
    folder = archive(tmp_path)
    lint("archive", "--write-baseline", "baseline.json", cwd=tmp_path)
    story = folder / "story.md"
    text = story.read_text(encoding="utf-8").replace(
        "# Harbour plans\n\n", "# Harbour plans\n\nA new first paragraph.\n\n"
    )
    story.write_text(text.replace("the news, and the mayor", "the news,\nand   the mayor"), encoding="utf-8")
    wire = folder / "2024" / "wire.txt"
    wire.write_text(WIRE.replace("\n\n", "\n\nBy a reporter\n\n"), encoding="utf-8")
    assert lint("archive", "--baseline", "baseline.json", cwd=tmp_path)[:2] == (0, [])


def test_an_edit_beside_a_finding_or_a_copy_of_it_is_new(tmp_path):
    folder = archive(tmp_path)
    lint("archive", "--write-baseline", "baseline.json", cwd=tmp_path)
    story = folder / "story.md"
    story.write_text(STORY.replace("the harbour would", "the port would"), encoding="utf-8")
    out = lint("archive", "--baseline", "baseline.json", cwd=tmp_path)[1]
    assert len(out) == 1 and "said" in out[0]
    story.write_text(STORY + "\n" + STORY.split("\n\n")[1] + "\n", encoding="utf-8")  # the paragraph twice
    out = lint("archive", "--baseline", "baseline.json", "--select", "T003", cwd=tmp_path)[1]
    assert [ln.split(":")[1] for ln in out] == ["7"]


def test_identical_findings_are_counted(tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    line = "The tide came in in the evening.\n"
    (folder / "tides.md").write_text(line + "\n" + line, encoding="utf-8")
    lint("a", "--write-baseline", "b.json", cwd=tmp_path)
    entries = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["findings"]
    assert [e["count"] for e in entries] == [2]
    (folder / "tides.md").write_text(line + "\n" + line + "\n" + line, encoding="utf-8")
    out = lint("a", "--baseline", "b.json", cwd=tmp_path)[1]
    assert [ln.split(":")[1] for ln in out] == ["5"]


def test_the_file_is_sorted_stable_and_relative_to_its_own_folder(tmp_path):
    folder = archive(tmp_path)
    lint("archive", "--write-baseline", "baseline.json", cwd=tmp_path)
    first = (tmp_path / "baseline.json").read_text(encoding="utf-8")
    lint(str(folder), "--write-baseline", str(tmp_path / "baseline.json"), "--jobs", "2", cwd=folder / "2024")
    assert (tmp_path / "baseline.json").read_text(encoding="utf-8") == first
    doc = json.loads(first)
    assert doc["version"] == 1
    keys = [(e["path"], e["code"], e["fingerprint"]) for e in doc["findings"]]
    assert keys == sorted(keys) and {k[0] for k in keys} == {"archive/story.md", "archive/2024/wire.txt"}
    assert first.count("\n") == len(keys) + 6  # one finding a line
    assert lint(".", "--baseline", "../../baseline.json", cwd=folder / "2024")[:2] == (0, [])


def test_the_result_cache_and_the_baseline(tmp_path):
    archive(tmp_path)
    cache = ["--cache-dir", str(built_cache(tmp_path / "cache"))]
    for _ in range(2):  # the second run takes its findings from the cache, and fingerprints them alike
        r = run_cli("--select", "T", *cache, "archive", "--write-baseline", "b.json", cwd=tmp_path)
        assert r.returncode == 0, r.stderr
    r = run_cli("--select", "T", *cache, "archive", "--baseline", "b.json", cwd=tmp_path)
    assert (r.returncode, r.stdout) == (0, b"")
    r = run_cli("--select", "T", *cache, "archive", cwd=tmp_path)
    assert r.stdout.decode().count("\n") == 4  # the cache holds every finding, not those left


def test_a_baseline_that_cannot_be_read_is_one_line_and_exit_2(tmp_path):
    archive(tmp_path)
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "old.json").write_text('{"version": 99, "findings": []}', encoding="utf-8")
    (tmp_path / "odd.json").write_text('{"version": 1, "findings": [{"path": "a"}]}', encoding="utf-8")
    for name, why in [
        ("missing.json", "no such file"),
        ("bad.json", "invalid JSON"),
        ("old.json", "not a baseline of stylelint-news version 1"),
        ("odd.json", "without path, code and fingerprint"),
        ("archive", "is a directory"),
    ]:
        code, out, err = lint("archive", "--baseline", name, cwd=tmp_path)
        assert (code, out) == (2, []), name
        assert err.count("\n") == 1 and err.startswith(f"stylelint-news: {name}: ") and why in err, err
    code, out, err = lint("archive", "--write-baseline", "no/such/folder/b.json", cwd=tmp_path)
    assert code == 2 and err.count("\n") == 1 and "cannot write the baseline" in err


def test_the_baseline_file_in_a_linted_folder_is_not_an_article(tmp_path):
    folder = archive(tmp_path)
    name = folder / "baseline.json"  # a kind of file a folder run reads (JSON articles)
    lint("archive", "--write-baseline", str(name), cwd=tmp_path)
    assert name.exists()
    code, out, err = lint("archive", "--baseline", str(name), cwd=tmp_path)
    assert (code, out, err) == (0, [], "")


def test_fingerprint_reads_words_not_places():
    text = "Intro.\n\nThe mayor recieved a petition on Monday.\n"
    start = text.index("recieved")
    f = Finding("a.md", 3, 11, 3, 19, "T001", "misspelling", "m", start, start + 8)
    moved = "Intro.\n\nMore.\n\n" + text[8:]
    g = Finding("a.md", 5, 11, 5, 19, "T001", "misspelling", "m", start + 7, start + 15)
    assert fingerprint(text, f) == fingerprint(moved, g)
    assert fingerprint(text.replace("Monday", "Tuesday"), f) == fingerprint(text, f)  # four words away
    assert fingerprint(text.replace("mayor", "clerk"), f) != fingerprint(text, f)
    other = Finding("a.md", 3, 11, 3, 19, "T002", "real-word", "m", start, start + 8)
    assert fingerprint(text, other) != fingerprint(text, f)
