"""A folder for data built once from the data packages, checked every time it is read.

Building a lexicon from wordfreq's msgpack takes a third of a second; reading our marshal form
takes a few milliseconds. An entry's name carries our version and a fingerprint (path, size,
modification time) of the package files it came from, so an upgrade of either rebuilds it and two
versions never share one.

A cache must never change a result, so nothing in it is trusted unread: every entry starts with a
checksum of its content and of the fingerprint of its sources, and an entry that does not match
(a flipped bit, a truncated write, a file copied from another key) is built again, and said so
once. The folder itself is refused when another user owns it or others may write to it, as ssh
does with its keys: a planted entry would otherwise decide what the linter reports. Writes are
atomic (a temporary file renamed into place), so two runs building at once are safe, and a folder
that cannot be written costs speed, never a wrong result.
"""

from __future__ import annotations

import errno
import importlib.util
import marshal
import os
import stat
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import UsageError

ENV = "STYLELINT_NEWS_CACHE_DIR"
#: The shape of what is stored: bump it whenever a builder's output changes form, so data built
#: by an older checkout is never read as the new shape.
FORMAT = 8
#: The first bytes of every entry, then a CRC-32 of the source fingerprint and the content. A
#: CRC reads 13 MB of tables in about 5 ms and catches any damage short of a deliberate forgery,
#: which the folder check keeps out.
MAGIC = b"SNC1"
HEADER = len(MAGIC) + 4
#: Entries of one name kept (the newest): one for each install in use (a project venv, the
#: pre-commit environment, CI, ...), so installs sharing the folder do not rebuild back and forth,
#: and upgrades do not pile up for ever (a full set of tables is about 25 MB).
KEEP = 5


def default_folder() -> Path:
    """$STYLELINT_NEWS_CACHE_DIR, or the user's cache folder."""
    if os.environ.get(ENV):
        return Path(os.environ[ENV])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "stylelint-news"


def package_file(package: str, *parts: str) -> Path:
    """A data file inside an installed package, found without importing the package
    (importing codespell_lib alone costs more than reading our cache)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"the package {package!r} is not installed")
    return Path(next(iter(spec.submodule_search_locations)), *parts)


def fingerprint(sources: tuple[Path, ...]) -> bytes:
    """What an entry was built from: our version and format, and each source file's path, size
    and modification time."""
    prints = []
    for p in sources:
        st = p.stat()
        prints.append(f"{p}|{st.st_size}|{st.st_mtime_ns}")
    return "|".join([__version__, str(FORMAT), *prints]).encode()


def seal(stamp: bytes, payload: bytes) -> bytes:
    """An entry as stored: the header, then the payload."""
    return MAGIC + zlib.crc32(payload, zlib.crc32(stamp)).to_bytes(4, "big") + payload


def unseal(stamp: bytes, entry: bytes) -> memoryview | None:
    """The payload of a stored entry (a view, not a copy), or None when the entry is not whole
    and ours."""
    if len(entry) < HEADER or not entry.startswith(MAGIC):
        return None
    payload = memoryview(entry)[HEADER:]
    if zlib.crc32(payload, zlib.crc32(stamp)).to_bytes(4, "big") != entry[len(MAGIC) : HEADER]:
        return None
    return payload


def insecure(folder: Path) -> str | None:
    """Why a cache folder must not be trusted, or None. It must be a folder of this user's that
    no one else may write to (the cache decides what is reported and what `--fix` writes)."""
    try:
        st = folder.stat()
    except FileNotFoundError:
        return None  # made by us, with mode 0o700, on the first write
    except OSError as err:
        return f"cannot be read ({err.strerror or err})"
    if not stat.S_ISDIR(st.st_mode):
        return "is not a folder"
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        return "belongs to another user"
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return "may be written by other users (chmod go-w it)"
    return None


def check_named(folder: Path) -> None:
    """Refuse a cache folder the user named (`--cache-dir`, $STYLELINT_NEWS_CACHE_DIR) that cannot
    be one: unlike the default folder, which is quietly left out, a folder asked for by name and
    not used is an error to report (exit 2), not a slower run to wonder about."""
    why = insecure(folder)
    if why is not None:
        raise UsageError(str(folder), f"not used as the cache folder: it {why}")


class Untrusted(Exception):
    """A cache entry that is not a plain file of this user's that only the user may write."""


#: The largest entry read (the biggest table is about 5 MB): a bigger file is not one of ours.
MAX_ENTRY = 64 * 1024 * 1024


