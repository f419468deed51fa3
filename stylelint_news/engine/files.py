"""Which files a run lints: named files always, folders searched for the configured extensions."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from fnmatch import translate
from functools import lru_cache
from pathlib import Path


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


def expand(paths: Sequence[str], extensions: Sequence[str], exclude: Sequence[str]) -> Iterator[str]:
    """Each file to lint, in a stable order. A missing path is yielded as it is, to be reported."""
    exts = tuple(e.lower() for e in extensions)
    for name in paths:
        path = Path(name)
        if name == "-" or not path.is_dir():
            yield name
            continue
        found: list[str] = []
        for folder, dirs, files in os.walk(path):
            base = Path(folder)
            dirs[:] = sorted(d for d in dirs if not excluded(base / d, exclude))
            found.extend(str(base / f) for f in files if f.lower().endswith(exts) and not excluded(base / f, exclude))
        yield from sorted(found)
