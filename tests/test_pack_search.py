"""How a pack rule searches: a file that cannot hold a match is not searched, which may save
work and never lose a match."""

from __future__ import annotations

import time

import pytest

from stylelint_news.engine.context import Context
from stylelint_news.packs import literals
from stylelint_news.packs.loader import read_pack
from stylelint_news.packs.types import BUILTIN_TYPES
from stylelint_news.text.document import Document
from stylelint_news.text.source import Source


def rule(body: str, kind: str = "existence"):
    (made,) = read_pack(
        f'[[rule]]\ncode = "N001"\nname = "x"\ntype = "{kind}"\nmessage = "m {{match}}"\n{body}\n',
        "desk.toml",
        BUILTIN_TYPES,
    )
    return made


def matched(made, text: str) -> list[str]:
    doc = Document(Source("a.md", text))
    return [text[f.start : f.end] for f in made.check(doc, Context())]


def test_a_file_without_the_text_every_match_needs_is_not_searched():
    # this pattern backtracks without end on a run of a's and a "!"; every match holds "!x"
    made = rule("patterns = ['(a|a)+!x']")
    started = time.monotonic()
    assert matched(made, "# Head\n\n" + "a" * 40 + "!\n") == []
    assert time.monotonic() - started < 0.5  # searched, it would spend its whole second
    assert matched(made, "# Head\n\nShe wrote aaa!x.\n") == ["aaa!x"]


@pytest.mark.parametrize(
    ("pattern", "text", "match"),
    [
        # regex reads a POSIX class, re a set and a literal "]": no "]" in the file
        ("[[:digit:]]+ ferries", "# Head\n\nThere are 12 ferries.\n", "12 ferries"),
        # regex's fuzzy matching, which re reads as the characters "{e<=1}"
        ("(?:Kiev){e<=1}", "# Head\n\nShe flew to Kyev.\n", "Kyev"),
    ],
)
def test_a_pattern_re_reads_otherwise_than_regex_keeps_its_matches(pattern, text, match):
    assert literals.plan(pattern).literals is None
    assert matched(rule(f"patterns = ['{pattern}']"), text) == [match]


def test_the_prefilter_folds_case_as_the_regex_engine_matches_it():
    # without regard to case, regex matches a capital I to a dotless ı, which casefold keeps apart
    made = rule("ignore-case = true\npatterns = ['KIEV']")
    assert matched(made, "# Head\n\nKıEV IS NOT KYIV.\n") == ["KıEV"]


def test_the_prefilter_reads_the_prose_view_as_well_as_the_file():
    # the prose view blanks a table's bar, so "per|cent" is searched as "per cent"
    made = rule("patterns = ['\\bper cent\\b']")
    assert matched(made, "# Head\n\nGrowth: 5 per|cent\n") == ["per|cent"]
