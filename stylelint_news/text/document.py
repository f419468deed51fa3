"""The Document: a file parsed once and shared by every rule.

Rules work on the prose view (see prose.py) and on the structure found in it: the article's parts
(headline, standfirst, byline, captions: `parts`), the body's blocks (paragraphs, headings, list
items, block quotes), sentences, words and quotations, each with offsets into the file. The
heavier views are computed on first use and cached, so a run with only one rule selected pays
only for what that rule reads.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import chain
from typing import TYPE_CHECKING, TypeVar

from ..engine.patterns import Lazy
from . import readers, sentences
from .fields import DEFAULT_FIELDS, Field
from .prose import IMAGE_ALT, _blanked, prose_view
from .readers import BLOCK_KINDS, PART_KINDS
from .source import Source
from .words import CLITIC, WORD, WORD_SPLIT, Span, Word, Words, tokenize

if TYPE_CHECKING:
    from ..finding import Finding
    from .readers.article import Layout, Origin

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
        self.continuation = source.continuation
        #: What a reader of another format (HTML, JSON, .docx) made of the file; None for
        #: Markdown and plain text, whose text is the file's own.
        self.layout: Layout | None = None
        #: Where the text's characters are in the file, when the text is not the file's own.
        self.origin: Origin | None = None
        #: The id of the JSON record the article is (what JSON output names its findings by).
        self.record: str | int | None = None
        kind = source.format
        if kind in ("markdown", "text"):
            self.text = source.text
            self.markdown = source.is_markdown
            self.prose, self.fields = prose_view(self.text, self.markdown, not source.continuation, fields)
        else:
            self._read(readers.layout(source, fields))

    def _read(self, layout: Layout) -> None:
        """Take a reader's article: its parts are blanked in the prose view, as front matter is,
        and read where they stand; its body is the blocks the reader found."""
        self.layout, self.origin, self.record = layout, layout.origin, layout.record
        self.text = text = layout.text
        self.markdown = False
        prose, _ = prose_view(text, False)
        self.prose = _blanked(prose, [(p.start, p.end) for p in layout.pieces if p.kind not in BLOCK_KINDS])
        self.fields = {}
        for p in layout.pieces:
            if p.kind in ("headline", "standfirst", "byline") and p.kind not in self.fields:
                self.fields[p.kind] = Field(p.kind, text[p.start : p.end], p.start, p.end)

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
        """1-based line and column (in characters) of an offset, in the file (through the
        origin, for an article a reader put together)."""
        if self.origin is not None:
            return self.origin.position(offset)
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
        if self.layout is not None:
            t = self.fields.get("headline")
            blocks = [
                Block(p.kind, p.start, p.end, self.prose[p.start : p.end])
                for p in self.layout.pieces
                if p.kind in BLOCK_KINDS
            ]
            return (Block("headline", t.start, t.end, t.text) if t is not None else None), blocks
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
        if self.layout is not None:
            return [
                Block(p.kind, p.start, p.end, self.text[p.start : p.end])
                for p in self.layout.pieces
                if p.kind in PART_KINDS
            ]
        if self.headline is not None:
            out.append(self.headline)
        for kind in ("standfirst", "byline", "captions"):
            field = self.fields.get(kind)
            if field is not None:
                out.append(Block("caption" if kind == "captions" else kind, field.start, field.end, field.text))
        if self.markdown and "![" in self.text:
            out.extend(
                Block("caption", m.start(1), m.end(1), m.group(1))
                for m in IMAGE_ALT.finditer(self.text)
                if m.group(1).strip()
            )
        return sorted(out, key=lambda b: b.start)

    def placed(self, findings: list[Finding]) -> list[Finding]:
        """The findings in the file's terms: offsets in the file (through the origin), and a fix
        kept only where it can be written into the file exactly (within one HTML text node or
        JSON string; a .docx paragraph). Findings of Markdown and plain text are as they are."""
        if self.origin is not None:
            return [self.origin.finding(f) for f in findings]
        if self.layout is not None:
            fixable = self.layout.fixable
            return [
                f
                if f.fix is None or all(fixable(e.start, e.end) and "\n" not in e.text for e in f.fix.edits)
                else replace(f, fix=None)
                for f in findings
            ]
        return findings

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
        body = self.words
        if body.starts and any(body.starts[0] < p.start < body.starts[-1] for p in self.parts):
            # a part amid the body (a caption between paragraphs): every word in its place
            texts = [t for w in pieces for t in w.texts] + body.texts
            starts = [s for w in pieces for s in w.starts] + body.starts
            ends = [e for w in pieces for e in w.ends] + body.ends
            order = sorted(range(len(starts)), key=starts.__getitem__)
            return Words([texts[i] for i in order], [starts[i] for i in order], [ends[i] for i in order])
        pieces.append(body)
        pieces.sort(key=lambda w: w.starts[0] if w.starts else -1)
        return Words(
            list(chain.from_iterable(w.texts for w in pieces)),
            list(chain.from_iterable(w.starts for w in pieces)),
            list(chain.from_iterable(w.ends for w in pieces)),
        )

    @cached_property
    def read_types(self) -> frozenset[str]:
        """The distinct words a reader sees, as written: the set the rules that judge each word
        once per run (engine/verdicts.py) take an article's new words from, made once for all."""
        return frozenset(self.read_words.texts)

    @cached_property
    def read_lower(self) -> list[str]:
        """The read words' texts in lowercase, in order: made once for the counts below and for
        T003's comparison of each word with the next."""
        return list(map(str.lower, self.read_words.texts))

    @cached_property
    def read_counts(self) -> Counter[str]:
        """How often each word a reader sees occurs, in lowercase: the typo rules' test that a
        slip is made once (a word written the same way twice is meant)."""
        return Counter(self.read_lower)

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
