"""Which files a run lints: named files always, folders searched for the configured extensions."""

from __future__ import annotations

import os
import re
import stat
from collections import Counter
from collections.abc import Iterator, Sequence
from fnmatch import translate
from functools import lru_cache
from pathlib import Path

from ..text.readers import unread as unread_kind
from ..text.source import kind


def excluded(path: Path, patterns: Sequence[str]) -> bool:
    """A path is excluded when its name or its whole (posix) path matches a glob."""
    by_name, by_path = _globs(tuple(patterns))
    return bool(by_name.match(path.name) or by_path.match(path.as_posix()))


@lru_cache(maxsize=8)
def _globs(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The globs as two patterns, for a name and for a whole path (which may also end in the
    glob after a slash): two matches a file, where fnmatch took three for each glob."""
    never = r"(?!)"
    by_name = "|".join(translate(p) for p in patterns) or never
    by_path = "|".join(translate(q) for p in patterns for q in (p, f"*/{p}")) or never
    return re.compile(by_name), re.compile(by_path)


def expand(
    paths: Sequence[str],
    extensions: Sequence[str],
    exclude: Sequence[str],
    skipped: list[str] | None = None,
    unread: Counter[str] | None = None,
) -> Iterator[str]:
    """Each file to lint, in a stable order. A missing path is yielded as it is, to be reported.

    Only regular files (or links to them) are taken from a folder: a FIFO would block the run for
    ever, a link to /dev/zero would fill the memory. Each such file found is added to `skipped`
    (as "path (what it is)") for the run to mention; a file named on the command line is always
    yielded, and reading it reports what it is. Documents of a kind no reader reads (or whose
    extra is not installed: .docx) are counted by suffix in `unread` (text/readers.unread).
    """
    exts = tuple(e.lower() for e in extensions)
    for name in paths:
        path = Path(name)
        if name == "-" or not path.is_dir():
            yield name
            continue
        found: list[str] = []
        _walk(
            path,
            exts,
            exclude,
            found,
            skipped if skipped is not None else [],
            unread if unread is not None else Counter(),
        )
        yield from sorted(found)


def _walk(
    folder: Path,
    exts: tuple[str, ...],
    exclude: Sequence[str],
    found: list[str],
    skipped: list[str],
    unread: Counter[str],
) -> None:
    """What os.walk gave (links to folders are not followed, unreadable folders are passed over),
    from the directory entries themselves: a regular file needs no stat call of its own."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        path = folder / entry.name
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if not entry.is_symlink() and not excluded(path, exclude):
                _walk(path, exts, exclude, found, skipped, unread)
            continue
        taken = entry.name.lower().endswith(exts)
        suffix = unread_kind(entry.name, taken)
        if suffix is not None:
            if not excluded(path, exclude):
                unread[suffix] += 1
        elif taken and not excluded(path, exclude):
            try:
                regular = entry.is_file(follow_symlinks=False) or stat.S_ISREG(entry.stat().st_mode)
            except OSError:
                regular = True  # a broken link: reading it says so
            if regular:
                found.append(str(path))
            else:
                skipped.append(f"{path} ({kind(entry.stat().st_mode)})")
