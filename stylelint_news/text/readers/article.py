"""An article put together from the pieces a reader finds in a file, and the way back to the file.

HTML and JSON hold an article's words among markup and escapes: `&rsquo;` or `\\u00e9` is one
character of the article and several of the file, so a view of the same length as the file would
split the words they stand in. A reader instead builds the article's text from the decoded
pieces (headline, standfirst, byline, captions, the body's paragraphs), in file order, a blank
line between pieces, and keeps an `Origin`: for each character of the article, where it stands in
the file. Findings are placed through it, so line and column point at the word in the file,
inside the JSON string or the HTML text node; and a fix is offered only where it can be put back
into the file exactly: within one text node or one JSON string, its text escaped as the file
escapes it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ...finding import Edit, Finding, Fix

SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Piece:
    """A part of the article, a block of its body, or a suppression directive: [start, end) of
    the article's text."""

    kind: str
    start: int
    end: int


class Origin:
    """Where each character of an article's text stands in the file's text.

    A sorted list of anchors: from anchor i on, article offset `doc[i] + k` is file offset
    `file[i] + k * step[i]` (step 0 inside an escape or for a character the reader added, which
    all stand where the escape or the break does). `segments` are the article's runs taken whole
    from one stretch of the file (one HTML text node, one JSON string): a fix is written back
    only within one."""

    def __init__(
        self,
        doc: list[int],
        file: list[int],
        step: list[int],
        segments: list[tuple[int, int]],
        file_text: str,
        escape: Callable[[str], str],
    ) -> None:
        self.doc, self.file, self.step = doc, file, step
        self.segments = segments
        self._segment_starts = [s for s, _ in segments]
        self.file_text = file_text
        self.escape = escape
        self._line_starts: list[int] | None = None

    def offset(self, at: int) -> int:
        """The file offset of an article offset."""
        i = bisect_right(self.doc, at) - 1
        if i < 0:
            return 0
        return self.file[i] + (at - self.doc[i]) * self.step[i]

    def position(self, at: int) -> tuple[int, int]:
        """1-based line and column, in characters, of an article offset in the file."""
        if self._line_starts is None:
            text = self.file_text
            starts = [0]
            i = text.find("\n")
            while i >= 0:
                starts.append(i + 1)
                i = text.find("\n", i + 1)
            self._line_starts = starts
        offset = self.offset(at)
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def _whole(self, at: int) -> bool:
        """Whether an offset falls between file characters, not inside an escape."""
        i = bisect_right(self.doc, at) - 1
        return i < 0 or self.step[i] == 1 or self.doc[i] == at

    def edit(self, e: Edit) -> Edit | None:
        """The edit in the file's terms, or None when it cannot be written there exactly: it
        leaves one segment, or cuts an escape in two."""
        i = bisect_right(self._segment_starts, e.start) - 1
        if i < 0 or e.end > self.segments[i][1] or not (self._whole(e.start) and self._whole(e.end)):
            return None
        return Edit(self.offset(e.start), self.offset(e.end), self.escape(e.text))

    def finding(self, f: Finding) -> Finding:
        """A finding placed in the file: its offsets, and its fix if every edit can be written."""
        fix = f.fix
        if fix is not None:
            edits = [self.edit(e) for e in fix.edits]
            fix = None if None in edits else Fix(tuple(e for e in edits if e is not None), fix.safe)
        return replace(f, start=self.offset(f.start), end=self.offset(f.end), fix=fix)


@dataclass
class Layout:
    """What a reader gives the Document: the article's text, its pieces in order, the way back
    to the file (None when the text is the file's own), and the record's id."""

    text: str
    pieces: list[Piece]
    origin: Origin | None = None
    record: str | int | None = None
    #: Where a fix may be written when the text is the file's own (.docx: within one paragraph).
    segments: list[tuple[int, int]] | None = None

    def fixable(self, start: int, end: int) -> bool:
        if self.segments is None:
            return True
        i = bisect_right(self.segments, (start, float("inf"))) - 1
        return i >= 0 and end <= self.segments[i][1]


@dataclass
class Builder:
    """Puts an article's text together piece by piece, keeping the way back to the file."""

    file_text: str
    escape: Callable[[str], str] = lambda s: s
    chunks: list[str] = field(default_factory=list)
    length: int = 0
    pieces: list[Piece] = field(default_factory=list)
    doc: list[int] = field(default_factory=list)
    file: list[int] = field(default_factory=list)
    step: list[int] = field(default_factory=list)
    segments: list[tuple[int, int]] = field(default_factory=list)
    _file_end: int = -1  # where the last run taken from the file ended in it, while a segment goes on
    _last_end: int = -1  # where the last run taken from the file ended in it
    _open: int | None = None  # where the current piece started

    def _anchor(self, file_at: int, step: int) -> None:
        if self.step and self.step[-1] == step == 1 and self.file[-1] + self.length - self.doc[-1] == file_at:
            return  # the run before goes on in the file: no new anchor needed
        if self.doc and self.doc[-1] == self.length:
            self.file[-1], self.step[-1] = file_at, step
            return
        self.doc.append(self.length)
        self.file.append(file_at)
        self.step.append(step)

    def _segment(self, file_at: int, end: int, added: int) -> None:
        """Runs taken from one unbroken stretch of the file make one segment."""
        if self.segments and file_at == self._file_end and self.segments[-1][1] == self.length:
            self.segments[-1] = (self.segments[-1][0], self.length + added)
        else:
            self.segments.append((self.length, self.length + added))
        self._file_end = self._last_end = end

    def literal(self, file_at: int, text: str) -> None:
        """Text that stands in the file as it is, from `file_at` on."""
        if not text:
            return
        self._anchor(file_at, 1)
        self._segment(file_at, file_at + len(text), len(text))
        self.chunks.append(text)
        self.length += len(text)

    def escaped(self, file_at: int, raw_length: int, text: str) -> None:
        """Text written in the file as an escape (`&rsquo;`, `\\u00e9`) of `raw_length` characters."""
        if not text:
            return
        self._anchor(file_at, 0)
        self._segment(file_at, file_at + raw_length, len(text))
        self.chunks.append(text)
        self.length += len(text)
        self._anchor(file_at + raw_length, 1)

    def added(self, text: str, file_at: int) -> None:
        """Characters the article needs that the file does not have (a line break for `<br>`,
        the blank line between pieces), placed where the last run taken from the file ended (so
        the end of a word before them is the end of the word in the file), or at `file_at`
        before any; a fix never spans them."""
        self._anchor(self._last_end if self._last_end >= 0 else file_at, 0)
        self._file_end = -1
        self.chunks.append(text)
        self.length += len(text)

    def begin(self, file_at: int) -> None:
        """Start a piece (a blank line parts it from the piece before)."""
        if self.pieces or self.length:
            self.added(SEPARATOR, file_at)
        self._open = self.length

    def end(self, kind: str) -> None:
        """End the piece begun last, as a piece of `kind`."""
        assert self._open is not None
        if self.length > self._open:
            self.pieces.append(Piece(kind, self._open, self.length))
        self._open = None

    def layout(self, record: str | int | None = None) -> Layout:
        origin = Origin(self.doc, self.file, self.step, self.segments, self.file_text, self.escape)
        return Layout("".join(self.chunks), self.pieces, origin, record)
