"""Results of files already linted: a file whose bytes, configuration and tool are unchanged is
not linted again.

The key is a hash of the file's bytes and of a run fingerprint: the tool's version, every
setting, the selection on the command line, the plugins loaded, and the bytes of the
newsroom's own rule files and words file. Anything that could change a result changes the key,
so the cache can make a run faster but never different. Entries are written atomically (two
runs may share the folder), and a cache that cannot be read or written is simply not used.
"""

from __future__ import annotations

import hashlib
import marshal
import os
from pathlib import Path

from .. import __version__
from ..finding import Edit, Finding, Fix
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


def fingerprint(*parts: object, files: tuple[str, ...] = ()) -> str:
    h = hashlib.blake2b(digest_size=16)
    h.update(__version__.encode())
    h.update(code_fingerprint().encode())
    for part in parts:
        h.update(repr(part).encode())
    for name in files:
        try:
            h.update(Path(name).read_bytes())
        except OSError:
            h.update(b"missing:" + name.encode())
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


def _unpack(path: str, t: tuple) -> Finding:
    line, column, end_line, end_column, code, name, message, start, end, suggestions, fix, level = t
    fixed = None if fix is None else Fix(tuple(Edit(*e) for e in fix[1]), fix[0])
    return Finding(
        path, line, column, end_line, end_column, code, name, message, start, end, tuple(suggestions), fixed, level
    )


class ResultCache:
    """Findings by (file path and bytes, run fingerprint), kept in the run's data store: every
    entry is checked against its key before it is believed, so a damaged one is linted again."""

    def __init__(self, store: DataStore, run: str) -> None:
        self.store = store
        self.run = run

    def _entry(self, path: str, data: bytes) -> tuple[Path, bytes] | None:
        """Where one file's entry lives, and its key. The path is part of the key: per-file
        ignores, the Markdown or plain-text reading and the reported path all depend on it."""
        if self.store.folder is None:
            return None
        h = hashlib.blake2b(data, digest_size=16, key=self.run.encode()[:64])
        h.update(b"\0" + os.path.abspath(path).encode())
        key = h.hexdigest()
        return self.store.folder / "results" / key[:2] / key, key.encode()

    def get(self, path: str, data: bytes) -> list[Finding] | None:
        entry = self._entry(path, data)
        payload = self.store.read(*entry) if entry is not None else None
        if payload is None:
            return None
        try:
            return [_unpack(path, t) for t in marshal.loads(payload)]
        except (EOFError, ValueError, TypeError):
            return None

    def put(self, path: str, data: bytes, findings: list[Finding]) -> None:
        entry = self._entry(path, data)
        if entry is not None:
            self.store.write(entry[0], entry[1], marshal.dumps([_pack(f) for f in findings]))
