"""Text that others parse, made safe to print: a file name or a message never splits a line.

A file may be named anything but "/" and NUL: a name with a newline would split a flake8 line in
two (the second half read as a finding of its own), and `a\n::error title=...::` would inject a
command into a GitHub Actions log. The formats others parse escape what they print with these;
JSON and SARIF escape through their encoders, GitHub annotations with the toolkit's own escapes.
"""

from __future__ import annotations

import re

#: What may not be printed as it is: C0 and C1 controls, DEL, and Unicode's line and paragraph
#: separators (some readers break lines there too).
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\", '"': '\\"'}


def _escaped(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def quote_path(path: str) -> str:
    """The path as it is, or, if it holds a character that could split or forge a line (or
    starts with a double quote, which would make it look quoted), in double quotes with C-style
    escapes, as git prints such names."""
    if not UNSAFE.search(path) and not path.startswith('"'):
        return path
    return '"' + re.sub(r'[\x00-\x1f\x7f-\x9f\u2028\u2029\\"]', lambda m: _escaped(m.group()), path) + '"'


def one_line(text: str) -> str:
    """The text with each control character written as an escape (`\\n`, `\\x1b`), so a message
    stays one line and no terminal escape in a draft reaches the terminal."""
    if not UNSAFE.search(text):
        return text
    return UNSAFE.sub(lambda m: _escaped(m.group()), text)


def displayed(line: str) -> str:
    """A source line for `--show-source`: a control character other than a tab shown as one
    replacement character, which keeps the caret under the right column."""
    if not UNSAFE.search(line):
        return line
    return UNSAFE.sub(lambda m: m.group() if m.group() == "\t" else "\ufffd", line)
