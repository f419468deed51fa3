"""Inline suppression in Markdown and plain text, and reporting the unused ones."""

from __future__ import annotations

from conftest import codes


def test_disable_enable_range(lint):
    text = (
        "A to to b.\n\n<!-- stylelint-news: disable T003 -->\n\nC to to d.\n\n"
        "<!-- stylelint-news: enable -->\n\nE to to f.\n"
    )
    assert [f.line for f in lint(text, select="T003")] == [1, 9]


def test_disable_next_line_by_prefix_and_name(lint):
    text = "<!-- stylelint-news: disable-next-line T -->\nA to to b.\n\nC to to d.\n"
    assert [f.line for f in lint(text, select="T003")] == [4]
    text = "<!-- stylelint-news: disable-next-line repeated-word -->\nA to to b.\n"
    assert lint(text, select="T003") == []


def test_plain_text_directive_is_not_prose(lint):
    text = "Headline\n\n# stylelint-news: disable-next-line T003\nA to to b.\n"
    assert lint(text, select="T003", path="a.txt") == []


def test_unused_suppression_is_reported_on_request(registry):
    from stylelint_news.config import Settings
    from stylelint_news.engine.linter import Flags, Linter
    from stylelint_news.text.source import Source

    text = "<!-- stylelint-news: disable-next-line T003 -->\nA clean line.\n"
    linter = Linter(Settings(), registry, Flags(select=("T003",), report_unused_suppressions=True))
    found = linter.lint(Source("a.md", text)).findings
    assert codes(found) == ["X001"] and "suppresses nothing" in found[0].message


def test_unknown_directive_is_an_error(registry):
    from stylelint_news.config import Settings
    from stylelint_news.engine.linter import Linter
    from stylelint_news.text.source import Source

    result = Linter(Settings(), registry).lint(Source("a.md", "<!-- stylelint-news: disabel T003 -->\n"))
    assert result.problems == [
        "a.md:1:1: unknown suppression `disabel` (use disable, enable, disable-line, disable-next-line)"
    ]
