"""The Document: a file parsed once and shared by every rule.

Rules work on the prose view (see prose.py) and on the structure found in it: the headline, the
body's blocks (paragraphs, headings, list items, block quotes), sentences, words and quotations,
each with offsets into the file. The heavier views are computed on first use and cached, so a run
with only one rule selected pays only for what that rule reads.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Container, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate, compress, count, repeat
from typing import NamedTuple, TypeVar, overload

from ..engine.patterns import Lazy
from . import sentences
from .prose import prose_view
from .source import Source

WORD = Lazy(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’\-][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*")
#: WORD as the separator of a split: the gaps and the words alternate, so their offsets follow
#: from the lengths alone.
WORD_SPLIT = Lazy(f"({WORD.pattern})")
#: The clitic that ends a token: "Okafor's", "she'd", "we'll".
CLITIC = Lazy(r"['’](?:s|d|ll|re|ve|m)$")
HEADING = Lazy(r"[ \t]{0,3}#{1,6}(?:[ \t]|$)")
LIST_ITEM = Lazy(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]")
QUOTE_LINE = Lazy(r"[ \t]{0,3}>")
SETEXT = Lazy(r"[ \t]{0,3}(?:=+|-+)[ \t]*$")
NEWLINE = Lazy(r"\n")
T = TypeVar("T")


class Span(NamedTuple):
    """A stretch of the file: [start, end)."""

    start: int
    end: int


class Word(NamedTuple):
    """A word token: letters and digits with inner apostrophes or hyphens ("don't", "3,000-km" is two)."""

    start: int
    end: int
    text: str


_new = tuple.__new__  # a third of the time of calling Word(...)


class Words(Sequence[Word]):
    """The body's word tokens, held as three parallel lists: their texts, starts and ends.

    An article has thousands of words and a rule looks closely at a few of them, so the tokens
    are not built as a thousand Word tuples up front (that cost more than finding the words):
    a rule screens `texts`, or asks `where()` which words are in a set, and indexing makes a
    Word only for what it keeps. Iterating still gives Words, for rules that read every one.
    """

    __slots__ = ("ends", "starts", "texts")

    def __init__(self, texts: list[str], starts: list[int], ends: list[int]) -> None:
        self.texts, self.starts, self.ends = texts, starts, ends

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, i: int) -> Word: ...

    @overload
    def __getitem__(self, i: slice) -> Words: ...

    def __getitem__(self, i: int | slice) -> Word | Words:
        if isinstance(i, slice):
            return Words(self.texts[i], self.starts[i], self.ends[i])
        return _new(Word, (self.starts[i], self.ends[i], self.texts[i]))

    def __iter__(self) -> Iterator[Word]:
        return map(_new, repeat(Word), zip(self.starts, self.ends, self.texts))

    def where(self, wanted: Container[str]) -> list[int]:
        """The indexes of the words whose text is in `wanted`, found without a Python loop."""
        return list(compress(count(), map(wanted.__contains__, self.texts)))


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

    def __init__(self, source: Source) -> None:
        self.source = source
        self.path = source.path
        self.text = source.text
        self.markdown = source.is_markdown
        self.continuation = source.continuation
        self.prose, self._title = prose_view(self.text, self.markdown, start_of_file=not source.continuation)

    @classmethod
    def parse(cls, source: Source) -> Document:
        return cls(source)

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
        elif self._title is not None:
            t = self._title
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
        """Word tokens of the body's prose. The body is split at its words in one call, so that
        the offsets come from adding up lengths (a match object per word made this a seventh of a
        run); between blocks there are only blank lines, so no word is found outside one."""
        if not self.blocks:
            return Words([], [], [])
        start = self.blocks[0].start
        parts = WORD_SPLIT.split(self.prose[start : self.blocks[-1].end])
        offsets = list(accumulate(map(len, parts), initial=start))
        return Words(parts[1::2], offsets[1:-1:2], offsets[2::2])

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
