"""Reading and writing a writer's file without changing anything we were not asked to change.

The text keeps its newlines exactly as they are on disk (no universal-newline translation), so an
offset in the text is an offset in the file and a fix can be written back byte for byte.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError

BOM = "\ufeff"
#: How much of a file is searched for a NUL byte to call it binary (as git and grep do).
BINARY_PROBE = 8192


@dataclass(frozen=True)
class Source:
    """One input: its display name, its text (without BOM) and what writing it back must keep."""

    path: str
    text: str
    bom: bool = False
    raw: bytes | None = None
    #: A later piece of a file too large to lint whole (see engine.PIECE): no headline, no front matter.
    continuation: bool = False

    @property
    def is_markdown(self) -> bool:
        return self.path.lower().endswith((".md", ".markdown", ".mdown", ".mkd"))


def _position(data: bytes, index: int) -> tuple[int, int]:
    """Line and character column of a byte index, counting the valid UTF-8 before it."""
    line_start = data.rfind(b"\n", 0, index) + 1
    line = data.count(b"\n", 0, index) + 1
    column = len(data[line_start:index].decode("utf-8", errors="replace")) + 1
    return line, column


def decode(path: str, data: bytes) -> Source:
    """Decode bytes as UTF-8 (a BOM is accepted and remembered); refuse binary and other encodings.

    Guessing an encoding silently would let a fix write a file back in the wrong one.
    """
    nul = data.find(b"\0", 0, BINARY_PROBE)
    if nul >= 0:
        line, column = _position(data, nul)
        raise UsageError(path, f"looks like a binary file (NUL byte at line {line}, column {column}); not linted")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line, column = _position(data, err.start)
        raise UsageError(
            path, f"not UTF-8: byte 0x{data[err.start]:02x} at line {line}, column {column}; save the file as UTF-8"
        ) from None
    bom = text.startswith(BOM)
    return Source(path=path, text=text[1:] if bom else text, bom=bom, raw=data)


def read_source(path: str | Path) -> Source:
    """Read a file into a Source, turning every OS error into one clear line."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise UsageError(name, "no such file or directory") from None
    except PermissionError:
        raise UsageError(name, "permission denied: cannot read the file") from None
    except IsADirectoryError:
        raise UsageError(name, "is a directory") from None
    except OSError as err:
        raise UsageError(name, f"cannot read the file: {err.strerror or err}") from None
    return decode(name, data)


def encode(source: Source, text: str) -> bytes:
    """The bytes to write for new text of this source: UTF-8, with the BOM if it had one."""
    return ((BOM if source.bom else "") + text).encode("utf-8")


def write_atomically(source: Source, text: str) -> None:
    """Replace the file with new text, all at once or not at all.

    A temporary file in the same folder is renamed over the original, so a crash or a full disk
    never leaves half a draft. The file's permissions are kept. If the file changed on disk since
    it was read, it is not written: the writer's newer words win over our fix.
    """
    path = Path(source.path)
    try:
        current = path.read_bytes()
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError as err:
        raise UsageError(source.path, f"cannot re-read the file before fixing it: {err.strerror or err}") from None
    if source.raw is not None and current != source.raw:
        raise UsageError(source.path, "changed on disk while it was being linted; not fixed")
    if not mode & stat.S_IWUSR:
        raise UsageError(source.path, "is read-only; not fixed (make it writable to apply fixes)")
    import tempfile  # only a run that writes pays for it

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(encode(source, text))
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as err:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise UsageError(source.path, f"cannot write the fixed file: {err.strerror or err}") from None
