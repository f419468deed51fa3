"""Which files a run lints: named files always, folders searched for the configured extensions."""
from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from fnmatch import fnmatch
from pathlib import Path


def excluded(path: Path, patterns: Sequence[str]) -> bool:
    """A path is excluded when its name or its whole (posix) path matches a glob."""
    posix = path.as_posix()
    return any(fnmatch(path.name, p) or fnmatch(posix, p) or fnmatch(posix, f"*/{p}") for p in patterns)


def expand(paths: Sequence[str], extensions: Sequence[str], exclude: Sequence[str]) -> Iterator[str]:
    """Each file to lint, in a stable order. A missing path is yielded as it is, to be reported."""
    exts = tuple(e.lower() for e in extensions)
    for name in paths:
        path = Path(name)
        if name == "-" or not path.is_dir():
            yield name
            continue
        found = []
        for folder, dirs, files in os.walk(path):
            base = Path(folder)
            dirs[:] = sorted(d for d in dirs if not excluded(base / d, exclude))
            found.extend(str(base / f) for f in files
                         if f.lower().endswith(exts) and not excluded(base / f, exclude))
        yield from sorted(found)
