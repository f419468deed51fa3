"""Finding direct quotations in a block of prose.

Curly quotes say which way they face; straight ones do not, so their direction comes from their
neighbours: a mark after a space that touches a word opens, one after a word closes. News also
runs a speaker's words on across paragraphs by opening a new quotation without closing the last
(`... the Act. "Now the ministry ...`); an opening mark inside an open quotation therefore ends
the first one where the second begins, instead of inverting every quote after it.
"""

from __future__ import annotations

from ..engine.patterns import Lazy

OPEN_BEFORE = set(" \t\n([{—–-/") | {""}
#: The marks looked at; found by the regex engine, not by a Python loop over every character.
MARKS = Lazy("[\"“”'‘’]")


def _direction(text: str, i: int, start: int, end: int) -> str:
    """'open', 'close' or '' (not a quotation mark here) for the mark at i."""
    c = text[i]
    before = text[i - 1] if i > start else ""
    after = text[i + 1] if i + 1 < end else ""
    if c == "“" or (c == "‘" and (before in OPEN_BEFORE or not before.isalnum())):
        return "open"
    if c == "”":
        return "close"
    if c == "’":
        return "" if after.isalpha() else "close"
    if c in "\"'":
        opens = before in OPEN_BEFORE or (before in "\"“‘'" and c == "'")
        if opens and after and not after.isspace():
            return "open"
        if not opens and (c == '"' or not after.isalnum()):
            return "close"
    return ""


def find_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans (inside the marks) of double-quoted passages, and single-quoted ones outside them."""
    spans: list[tuple[int, int]] = []
    double: int | None = None
    single: int | None = None
    for m in MARKS.finditer(text, start, end):
        i = m.start()
        c = text[i]
        way = _direction(text, i, start, end)
        if not way:
            continue
        if c in '"“”':
            if way == "open":
                if double is not None:
                    spans.append((double, i))
                double, single = i + 1, None
            elif double is not None:
                spans.append((double, i))
                double = None
        elif double is None:
            if way == "open" and single is None:
                single = i + 1
            elif way == "close" and single is not None:
                spans.append((single, i))
                single = None
    if double is not None:
        # An unclosed quotation runs to the end of its block, as a continued quote does.
        spans.append((double, end))
    spans.sort()
    return spans
