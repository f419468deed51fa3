"""Results of files already linted: a file whose bytes, configuration and tool are unchanged is
not linted again.

The key is a hash of the file's bytes and of a run fingerprint: the tool's version, every
setting, the selection on the command line, the plugins loaded, and the bytes of the
newsroom's own rule files and words file. Anything that could change a result changes the key,
so the cache can make a run faster but never different. Entries are written atomically (two
runs may share the folder), and a cache that cannot be read or written is simply not used.

An entry is believed only when its checksum matches its key (a flipped bit, an empty list written
over it or another file's entry copied in are linted again, and said so once) and every finding in
it has the shape this module writes. Each of the 256 folders keeps its newest entries only, so the
cache stays bounded however many files pass through it.
"""

from __future__ import annotations

import hashlib
import marshal
import os
from pathlib import Path

from .. import __version__
from ..errors import UsageError
from ..finding import LEVELS, Edit, Finding, Fix
from ..text.source import read_regular
from .datastore import DataStore


def _tool_folders() -> tuple[Path, ...]:
    """The package and the shipped packs (a folder of their own in an editable install)."""
    from ..packs.loader import shipped_folder

    package = Path(__file__).parent.parent
    packs = shipped_folder()
    return (package,) if packs.is_relative_to(package) else (package, packs)


def code_fingerprint(folders: tuple[Path, ...] | None = None) -> str:
    """Every file of the tool itself (code, packs, word lists), by path, size and modification
    time: a changed rule in a checkout or a reinstall with the same version number must not be
    answered from results the old code gave. Stat calls only, so it costs about a millisecond."""
    h = hashlib.blake2b(digest_size=16)
    for folder in folders if folders is not None else _tool_folders():
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".py", ".toml", ".txt") and "__pycache__" not in path.parts:
                st = path.stat()
                h.update(f"{path.relative_to(folder)}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


#: The most read of a rule file or words file for the key (a device would never end).
RULE_FILE_SIZE = 100_000_000


def fingerprint(*parts: object, files: tuple[str, ...] = ()) -> str:
    h = hashlib.blake2b(digest_size=16)
    h.update(__version__.encode())
    h.update(code_fingerprint().encode())
    for part in parts:
        h.update(repr(part).encode())
    for name in files:
        try:
            h.update(read_regular(name, RULE_FILE_SIZE))
        except UsageError as err:
            h.update(b"unread:" + name.encode() + err.what.encode())
    return h.hexdigest()


def _pack(f: Finding) -> tuple:
    fix = None if f.fix is None else (f.fix.safe, tuple((e.start, e.end, e.text) for e in f.fix.edits))
    return (
        f.line,
        f.column,
        f.end_line,
        f.end_column,
        f.code,
        f.name,
        f.message,
        f.start,
        f.end,
        f.suggestions,
        fix,
        f.level,
    )


#: The types of a stored finding's fields, in `_pack`'s order: an entry is believed only if every
#: finding has them (the checksum keeps out damage; this keeps a crash out of the report too).
SHAPE: tuple[type | tuple[type, ...], ...] = (
    int,
    int,
    int,
    int,
    str,
    str,
    str,
    int,
    int,
    tuple,
    (tuple, type(None)),
    str,
)


def _unpack(path: str, t: object) -> Finding:
    """A stored finding, or ValueError when it is not the shape `_pack` writes."""
    if not (isinstance(t, tuple) and len(t) == len(SHAPE) and all(isinstance(v, k) for v, k in zip(t, SHAPE))):
        raise ValueError("not a stored finding")
    line, column, end_line, end_column, code, name, message, start, end, suggestions, fix, level = t
    if not all(isinstance(s, str) for s in suggestions) or level not in LEVELS:
        raise ValueError("not a stored finding")
    fixed = None
    if fix is not None:
        safe, edits = fix
        if not (isinstance(safe, bool) and isinstance(edits, tuple)):
            raise ValueError("not a stored fix")
        fixed = Fix(tuple(_edit(e) for e in edits), safe)
    return Finding(path, line, column, end_line, end_column, code, name, message, start, end, suggestions, fixed, level)


def _edit(e: object) -> Edit:
    if not (isinstance(e, tuple) and len(e) == 3 and all(isinstance(v, k) for v, k in zip(e, (int, int, str)))):
        raise ValueError("not a stored edit")
    return Edit(*e)


#: Entries kept in each of the 256 folders of results (about 51,000 files' results in all, a few
#: KB each): past it the oldest quarter of a folder is deleted, so a cache used on an ever-growing
#: archive stays bounded (every file linted used to leave an entry for good).
KEPT_PER_FOLDER = 200
#: Files larger than this are not cached: their findings would make an entry as big as a table,
#: and a file that size is linted in pieces anyway.
LARGEST_CACHED = 2_000_000


class ResultCache:
    """Findings by (file path and bytes, run fingerprint), kept in the run's data store: every
    entry is checked against its key before it is believed, so a damaged one is linted again."""

    def __init__(self, store: DataStore, run: str) -> None:
        self.store = store
        self.run = run
        self._counts: dict[Path, int] = {}  # entries in each folder written to, as last counted

    def _entry(self, path: str, data: bytes) -> tuple[Path, bytes] | None:
        """Where one file's entry lives, and its key. The path is part of the key: per-file
        ignores, the Markdown or plain-text reading and the reported path all depend on it."""
        if self.store.folder is None or len(data) > LARGEST_CACHED:
            return None
        h = hashlib.blake2b(data, digest_size=16, key=self.run.encode()[:64])
        h.update(b"\0" + os.path.abspath(path).encode())
        key = h.hexdigest()
        return self.store.folder / "results" / key[:2] / key, key.encode()

    def get(self, path: str, data: bytes) -> list[Finding] | None:
        entry = self._entry(path, data)
        if entry is None:
            return None
        payload = self.store.read(*entry)
        if payload is None:
            return None
        try:
            stored = marshal.loads(payload)
            if not isinstance(stored, list):
                raise ValueError("not a list of findings")
            return [_unpack(path, t) for t in stored]
        except (EOFError, ValueError, TypeError):
            self.store.notice(f"cache entry {entry[0]} was damaged; linted the file again")
            return None

    def put(self, path: str, data: bytes, findings: list[Finding]) -> None:
        entry = self._entry(path, data)
        if entry is not None:
            self.store.write(entry[0], entry[1], marshal.dumps([_pack(f) for f in findings]))
            self._written(entry[0].parent)

    def _written(self, folder: Path) -> None:
        """Count an entry written to `folder` (listing it once per run), and prune it when full."""
        count = self._counts.get(folder)
        count = _entries(folder) if count is None else count + 1
        if count > KEPT_PER_FOLDER:
            count = _prune(folder, KEPT_PER_FOLDER * 3 // 4)
        self._counts[folder] = count


def _entries(folder: Path) -> int:
    try:
        return sum(1 for e in os.scandir(folder) if not e.name.startswith("."))
    except OSError:
        return 0


def _prune(folder: Path, keep: int) -> int:
    """Delete all but the `keep` newest entries of a folder; how many are left. Another run
    pruning the same folder at once does no harm: a file already gone is skipped."""
    try:
        entries = []
        for e in os.scandir(folder):
            if not e.name.startswith("."):
                try:
                    entries.append((e.stat(follow_symlinks=False).st_mtime_ns, e.path))
                except OSError:
                    pass
        entries.sort(reverse=True)
        for _, old in entries[keep:]:
            try:
                os.unlink(old)
            except OSError:
                pass
        return min(len(entries), keep)
    except OSError:
        return 0
