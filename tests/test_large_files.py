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
