"""The parts of an article a pack rule's `scope` names, as the stretches its patterns run on.

A scope is a list of the article's own parts: headline, standfirst, byline, caption (the parts a
CMS gives, see text/document.py), lead, paragraph, sentence, quotation and body. Each names
*units*: one headline, one lead, one body, but every paragraph, sentence or quotation. Counting
rules (`occurrence`) measure a unit; `required` and `conditional` look across all the units.

Patterns run on a unit's *segments*: the unit itself, except the body, whose segments are its
blocks (a match never runs from one paragraph into the next, as it never could). Each segment is
searched as a text of its own, so `^` and `$` (and `\\A`, `\\Z`) mean where the part starts and
ends, not where the file does: `^Breaking` in a `paragraph` rule finds a paragraph that opens
with the word. The segments' texts are cut once per document and scope and shared by the rules.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

from ..text import sentences
from ..text.document import Block, Document, Span
from ..text.words import tokenize

#: The scopes, in the order the article gives its parts.
SCOPES = ("headline", "standfirst", "byline", "caption", "lead", "paragraph", "sentence", "quotation", "body")

#: Scopes with at most one unit: when the article lacks the part, a `required` rule still fires.
SINGLE = frozenset({"headline", "standfirst", "byline", "lead", "body"})

#: The parts outside the body: their text is read from the file (front matter and image captions
#: are blanked in the prose view), as the headline's always was.
OUTSIDE_BODY = frozenset({"headline", "standfirst", "byline", "caption"})


class Segment(NamedTuple):
    """A stretch a pattern runs on, [start, end) of `source` (the file's text, or its prose
    view: what the offsets index). A tuple, as a document has hundreds (one a sentence), and its
    text is cut only when a pattern runs on it (counting words needs none)."""

    start: int
    end: int
    source: str

    @property
    def text(self) -> str:
        """The segment as a text of its own, which a pattern searches whole."""
        return self.source[self.start : self.end]


class Unit(NamedTuple):
    """One of a scope's parts: one headline, one paragraph, one sentence; its segments."""

    kind: str
    start: int
    end: int
    segments: tuple[Segment, ...]

    @property
    def text(self) -> str:
        """The unit's text (a body's blocks joined by a blank line)."""
        return "\n\n".join(s.text for s in self.segments)


def units(doc: Document, kind: str) -> list[Unit]:
    """The units of one scope in a document, in order (built once per document)."""
    return doc.memo(f"pack-scope:{kind}", lambda d: _build(d, kind))


def segments(doc: Document, scope: tuple[str, ...]) -> list[Segment]:
    """Every segment of a scope, in file order (built once per document and scope); where
    scopes overlap (lead and body, paragraph and sentence) each is searched in its own right,
    and the caller drops repeated matches."""

    def build(d: Document) -> list[Segment]:
        found = [s for kind in scope for u in units(d, kind) for s in u.segments]
        return found if len(scope) == 1 else sorted(found, key=lambda s: s.start)

    return doc.memo(f"pack-segments:{','.join(scope)}", build)


def word_starts(doc: Document, unit: Unit) -> list[int]:
    """Where the words of a unit start, as the tool counts words (letters and digits, with inner
    apostrophes and hyphens): from the body's own tokens where the unit is in the body."""
    if unit.kind in OUTSIDE_BODY:
        return tokenize(unit.segments[0].source, unit.start, unit.end).starts
    starts = doc.words.starts
    return starts[bisect_left(starts, unit.start) : bisect_left(starts, unit.end)]


def sentences_of(doc: Document, unit: Unit) -> list[Span]:
    """The sentences of a unit in order: the body's own where the unit is in the body."""
    if unit.kind in OUTSIDE_BODY:
        return [Span(*s) for s in sentences.split(unit.segments[0].source, unit.start, unit.end)]
    found = doc.sentences
    first = bisect_left(found, unit.start, key=lambda s: s.start)
    return found[first : bisect_left(found, unit.end, key=lambda s: s.start)]


def openers(doc: Document) -> list[int]:
    """For each of the body's sentences, the index in `doc.words` of its first word (-1 for a
    sentence without one), found by bisection once per document."""

    def build(d: Document) -> list[int]:
        starts = d.words.starts
        out = []
        for s in d.sentences:
            i = bisect_left(starts, s.start)
            out.append(i if i < len(starts) and starts[i] < s.end else -1)
        return out

    return doc.memo("pack-openers", build)


def _build(doc: Document, kind: str) -> list[Unit]:
    if kind in OUTSIDE_BODY:
        if kind == "headline":
            parts: list[Block] = [doc.headline] if doc.headline is not None else []
        else:
            parts = [p for p in doc.parts if p.kind == kind]
        return [_unit(kind, doc.text, p.start, p.end) for p in parts]
    prose = doc.prose
    if kind == "lead":
        return [_unit(kind, prose, doc.lead.start, doc.lead.end)] if doc.lead is not None else []
    if kind == "paragraph":
        return [_unit(kind, prose, b.start, b.end) for b in doc.paragraphs]
    if kind == "sentence":
        return [_unit(kind, prose, s.start, s.end) for s in doc.sentences]
    if kind == "quotation":
        return [_unit(kind, prose, q.start, q.end) for q in doc.quotes if q.end > q.start]
    if kind == "body":
        blocks = doc.blocks
        if not blocks:
            return []
        return [
            Unit(
                kind,
                blocks[0].start,
                blocks[-1].end,
                tuple(Segment(b.start, b.end, prose) for b in blocks),
            )
        ]
    raise ValueError(f"unknown scope {kind!r}")


def _unit(kind: str, source: str, start: int, end: int) -> Unit:
    return Unit(kind, start, end, (Segment(start, end, source),))
