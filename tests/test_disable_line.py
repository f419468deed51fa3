"""`disable-line`: a directive at the end of the line it excuses, as flake8's `# noqa` is."""

from __future__ import annotations

from conftest import codes, run_cli


def test_disable_line_covers_its_own_line_only(lint):
    text = "A to to b. <!-- stylelint-news: disable-line T003 -->\nC to to d.\n"
    assert [f.line for f in lint(text, select="T003")] == [2]


def test_disable_line_names_codes_prefixes_and_names(lint):
    text = "A to to b and a recieved c. <!-- stylelint-news: disable-line T003 -->\n"
    assert codes(lint(text, select=("T001", "T003"))) == ["T001"]
    text = "A to to b and a recieved c. <!-- stylelint-news: disable-line T -->\n"
    assert lint(text, select=("T001", "T003")) == []
    text = "A to to b. <!-- stylelint-news: disable-line repeated-word -->\n"
    assert lint(text, select="T003") == []


def test_disable_line_before_the_words_and_in_plain_text(lint):
    text = "Headline\n\n<!-- stylelint-news: disable-line T003 --> A to to b.\nC to to d.\n"
    assert [f.line for f in lint(text, select="T003", path="a.txt")] == [4]


def test_disable_line_with_nothing_under_it_is_unused(registry):
    from stylelint_news.config import Settings
    from stylelint_news.engine.linter import Flags, Linter
    from stylelint_news.text.source import Source

    text = "A clean line. <!-- stylelint-news: disable-line T003 -->\n"
    linter = Linter(Settings(), registry, Flags(select=("T003",), report_unused_suppressions=True))
    assert codes(linter.lint(Source("a.md", text)).findings) == ["X001"]


def test_disable_line_end_to_end_and_a_misspelt_verb_is_still_exit_2(tmp_path):
    good = tmp_path / "good.md"
    good.write_text("The ferry sailed to to the isles. <!-- stylelint-news: disable-line T003 -->\n", encoding="utf-8")
    r = run_cli(str(good), "--select", "T003")
    assert (r.returncode, r.stdout, r.stderr) == (0, b"", b"")
    bad = tmp_path / "bad.md"
    bad.write_text("The ferry sailed. <!-- stylelint-news: disable-lines T003 -->\n", encoding="utf-8")
    r = run_cli(str(bad), "--select", "T003")
    assert r.returncode == 2
    assert r.stderr.decode().count("\n") == 1 and "unknown suppression `disable-lines`" in r.stderr.decode()
