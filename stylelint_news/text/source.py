"""Reading and writing a writer's file without changing anything we were not asked to change.

The text keeps its newlines exactly as they are on disk (no universal-newline translation), so an
offset in the text is an offset in the file and a fix can be written back byte for byte.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..errors import UsageError

BOM = "\ufeff"
#: How much of a file is searched for a NUL byte to call it binary (as git and grep do).
BINARY_PROBE = 8192
#: The largest article read, in bytes, unless the configuration says otherwise (max-file-size):
#: a thousand times a long feature, so only dumps and runaway files reach it.
MAX_FILE_SIZE = 50_000_000


@dataclass(frozen=True)
class Source:
    """One input: its display name, its text (without BOM) and what writing it back must keep."""

    path: str
    text: str
    bom: bool = False
    raw: bytes | None = None
    #: A later piece of a file too large to lint whole (see engine.PIECE): no headline, no front matter.
    continuation: bool = False
    #: Whether a fix may be written back: not for a file whose text was taken out of a structure
    #: (JSON, a .docx), where writing `text` would lose everything around it.
    editable: bool = True
    #: The paragraph style of each line, for a format whose lines are paragraphs (.docx).
    styles: tuple[str, ...] = ()

    @property
    def is_markdown(self) -> bool:
        return self.path.lower().endswith((".md", ".markdown", ".mdown", ".mkd"))

    @property
    def format(self) -> str:
        """The reader this source's name calls for ("markdown", "text", "html", "json", ...)."""
        return readers.kind_of(self.path)


def _position(data: bytes, index: int) -> tuple[int, int]:
    """Line and character column of a byte index, counting the valid UTF-8 before it."""
    line_start = data.rfind(b"\n", 0, index) + 1
    line = data.count(b"\n", 0, index) + 1
    column = len(data[line_start:index].decode("utf-8", errors="replace")) + 1
    return line, column


def _wide(data: bytes) -> tuple[str, str] | None:
    """The encoding of a UTF-16 or UTF-32 file and the name iconv reads it by, or None. Such a
    file announces itself by a byte-order mark, or in its first bytes by a NUL every other byte:
    it is text in another encoding, not binary, and the writer needs to be told which."""
    for bom, name in (
        (b"\xff\xfe\x00\x00", "UTF-32 (little-endian)"),
        (b"\x00\x00\xfe\xff", "UTF-32 (big-endian)"),
        (b"\xff\xfe", "UTF-16 (little-endian)"),
        (b"\xfe\xff", "UTF-16 (big-endian)"),
    ):
        if data.startswith(bom):
            return name, name[:6]  # iconv reads the byte-order mark and drops it
    probe = data[: BINARY_PROBE - BINARY_PROBE % 2]
    even, odd = probe[0::2], probe[1::2]
    if odd:
        for order, text, nuls in (("LE", even, odd), ("BE", odd, even)):
            if nuls.count(0) >= 0.9 * len(nuls) and text.count(0) <= 0.1 * len(text):
                return f"UTF-16 ({'little' if order == 'LE' else 'big'}-endian)", f"UTF-16{order}"
    return None


def decode(path: str, data: bytes) -> Source:
    """Decode bytes as UTF-8 (a BOM is accepted and remembered); refuse binary and other encodings.

    Guessing an encoding silently would let a fix write a file back in the wrong one.
    """
    nul = data.find(b"\0", 0, BINARY_PROBE)
    wide = _wide(data) if nul >= 0 or data[:2] in (b"\xff\xfe", b"\xfe\xff") else None
    if wide is not None:
        raise UsageError(path, f"is {wide[0]} text, not UTF-8; convert it: iconv -f {wide[1]} -t UTF-8 FILE > NEW")
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


def kind(mode: int) -> str:
    """What a file that is not a regular file is, in words."""
    for test, name in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "a special file"


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.3g} MB"


def read_regular(path: str | Path, limit: int, what: str = "the file") -> bytes:
    """The bytes of a regular file of at most `limit` bytes, or a UsageError naming it.

    Only regular files are read: a FIFO would block the run for ever and a device (a link to
    /dev/zero in a repository, say) would fill the memory. The file is opened without blocking
    and checked again once open (so it cannot be swapped for a FIFO in between), and the read
    itself is bounded: a file that grows past the limit while being read is refused too.
    """
    data, size = _read(path, limit, what, whole=False)
    if size > limit or len(data) > limit:
        raise UsageError(
            str(path),
            f"is {megabytes(max(len(data), size))}, over the size limit of {megabytes(limit)} (max-file-size); not read",
        )
    return data