def read_entry(path: Path) -> bytes:
    """An entry's bytes, read only if it is a regular file of this user's that no one else may
    write: a FIFO would block the run, a link to /dev/zero would fill the memory, and another
    user's file (planted while the folder was open to others, say) would decide the results.
    The checks are made on the open file, so the file cannot be swapped between check and read."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise Untrusted("is a symbolic link") from None
        raise
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise Untrusted("is not a regular file")
        if hasattr(os, "getuid") and st.st_uid != os.getuid():
            raise Untrusted("belongs to another user")
        if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            raise Untrusted("may be written by other users")
        if st.st_size > MAX_ENTRY:
            raise Untrusted("is too large to be one of ours")
        return fh.read(MAX_ENTRY + 1)


class DataStore:
    """The data cache of one run: a folder, or none (everything is built in memory).

    `notices` collects what the run should say once (a damaged entry rebuilt, a folder refused).
    """

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.notices: list[str] = []
        if folder is not None:
            why = insecure(folder)
            if why is not None:
                self.notices.append(f"cache folder {folder} {why}; running without a cache")
                self.folder = None
        self._said: set[str] = set()
        self._folders: set[Path] = set()  # folders made (or found) for entries by this run

    def notice(self, text: str) -> None:
        if text not in self._said:
            self._said.add(text)
            self.notices.append(text)

    def take_notices(self) -> list[str]:
        """The notices not yet passed on, for the run to print once."""
        out, self.notices = self.notices, []
        return out

    def path(self, name: str, stamp: bytes) -> Path | None:
        """Where the entry `name` built from `stamp` lives (None without a folder)."""
        if self.folder is None:
            return None
        key = f"{zlib.crc32(stamp):08x}{zlib.adler32(stamp):08x}"
        return self.folder / f"{name}-{key}.marshal"

    def read(self, path: Path, stamp: bytes) -> memoryview | None:
        """A checked entry's payload; None when absent, and a notice when damaged or not ours."""
        try:
            entry = read_entry(path)
        except FileNotFoundError:
            return None
        except Untrusted as why:
            self.notice(f"cache entry {path} {why}; rebuilt it")
            return None
        except OSError:
            return None
        payload = unseal(stamp, entry)
        if payload is None:
            self.notice(f"cache entry {path} was damaged; rebuilt it")
        return payload

    def write(self, path: Path, stamp: bytes, payload: bytes) -> None:
        """Write an entry whole or not at all: a temporary name of this process's own, then an
        atomic rename, so two runs sharing the folder never read half an entry. A cache that
        cannot be written is no error: the run just does the work again next time."""
        if self.folder is None or not self._made(path.parent):
            return
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        try:
            with os.fdopen(os.open(tmp, flags, 0o600), "wb") as fh:  # never a mode others may write
                fh.write(seal(stamp, payload))
            os.replace(tmp, path)
        except OSError:
            tmp.unlink(missing_ok=True)

    def _made(self, where: Path) -> bool:
        """Make the folder `where` (inside the store's folder) for this user only. The store's own
        folder is checked again once made: another user could have made it after the first check."""
        if where in self._folders:
            return True
        assert self.folder is not None
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            parts = where.relative_to(self.folder).parts
            for n in range(1, len(parts) + 1):
                self.folder.joinpath(*parts[:n]).mkdir(mode=0o700, exist_ok=True)
        except (OSError, ValueError):
            return False
        why = insecure(self.folder)
        if why is not None:
            self.notice(f"cache folder {self.folder} {why}; running without a cache")
            self.folder = None
            return False
        self._folders.add(where)
        return True

    def built(self, name: str, source: Path | tuple[Path, ...], build: Callable[[], Any]) -> Any:
        """The data called `name`, read from the cache or built from the source file(s) and
        stored there."""
        stamp = fingerprint(source if isinstance(source, tuple) else (source,))
        path = self.path(name, stamp)
        if path is not None:
            payload = self.read(path, stamp)
            if payload is not None:
                try:
                    return marshal.loads(payload)
                except (EOFError, ValueError, TypeError):
                    self.notice(f"cache entry {path} was damaged; rebuilt it")
        data = build()
        if path is not None:
            self.write(path, stamp, marshal.dumps(data))
            _prune(path.parent, name)
        return data


def _prune(where: Path, name: str) -> None:
    """Delete all but the newest KEEP entries of one name (left by upgrades and old installs)."""
    try:
        mine = [p for p in where.glob(f"{name}-*.marshal") if len(p.stem) == len(name) + 17]  # name-<16 hex>
        entries = sorted(mine, key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # another run pruned first, or the folder is read-only: no harm either way
