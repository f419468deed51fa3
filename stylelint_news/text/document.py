"""The Document: a file parsed once and shared by every rule.

Rules work on the prose view (see prose.py) and on the structure found in it: the article's parts
(headline, standfirst, byline, captions: `parts`), the body's blocks (paragraphs, headings, list
items, block quotes), sentences, words and quotations, each with offsets into the file. The
heavier views are computed on first use and cached, so a run with only one rule selected pays
only for what that rule reads.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from ..engine.patterns import Lazy
from . import sentences
from .fields import DEFAULT_FIELDS
from .prose import IMAGE_ALT, prose_view
from .source import Source
from .words import CLITIC, WORD, WORD_SPLIT, Span, Word, Words, tokenize

__all__ = ["CLITIC", "WORD", "WORD_SPLIT", "Block", "Document", "Span", "Word", "Words"]

HEADING = Lazy(r"[ \t]{0,3}#{1,6}(?:[ \t]|$)")

LIST_ITEM = Lazy(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]")

QUOTE_LINE = Lazy(r"[ \t]{0,3}>")

SETEXT = Lazy(r"[ \t]{0,3}(?:=+|-+)[ \t]*$")

NEWLINE = Lazy(r"\n")

T = TypeVar("T")


@dataclass(frozen=True)
class Block:
    """A paragraph-level unit of the body, or the headline.

    `kind` is one of: headline, heading, paragraph, list, quote. `text` is the block's prose
    (for a front-matter headline, the title itself).
    """

    kind: str
    start: int
    end: int
    text: str

    @cached_property
    def lines(self) -> list[Span]:
        """Each line of the block, trimmed, as spans in the file (D001 and D004 both read them)."""
        spans = []
        pos = self.start
        for piece in self.text.split("\n"):
            s, e = pos, pos + len(piece)
            stripped = piece.strip()
            if stripped:
                lead = len(piece) - len(piece.lstrip())
                spans.append(Span(s + lead, s + lead + len(stripped)))
            pos = e + 1
        return spans


class Document:
    """A parsed article. Construct with `Document.parse(source)`."""

    def __init__(self, source: Source, fields: Mapping[str, Sequence[str]] = DEFAULT_FIELDS) -> None:
        self.source = source
        self.path = source.path
        self.text = source.text
        self.markdown = source.is_markdown
        self.continuation = source.continuation
        self.prose, self.fields = prose_view(self.text, self.markdown, not source.continuation, fields)

    @classmethod
    def parse(cls, source: Source, fields: Mapping[str, Sequence[str]] = DEFAULT_FIELDS) -> Document:
        """The document of a source; `fields` names the front matter keys of each article part."""
        return cls(source, fields)

    def memo(self, key: str, build: Callable[[Document], T]) -> T:
        """A view of the document that several rules share (D002 and D003 share the paragraph
        fingerprints, C001 and C002 the capitals in context), built by the first to ask."""
        views = self.__dict__.setdefault("_views", {})
        if key not in views:
            views[key] = build(self)
        return views[key]

    # -- positions ---------------------------------------------------------------------------

    @cached_property
    def line_starts(self) -> list[int]:
        return [0] + [m.end() for m in NEWLINE.finditer(self.text)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of an offset."""
        line = bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line ending."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    # -- structure ---------------------------------------------------------------------------

    @cached_property
    def _structure(self) -> tuple[Block | None, list[Block]]:
        raw_blocks = self._raw_blocks()
        headline: Block | None = None
        if self.continuation:
            pass  # a later piece of a large file: its first line is body text
        elif "headline" in self.fields:
            t = self.fields["headline"]
            headline = Block("headline", t.start, t.end, t.text)
        elif raw_blocks and (not self.markdown or raw_blocks[0].kind == "heading"):
            first = raw_blocks[0]
            line = first.lines[0]
            if self.markdown and first.kind == "heading" and HEADING.match(self.text, self.line_starts_at(line.start)):
                headline = Block("headline", line.start, line.end, self.prose[line.start : line.end])
                raw_blocks = raw_blocks[1:]
            elif not self.markdown:
                headline = Block("headline", line.start, line.end, self.prose[line.start : line.end])
                rest = self.prose[line.end : first.end]
                raw_blocks = raw_blocks[1:]
                if rest.strip():
                    lead = len(rest) - len(rest.lstrip())
                    raw_blocks.insert(0, Block("paragraph", line.end + lead, first.end, rest.strip()))
        return headline, raw_blocks

    def line_starts_at(self, offset: int) -> int:
        """The offset of the start of the line holding `offset`."""
        return self.line_starts[bisect_right(self.line_starts, offset) - 1]

    def _line_kind(self, line_start: int, line_end: int) -> str:
        if not self.markdown:
            return "paragraph"
        if HEADING.match(self.text, line_start, line_end):
            return "heading"
        if QUOTE_LINE.match(self.text, line_start, line_end):
            return "quote"
        if LIST_ITEM.match(self.text, line_start, line_end):
            return "list"
        return "paragraph"

    def _raw_blocks(self) -> list[Block]:
        """Runs of non-blank prose lines; in Markdown a heading or list item starts its own block."""
        blocks: list[Block] = []
        starts = self.line_starts
        current: list[int] | None = None  # [start, end, kind index]
        kinds: list[str] = []

        def close() -> None:
            if current is not None:
                s, e = current
                blocks.append(Block(kinds[-1], s, e, self.prose[s:e]))

        for i, ls in enumerate(starts):
            le = starts[i + 1] - 1 if i + 1 < len(starts) else len(self.text)
            line = self.prose[ls:le]
            if not line.strip():
                close()
                current = None
                continue
            kind = self._line_kind(ls, le)
            if self.markdown and current is not None and SETEXT.match(self.text, ls, le) is not None:
                kinds[-1] = "heading"
                continue
            lead = len(line) - len(line.lstrip())
            trail = len(line.rstrip())
            if (
                current is None
                or kind in ("heading", "list")
                or kinds[-1] == "heading"
                or (kind == "quote") != (kinds[-1] == "quote")
            ):
                close()
                current = [ls + lead, ls + trail]
                kinds.append(kind)
            else:
                current[1] = ls + trail
        close()
        return blocks

    @property
    def headline(self) -> Block | None:
        """Front matter `title`, a leading `#` heading, or the first line of a plain-text article."""
        return self._structure[0]

    @property
    def blocks(self) -> list[Block]:
        """The body's blocks in order (the headline is not one of them)."""
        return self._structure[1]

    @cached_property
    def paragraphs(self) -> list[Block]:
        """Body blocks of running text: paragraphs and block quotes (not headings or list items)."""
        return [b for b in self.blocks if b.kind in ("paragraph", "quote")]

    @property
    def lead(self) -> Block | None:
        """The first paragraph of the body: the one the headline sells."""
        return self.paragraphs[0] if self.paragraphs else None

    @cached_property
    def sentences(self) -> list[Span]:
        """Sentences of every body block (never across blocks)."""
        out: list[Span] = []
        for block in self.blocks:
            out.extend(map(Span._make, sentences.split(self.prose, block.start, block.end)))
        return out

    @cached_property
    def words(self) -> Words:
        """Word tokens of the body's prose, split in one call (between blocks there are only
        blank lines, so no word is found outside one)."""
        if not self.blocks:
            return Words([], [], [])
        return tokenize(self.prose, self.blocks[0].start, self.blocks[-1].end)

    # -- the article's other parts ----------------------------------------------------------

    @cached_property
    def parts(self) -> list[Block]:
        """The parts of the article outside the body that a reader sees, in file order: the
        headline, the standfirst and the byline (front matter fields), and image captions (the
        alternative text of a Markdown image). Each is a Block of that kind, its text as written."""
        out: list[Block] = []
        if self.headline is not None:
            out.append(self.headline)
        for kind in ("standfirst", "byline"):
            field = self.fields.get(kind)
            if field is not None:
                out.append(Block(kind, field.start, field.end, field.text))
        if self.markdown and "![" in self.text:
            out.extend(
                Block("caption", m.start(1), m.end(1), m.group(1))
                for m in IMAGE_ALT.finditer(self.text)
                if m.group(1).strip()
            )
        return sorted(out, key=lambda b: b.start)

    def part(self, kind: str) -> Block | None:
        """The first part of a kind ("headline", "standfirst", "byline", "caption"), if any."""
        return next((b for b in self.parts if b.kind == kind), None)

    @cached_property
    def read_words(self) -> Words:
        """Every word a reader sees: the parts' and the body's, in file order (what the typo
        rules read; the other families read the body's `words`)."""
        pieces = [tokenize(self._text_of(p), p.start, p.end) for p in self.parts]
        if not pieces:
            return self.words
        pieces.append(self.words)
        pieces.sort(key=lambda w: w.starts[0] if w.starts else -1)
        return Words(
            [t for w in pieces for t in w.texts],
            [s for w in pieces for s in w.starts],
            [e for w in pieces for e in w.ends],
        )

    def _text_of(self, part: Block) -> str:
        """Where a part's characters are: the file's own text for front matter and captions (the
        prose view blanks both), the prose view for a headline in the body."""
        return self.prose if self.prose[part.start : part.end].strip() else self.text

    def words_in(self, start: int, end: int) -> Words:
        """The words that start in [start, end), found by bisection."""
        starts = self.words.starts
        return self.words[bisect_left(starts, start) : bisect_left(starts, end)]

    @cached_property
    def quotes(self) -> list[Span]:
        """Direct quotations (the span inside the marks), found per block; see quotes.py."""
        from .quotes import find_quotes

        out: list[Span] = []
        for block in self.blocks:
            out.extend(map(Span._make, find_quotes(self.prose, block.start, block.end)))
        return out

    def quotes_in(self, start: int, end: int) -> list[Span]:
        """The quotations that begin in [start, end), found by bisection (no scan of them all)."""
        quotes = self.quotes
        return quotes[bisect_left(quotes, (start, -1)) : bisect_left(quotes, (end, -1))]

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.start for b in self.blocks]

    def block_at(self, offset: int) -> int:
        """The index in `blocks` of the block holding an offset (or the last one before it)."""
        return bisect_right(self._block_starts, offset) - 1

    def in_quote(self, offset: int) -> Span | None:
        """The quotation holding an offset, if any."""
        quotes = self.quotes
        i = bisect_right(quotes, (offset, float("inf"))) - 1
        if i >= 0 and quotes[i].start <= offset < quotes[i].end:
            return quotes[i]
        return None
