"""What a person at a terminal gets that a pipe never does: colour, a progress bar on a long
run, a closing summary, and source lines cut to a window they can read.

Standard output in a pipe or in CI stays exactly the findings; everything here is decided from
whether the stream is a terminal (or `--color`), so nothing extra reaches a file or a log.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import TextIO

#: ANSI styles: the path bold, a code in the colour of its level, the caret as its code.
BOLD = "\x1b[1m"
RESET = "\x1b[0m"
LEVEL_STYLES = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;36m"}
#: Characters of a source line shown around a finding; a longer line is cut to about this.
WINDOW = 100
ELLIPSIS = "..."
#: A cut moves to a space this close by, so no word is shown in part.
SNAP = 12


def color_wanted(choice: str, stream: TextIO) -> bool:
    """Whether to colour what goes to `stream`: `always` and `never` say so; `auto` colours a
    terminal, unless NO_COLOR is set (https://no-color.org), FORCE_COLOR colouring anywhere, as
    Python's own colour does; a `dumb` terminal gets none."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    return is_terminal(stream)


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a stream without a file, or a closed one
        return False


class Paint:
    """Colours for one report (all of them the empty string when it is not coloured)."""

    def __init__(self, on: bool) -> None:
        self.on = on

    def path(self, text: str) -> str:
        return f"{BOLD}{text}{RESET}" if self.on else text

    def level(self, text: str, level: str) -> str:
        return f"{LEVEL_STYLES.get(level, BOLD)}{text}{RESET}" if self.on else text


def window(line: str, column: int, width: int) -> tuple[str, int, int]:
    """A long line cut to about WINDOW characters around a finding at 0-based `column`, `width`
    characters wide: the text to show (with an ellipsis where it was cut, at a space where one
    is close), the caret's 0-based column in it, and the caret's width. Characters, not bytes or
    terminal cells: a wide character counts one, as the finding's column does."""
    width = max(1, width)
    if len(line) <= WINDOW:
        return line, column, max(1, min(width, len(line) - column))
    lead = max(10, (WINDOW - min(width, WINDOW - 20)) // 2)
    start = max(0, column - lead)
    end = min(len(line), start + WINDOW)
    start = max(0, min(start, end - WINDOW))
    if start > 0:
        space = line.find(" ", start, min(start + SNAP, column))
        start = space + 1 if space >= 0 else start
    if end < len(line):
        space = line.rfind(" ", max(end - SNAP, column + 1), end)
        end = space if space >= 0 else end
    shown = (ELLIPSIS if start else "") + line[start:end] + (ELLIPSIS if end < len(line) else "")
    at = column - start + (len(ELLIPSIS) if start else 0)
    return shown, at, max(1, min(width, end - column))


def summary(findings: int, files: int, fixable: int, unsafe: int, baselined: int, linted: int) -> str:
    """The closing line: "12 findings in 3 files, 5 fixable with --fix", with what the baseline
    held back."""
    if findings:
        text = f"{_n(findings, 'finding')} in {_n(files, 'file')}"
        if fixable:
            text += f", {fixable:,} fixable with --fix"
        if unsafe:
            text += f" ({unsafe:,} more with --unsafe-fixes)"
    else:
        text = f"no findings in {_n(linted, 'file')}"
    if baselined:
        text += f"; {baselined:,} more in the baseline"
    return text


def _n(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


class Progress:
    """A bar on standard error while files are linted, drawn only once a run has taken a second
    (a short run never shows one) and at most ten times a second; `clear` takes it away before
    anything else is written to the terminal, so findings never share its line."""

    DELAY = 1.0
    EVERY = 0.1
    BAR = 30

    def __init__(self, total: int, stream: TextIO, clock: Callable[[], float] = time.monotonic) -> None:
        self.total = total
        self.stream = stream
        self.clock = clock
        self.start = clock()
        self.last = self.start
        self.drawn = False

    def advance(self, done: int) -> None:
        now = self.clock()
        if now - self.start < self.DELAY or (self.drawn and now - self.last < self.EVERY):
            return
        self.last = now
        filled = self.BAR * done // max(1, self.total)
        bar = "#" * filled + "-" * (self.BAR - filled)
        self._write(f"\r\x1b[K[{bar}] {done:,}/{self.total:,} files")
        self.drawn = True

    def clear(self) -> None:
        if self.drawn:
            self._write("\r\x1b[K")
            self.drawn = False

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (BrokenPipeError, ValueError):
            pass