def _read(path: str | Path, limit: int, what: str, whole: bool) -> tuple[bytes, int]:
    """At most `limit` + 1 bytes of a regular file (more than `limit` means it is larger), and
    its size. A file its size says is larger is not read at all unless `whole`."""
    with open_regular(path, what) as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > limit and not whole:
            return b"", size
        try:
            data = fh.read(min(size, limit) + 1)  # one byte more tells a file still growing
            if len(data) > size:
                data += fh.read(limit + 1 - len(data))
        except OSError as err:
            raise UsageError(str(path), f"cannot read {what}: {err.strerror or err}") from None
        return data, size


def open_regular(path: str | Path, what: str = "the file") -> BinaryIO:
    """A regular file opened for reading, or a UsageError naming it: never a FIFO, a device or a
    socket (checked before opening and again once open, so it cannot be swapped in between).
    The caller bounds what it reads (a JSON Lines archive is read a record at a time)."""
    name = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise UsageError(name, "is a directory")
        if not stat.S_ISREG(st.st_mode):
            raise UsageError(name, f"is {kind(st.st_mode)}, not a regular file; not read")
        fh = os.fdopen(os.open(path, flags), "rb")
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode):
            fh.close()
            raise UsageError(name, f"is {kind(st.st_mode)}, not a regular file; not read")
        return fh
    except FileNotFoundError:
        raise UsageError(name, "no such file or directory") from None
    except PermissionError:
        raise UsageError(name, f"permission denied: cannot read {what}") from None
    except OSError as err:
        raise UsageError(name, f"cannot read {what}: {err.strerror or err}") from None


def read_source(path: str | Path, limit: int = MAX_FILE_SIZE) -> Source:
    """Read a file into a Source, turning every OS error into one clear line."""
    return decode(str(path), read_regular(path, limit))


def encode(source: Source, text: str) -> bytes:
    """The bytes to write for new text of this source: UTF-8, with the BOM if it had one."""
    return ((BOM if source.bom else "") + text).encode("utf-8")


def write_atomically(source: Source, text: str, roots: tuple[Path, ...] | None = None) -> None:
    """Replace the file with new text, all at once or not at all.

    A temporary file in the same folder is renamed over the original, so a crash or a full disk
    never leaves half a draft. What the file is stays as it was:

    - a symbolic link stays a link and its target is fixed, if the target lies inside `roots`
      (the paths named on the command line; None: anywhere); a link in a repository pointing
      out of it (at ~/.bashrc, say) is refused, never written through;
    - the mode, the owner and the group are kept; a file whose owner or group this user cannot
      give the new file is refused, not silently made ours;
    - a file with other hard links is refused: the rename would part it from its other names
      (and writing in place, not atomically, could leave half a draft under all of them);
    - a file changed on disk since it was read is not written: the writer's newer words win.
    """
    if not source.editable:
        raise UsageError(source.path, "fixes in this kind of file are shown (--diff), not written")
    path = Path(source.path)
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    if target != path and roots is not None and not any(target.is_relative_to(r) for r in roots):
        raise UsageError(
            source.path, f"is a symbolic link to {target}, outside the paths named; not fixed (name the file to fix it)"
        )
    raw = source.raw or b""
    try:
        st = os.stat(target)
        current = _read(target, len(raw), "the file", whole=True)[0]
    except OSError as err:
        raise UsageError(source.path, f"cannot re-read the file before fixing it: {err.strerror or err}") from None
    except UsageError as err:
        raise UsageError(source.path, f"cannot re-read the file before fixing it: {err.what}") from None
    if current != raw:
        raise UsageError(source.path, "changed on disk while it was being linted; not fixed")
    if not st.st_mode & stat.S_IWUSR:
        raise UsageError(source.path, "is read-only; not fixed (make it writable to apply fixes)")
    if st.st_nlink > 1:
        raise UsageError(
            source.path,
            f"has {st.st_nlink} hard links; not fixed (a fixed copy would part it from its other names: "
            "fix a copy, or see --diff)",
        )
    import tempfile  # only a run that writes pays for it

    data = encode(source, text)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            made = os.fstat(fh.fileno())
            if (made.st_uid, made.st_gid) != (st.st_uid, st.st_gid):
                try:
                    os.fchown(fh.fileno(), st.st_uid, st.st_gid)
                except PermissionError:
                    whose = "belongs to another user" if made.st_uid != st.st_uid else "has a group this user is not in"
                    raise UsageError(source.path, f"{whose}; not fixed (the fixed file would not keep it)") from None
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
            os.fchmod(fh.fileno(), stat.S_IMODE(st.st_mode))  # after fchown, which drops set-id bits
        os.replace(tmp, target)
    except BaseException as err:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(err, OSError):
            raise UsageError(source.path, f"cannot write the fixed file: {err.strerror or err}") from None
        raise


# Last, as the registry reads this module's functions: whichever of the two is imported first,
# each finds the other's names by the time it calls them (an import in `format` cost every file
# a few thousand instructions, three times).
from . import readers  # noqa: E402
