"""Property-based: any text lints without an exception; fixes touch only their spans and settle."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stylelint_news.config import Settings
from stylelint_news.engine.fixes import apply, choose
from stylelint_news.engine.linter import Flags, Linter
from stylelint_news.engine.plugins import build
from stylelint_news.text.document import WORD, Document
from stylelint_news.text.source import Source

REGISTRY = build(Settings())[1]
LINTER = Linter(Settings(), REGISTRY, Flags(select=("ALL",)))
FIXER = Linter(Settings(), REGISTRY, Flags(fix=True))
WORDS = st.sampled_from(
    [
        "the",
        "The",
        "to",
        "said",
        "Mr",
        "Smith",
        '"',
        "“",
        "”",
        "'",
        ".",
        ",",
        ":",
        "\n",
        "\n\n",
        "# ",
        "- ",
        "> ",
        "[",
        "](http://x.y)",
        "<!--",
        "-->",
        "---\n",
        "Themselves",
        "adder",
        "`",
    ]
)
TEXT = st.one_of(st.text(max_size=400), st.lists(WORDS, max_size=120).map(" ".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.sampled_from(["a.md", "a.txt"]))
def test_any_text_lints(text, path):
    result = LINTER.lint(Source(path, text))
    assert not result.problems, result.problems
    for f in result.findings:
        assert f.line >= 1 and f.column >= 1


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.sampled_from(["a.md", "a.txt"]))
def test_fixes_change_only_their_spans_and_are_idempotent(text, path):
    findings = LINTER.lint(Source(path, text)).findings
    edits, _ = choose(findings, unsafe=True)
    fixed = apply(text, edits)
    pos = 0
    for e in edits:  # everything between edits is untouched
        assert text[pos : e.start] in fixed
        pos = e.end
    once = FIXER.lint(Source(path, text)).fixed_text or text
    twice = FIXER.lint(Source(path, once)).fixed_text or once
    assert once == twice


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600), st.sampled_from(["a.md", "a.txt"]))
def test_random_bytes_end_in_findings_a_clear_error_or_nothing(data, path):
    from stylelint_news.errors import UsageError
    from stylelint_news.text.source import decode

    try:
        source = decode(path, data)
    except UsageError as err:
        assert str(err).startswith(f"{path}: ") and "\n" not in str(err)
        return
    result = LINTER.lint(source)
    assert not result.problems, result.problems


@pytest.mark.parametrize(
    "text",
    [
        "> " * 5000 + "Deep quote.\n",
        "[" * 3000 + "x" + "](y)" * 3000 + "\n",
        "- " * 2000 + "item\n",
        "*" * 10000 + "\n",
        "---\ntitle: [unclosed\n---\n\nBody text.\n",
        '---\ntitle: "x"\n',
        "+++\ntitle = 3\n+++\nBody.\n",
        "word " * 200_000 + "\n",
        "“" * 5000 + "”" * 5000,
        "<!-- stylelint-news: disable" + " T001" * 2000 + " -->\n",
    ],
)
def test_hostile_markdown_lints_without_a_traceback(text):
    for path in ("a.md", "a.txt"):
        result = LINTER.lint(Source(path, text))
        assert not result.problems, result.problems


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300), TEXT),
    st.sampled_from(["a.md", "a.txt"]),
)
def test_words_are_what_the_word_pattern_finds_in_each_block(text, path):
    d = Document(Source(path, text))
    expected = [(m.start(), m.end(), m.group()) for b in d.blocks for m in WORD.finditer(d.prose, b.start, b.end)]
    assert [tuple(w) for w in d.words] == expected


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_the_telltale_searches_never_change_the_prose_view(text):
    """A pattern is skipped when a plain search finds none of its telltales: so it must be a
    pattern that could not have matched."""
    from stylelint_news.text import prose

    quick = prose.prose_view(text, markdown=True)
    saved = dict(prose.TELLTALES)
    prose.TELLTALES.clear()
    try:
        assert prose.prose_view(text, markdown=True) == quick
    finally:
        prose.TELLTALES.update(saved)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["word", ".", "!", "?", "”", "'", ")", " ", "  ", "\t", "…", "Read more"]), max_size=30
    ).map("".join)
)
def test_the_last_sentence_end_found_from_the_end_is_the_last_found_from_the_start(text):
    from stylelint_news.packs.leftover import LAST_SENTENCE_END, SENTENCE_END

    forward = [m.end() for m in SENTENCE_END.finditer(text)]
    backward = LAST_SENTENCE_END.search(text)
    assert (backward.end() if backward else None) == (forward[-1] if forward else None)
