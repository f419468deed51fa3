"""Property-based: any text lints without an exception; findings are where they say; fixes touch
only their spans (checked against an expectation built apart from the code that applies them)
and settle; all of it also on the piece path that files past 2 MB take, and with long words."""

from __future__ import annotations

from bisect import bisect_left
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stylelint_news.config import Settings
from stylelint_news.engine import linter as linter_module
from stylelint_news.engine.fixes import apply, choose
from stylelint_news.engine.linter import Flags, Linter
from stylelint_news.engine.plugins import build
from stylelint_news.text.document import WORD, Document
from stylelint_news.text.source import Source

REGISTRY = build(Settings())[1]
LINTER = Linter(Settings(), REGISTRY, Flags(select=("ALL",)))
FIXER = Linter(Settings(), REGISTRY, Flags(select=("ALL",), fix=True, unsafe_fixes=True))
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
#: Words far past any real word's length, which the spelling rules must pass over cheaply.
LONG_WORDS = st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzéA"), min_size=30, max_size=5000)
TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(WORDS, max_size=120).map(" ".join),
    st.lists(st.one_of(WORDS, WORDS, WORDS, LONG_WORDS), max_size=40).map(" ".join),
)
#: Sentences with slips that have fixes (our own), so that fixes are drawn often, next to the
#: text's ends and its newlines, where an off-by-one shows.
SLIPS = st.sampled_from(
    [
        "The ferry sailed to to the island.",
        "The the harbour was closed.",
        "Passengers waited waited for hours.",
        "The council met in Kiev on Monday.",
        "Fares rose by 5 per cent.",
        "\n\n",
        "\r\n",
    ]
)
FIXABLE = st.tuples(
    st.lists(st.one_of(WORDS, SLIPS, SLIPS), min_size=1, max_size=40).map(" ".join),
    st.sampled_from(["", "\n", "\n\n", "\r\n", " "]),
).map("".join)
#: Texts longer than the piece sizes the piece test draws, so they are cut.
LONG_TEXT = st.lists(st.one_of(WORDS, WORDS, SLIPS, WORDS, LONG_WORDS), min_size=20, max_size=200).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.sampled_from(["a.md", "a.txt"]))
def test_any_text_lints(text, path):
    result = LINTER.lint(Source(path, text))
    assert not result.problems, result.problems
    for f in result.findings:
        assert f.line >= 1 and f.column >= 1


def spliced(text: str, edits) -> str:
    """The text with the edits made, built forwards from the original: the expectation a fix is
    checked against, written apart from fixes.apply (which works backwards)."""
    out, pos = [], 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        assert pos <= e.start <= e.end <= len(text), f"edits overlap or leave the text: {e}"
        out += [text[pos : e.start], e.text]
        pos = e.end
    return "".join(out) + text[pos:]


def newlines(text: str) -> list[int]:
    """Where each newline is, found by walking the text (not as the engine finds lines)."""
    return [i for i, ch in enumerate(text) if ch == "\n"]


def position(breaks: list[int], offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of an offset, from the text's newlines: a
    bisection, so a 4 MB text with thousands of findings is checked in seconds."""
    line = bisect_left(breaks, offset)
    return line + 1, offset - (breaks[line - 1] + 1 if line else 0) + 1


def check_findings(text: str, findings) -> None:
    """Every finding lies in the text, where its line and column say, and so do its fix's edits."""
    breaks = newlines(text)
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text), f
        assert (f.line, f.column) == position(breaks, f.start), f
        assert (f.end_line, f.end_column) == position(breaks, f.end), f
        for e in f.fix.edits if f.fix else ():
            assert 0 <= e.start <= e.end <= len(text), (f, e)


def expected_fixes(text: str, path: str, passes: int) -> str:
    """What --fix should write, found by linting, choosing and splicing up to `passes` times."""
    for _ in range(passes):
        findings = LINTER.lint(Source(path, text)).findings
        edits, fixed = choose(findings, unsafe=True)
        assert {e for f in fixed for e in f.fix.edits} == set(edits)  # each edit is a finding's own
        if not edits:
            break
        text = spliced(text, edits)
    return text


def fixed(text: str, path: str) -> str:
    return FIXER.lint(Source(path, text)).fixed_text or text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(TEXT, FIXABLE), st.sampled_from(["a.md", "a.txt"]))
def test_fixes_change_only_their_spans_and_are_idempotent(text, path):
    """Each pass of --fix gives exactly the text with the chosen edits spliced in (nothing
    outside them changes, a final newline included), and fixing the result changes nothing."""
    findings = LINTER.lint(Source(path, text)).findings
    check_findings(text, findings)
    edits, _ = choose(findings, unsafe=True)
    assert apply(text, edits) == spliced(text, edits)
    with fix_passes(1):
        assert fixed(text, path) == expected_fixes(text, path, 1)
    once = fixed(text, path)
    assert once == expected_fixes(text, path, linter_module.MAX_FIX_PASSES)
    assert fixed(once, path) == once


@contextmanager
def fix_passes(n: int):
    saved = linter_module.MAX_FIX_PASSES
    linter_module.MAX_FIX_PASSES = n
    try:
        yield
    finally:
        linter_module.MAX_FIX_PASSES = saved


@contextmanager
def pieces_of(size: int):
    """Files cut in pieces of about `size` characters, as files past 2 MB are."""
    saved = linter_module.PIECE
    linter_module.PIECE = size
    try:
        yield
    finally:
        linter_module.PIECE = saved


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LONG_TEXT, st.sampled_from(["a.md", "a.txt"]), st.integers(10, 300))
def test_files_linted_in_pieces_keep_positions_and_fixes_exact(text, path, size):
    """The piece path (files past 2 MB) on texts past the piece size, with long words: every
    finding is where its line and column say in the whole file, and each fix pass changes only
    the chosen spans of the whole text."""
    with pieces_of(size):
        result = LINTER.lint(Source(path, text))
        assert not result.problems, result.problems
        check_findings(text, result.findings)
        with fix_passes(1):
            assert fixed(text, path) == expected_fixes(text, path, 1)


@pytest.mark.slow
@settings(max_examples=1, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(WORDS, min_size=20, max_size=60).map(" ".join), st.sampled_from(["a.md", "a.txt"]))
def test_a_text_past_the_real_piece_size(fragment, path):
    """Past the real piece size (no piece size made small): positions and one fix pass, as above,
    across a real boundary between pieces."""
    text = (fragment + "\n\n") * (2 * linter_module.PIECE // (len(fragment) + 2) + 100)
    assert linter_module._cut(Source(path, text))  # linted in pieces, or the test proves nothing
    findings = LINTER.lint(Source(path, text)).findings
    check_findings(text, findings)
    edits, _ = choose(findings, unsafe=True)
    with fix_passes(1):
        assert fixed(text, path) == spliced(text, edits)


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
