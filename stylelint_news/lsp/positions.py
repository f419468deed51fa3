"""Places in the text as the engine counts them and as an editor does.

The engine counts lines at `\\n` and columns in Unicode code points, 1-based; the Language Server
Protocol counts lines at `\\n`, `\\r\\n` and `\\r`, 0-based, and characters in the code units the
client and server agreed on (UTF-16 unless the client offers another). An emoji is one code point
and two UTF-16 units, so a finding after one would be drawn a character early if the two were
mixed up. Every conversion goes through an offset into the text, which both sides agree on.

A BOM at the start of the editor's text is not linted (the command line strips it from a file
too, so both report the same findings); offsets into the linted text are shifted past it here.
"""

from __future__ import annotations

import re
from bisect import bisect_right

BOM = "\ufeff"
#: Where a line ends for an editor (LSP 3.17, "Text Documents").
LSP_BREAK = re.compile(r"\r\n|\r|\n")
ENCODINGS = ("utf-8", "utf-16", "utf-32")


def units(text: str, encoding: str) -> int:
    """How many code units of the negotiated encoding `text` takes."""
    if encoding == "utf-32":
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class Lines:
    """One version of a document's text, and the conversions between its offsets, the engine's
    (line, column) and LSP positions."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self.encoding = encoding if encoding in ENCODINGS else "utf-16"
        #: How many characters of the editor's text come before the linted text (a BOM).
        self.shift = 1 if text.startswith(BOM) else 0
        self.linted = text[self.shift :]
        self.starts = [0] + [m.end() for m in LSP_BREAK.finditer(text)]
        self.engine_starts = [0] + [m.end() for m in re.finditer("\n", self.linted)]

    def engine_offset(self, line: int, column: int) -> int:
        """The offset in the editor's text of the engine's 1-based (line, column)."""
        line = min(max(line, 1), len(self.engine_starts))
        return min(self.engine_starts[line - 1] + max(column, 1) - 1, len(self.linted)) + self.shift

    def linted_offset(self, offset: int) -> int:
        """The offset in the editor's text of an offset into the linted text (a fix's edit)."""
        return min(max(offset, 0), len(self.linted)) + self.shift

    def position(self, offset: int) -> tuple[int, int]:
        """The 0-based LSP (line, character) of an offset in the editor's text."""
        offset = min(max(offset, 0), len(self.text))
        line = bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        if offset > start and self.text[offset - 1] == "\r" and self.text.startswith("\n", offset):
            offset -= 1  # between \r and \n: the position of the line's end
        return line, units(self.text[start:offset], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """The offset in the editor's text of a 0-based LSP position (past a line's end: its end)."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start = self.starts[line]
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        content = self.text[start:end].rstrip("\r\n")
        if self.encoding == "utf-32":
            return start + min(max(character, 0), len(content))
        counted = 0
        for i, c in enumerate(content):
            if counted >= character:
                return start + i
            counted += units(c, self.encoding)
        return start + len(content)
