"""`--format jsonl`, the format of runs over archives (on a Dask cluster or not): one finding a
line, each the object `--format json` lists, written as each file is linted. No Dask needed."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

from stylelint_news.config import Settings
from stylelint_news.engine.linter import Result
from stylelint_news.engine.plugins import build
from stylelint_news.finding import Finding
from stylelint_news.output.formats import jsonl
from stylelint_news.output.report import Reporter, ReportOptions

from conftest import run_cli

DRAFT = "# Ferry times\n\nThe company said said the ferry would sail.\n\nThe new timetable starts in in May.\n"


def test_jsonl_is_the_json_array_a_line_an_item(tmp_path):
    (tmp_path / "a.md").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "b-caf\u00e9.md").write_text(DRAFT.replace("said said", "said"), encoding="utf-8")
    as_json = run_cli("--no-cache", "--format", "json", str(tmp_path))
    as_jsonl = run_cli("--no-cache", "--format", "jsonl", str(tmp_path))
    assert as_jsonl.returncode == as_json.returncode == 1
    lines = as_jsonl.stdout.decode().splitlines()
    assert [json.loads(line) for line in lines] == json.loads(as_json.stdout) and len(lines) == 3
    assert all("\n" not in line for line in lines) and "caf\u00e9.md" in as_jsonl.stdout.decode()  # not escaped
    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / "c.md").write_text("# Ferry times\n\nThe ferry sails at noon.\n", encoding="utf-8")
    assert run_cli("--no-cache", "--format", "jsonl", str(clean)).stdout == b""  # no findings, nothing at all


def finding(path: str, line: int) -> Finding:
    return Finding(path, line, 1, line, 4, "T003", "repeated-word", "repeated", 0, 3)


def test_jsonl_writes_each_file_as_it_comes():
    """The report holds no file's findings once the next file is asked for: a run over millions
    of articles keeps one file's findings in memory, not all of them."""
    written = io.StringIO()
    registry = build(Settings())[1]

    def results() -> Iterator[Result]:
        yield Result("a.md", findings=[finding("a.md", 3), finding("a.md", 1)])
        assert written.getvalue().count("\n") == 2, "a.md's findings were held back"
        yield Result("b.md", findings=[finding("b.md", 2)])

    reporter = Reporter(ReportOptions(format="jsonl"), registry.rules, jsonl, written.write)
    assert reporter.report(results()) == (3, [])
    rows = [json.loads(line) for line in written.getvalue().splitlines()]
    assert [(r["path"], r["line"]) for r in rows] == [("a.md", 1), ("a.md", 3), ("b.md", 2)]
