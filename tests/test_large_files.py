"""A file too large to lint whole is linted in pieces: same findings, same places, same fixes."""

from __future__ import annotations

import pytest

from stylelint_news.config import Settings
from stylelint_news.engine import linter as engine
from stylelint_news.engine.linter import Flags, Linter
from stylelint_news.text.source import Source

#: A misspelling made once is flagged (twice, it is taken as meant), and a stray capital seen three
#: times is taken for a name, so each paragraph has its own.
CAPITALS = ["Their", "Also", "Its", "Our", "Whose", "Those", "These", "Every", "Each", "Some"]  # each once too
TYPOS = [
    "finaly",
    "goverment",
    "recieved",
    "seperate",
    "untill",
    "becuase",
    "tommorow",
    "occured",
    "definately",
    "wierd",
]
PARAGRAPHS = [
    "The harbour board met on Tuesday to discuss the the new ferry timetable ({typo}).",
    "The operator said the service would resume, and {capital} passengers would be told.",
    "Residents asked for a later sailing on Sundays.",
]


def draft(n: int, newline: str = "\n") -> str:
    body = [
        f"{PARAGRAPHS[i % len(PARAGRAPHS)]} (note {i})".format(typo=TYPOS[i // 3], capital=CAPITALS[i // 3])
        for i in range(n)
    ]
    return f"# Ferry timetable{newline}{newline}" + f"{newline}{newline}".join(body) + newline


def findings(text: str, path: str = "big.md", fix: bool = False):
    linter = Linter(Settings(), REGISTRY, Flags(select=("T001", "T003", "C001"), fix=fix))
    return linter.lint(Source(path, text))


@pytest.fixture(scope="module", autouse=True)
def registry():
    global REGISTRY
    from stylelint_news.engine.plugins import build

    REGISTRY = build(Settings())[1]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("path", ["big.md", "big.txt"])
def test_pieces_give_the_findings_of_the_whole(monkeypatch, newline, path):
    text = draft(30, newline)
    whole = [
        (f.line, f.column, f.end_line, f.end_column, f.start, f.end, f.code) for f in findings(text, path).findings
    ]
    assert len(whole) == 30  # a typo and a doubled word in 10 paragraphs, a stray capital in 10 others
    monkeypatch.setattr(engine, "PIECE", 400)
    pieced = [
        (f.line, f.column, f.end_line, f.end_column, f.start, f.end, f.code) for f in findings(text, path).findings
    ]
    assert pieced == whole


def test_fixes_in_later_pieces_land_where_they_belong(monkeypatch):
    text = draft(30)
    expected = findings(text, fix=True).fixed_text
    monkeypatch.setattr(engine, "PIECE", 400)
    fixed = findings(text, fix=True).fixed_text
    assert fixed == expected and "the the" not in fixed and "and Their passengers" not in fixed


def test_a_body_with_no_line_break_is_cut_between_words(monkeypatch):
    text = "Ferry timetable\n\n" + " ".join(
        p.format(typo=t, capital=c) for t, c in zip(TYPOS, CAPITALS) for p in PARAGRAPHS
    )
    whole = [(f.line, f.column, f.code) for f in findings(text, "one-line.txt").findings]
    monkeypatch.setattr(engine, "PIECE", 300)
    assert [(f.line, f.column, f.code) for f in findings(text, "one-line.txt").findings] == whole


def test_a_huge_files_findings_are_written_as_each_piece_is_linted(tmp_path, monkeypatch):
    """A 212 MB file used to keep every finding until the end (4.7 GB); the report now writes
    each piece's findings before the next piece is linted, in the order sorting them would give."""
    from stylelint_news.cli.args import parser
    from stylelint_news.cli.lint import run

    big = tmp_path / "big.md"
    big.write_text(draft(30), encoding="utf-8")
    events: list[str] = []
    real = Linter._lint_piece

    def piece(self, source):
        events.append("lint")
        return real(self, source)

    def out(text: str) -> None:
        if text:
            events.append("write")
            written.append(text)

    written: list[str] = []
    monkeypatch.setattr(Linter, "_lint_piece", piece)
    monkeypatch.setattr(engine, "PIECE", 400)
    args = parser().parse_args([str(big), "--no-cache", "--select", "T001,T003,C001", "--jobs", "1"])
    assert run(args, out) == 1
    assert events.count("lint") >= 5 and events[:4] == ["lint", "write", "lint", "write"], events
    monkeypatch.setattr(engine, "PIECE", 1_000_000)
    whole: list[str] = []
    assert run(parser().parse_args([str(big), "--no-cache", "--select", "T001,T003,C001"]), whole.append) == 1
    assert "".join(written) == "".join(whole)


def test_files_are_reported_in_the_order_of_their_paths_whatever_order_they_are_named(tmp_path):
    """Each file's findings are written as it is linted; the files are linted sorted (each once,
    standard input in its place by name), so the report is what sorting every finding gave."""
    from conftest import run_cli

    for name in ("b.md", "a.md", "c.md"):
        (tmp_path / name).write_text("They sailed to to the island.\n", encoding="utf-8")
    r = run_cli(
        str(tmp_path / "c.md"),
        "-",
        str(tmp_path / "a.md"),
        str(tmp_path / "c.md"),
        "--stdin-filename",
        str(tmp_path / "b.md"),
        "--no-cache",
        stdin=b"They sailed to to the island.\n",
    )
    paths = [line.split(":")[0] for line in r.stdout.decode().splitlines()]
    assert paths == [str(tmp_path / n) for n in ("a.md", "b.md", "c.md")]


def test_with_a_pool_a_huge_file_is_linted_in_pieces_in_place(tmp_path, monkeypatch):
    """Workers send whole files back, so a huge file is linted by the parent, piece by piece,
    while the workers go on with the rest: the report is the one a single process writes."""
    from stylelint_news.cli.args import parser
    from stylelint_news.cli.lint import run

    monkeypatch.setattr(engine, "PIECE", 400)
    for n in range(10):
        (tmp_path / f"{n}.md").write_text("They sailed to to the island.\n", encoding="utf-8")
    (tmp_path / "5-big.md").write_text(draft(30), encoding="utf-8")
    reports = []
    for jobs in ("1", "2"):
        out: list[str] = []
        args = parser().parse_args([str(tmp_path), "--no-cache", "--select", "T001,T003,C001", "--jobs", jobs])
        assert run(args, out.append) == 1
        reports.append("".join(out))
    assert reports[0] == reports[1] and reports[0].count("5-big.md") == 30
