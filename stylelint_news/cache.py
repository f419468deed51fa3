"""A folder for data we build once from the data packages, keyed by what it was built from.

Building a lexicon from wordfreq's msgpack takes a third of a second; reading our marshal form
takes a few milliseconds. Each file's name carries our version and a fingerprint (path, size,
modification time) of the package file it came from, so an upgrade of either rebuilds it and two
versions never share one. Writes are atomic (a temporary file renamed into place), so two runs
building at once are safe; a cache that cannot be written costs speed, never a wrong result.
"""

from __future__ import annotations

import importlib.util
import marshal
import os
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import __version__

ENV = "STYLELINT_NEWS_CACHE_DIR"
#: The shape of what is stored: bump it whenever a builder's output changes form, so data built
#: by an older checkout is never read as the new shape.
FORMAT = 7


def folder() -> Path:
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


def built(name: str, source: Path | tuple[Path, ...], build: Callable[[], Any]) -> Any:
    """The data called `name`, read from the cache or built from the source file(s) and stored there."""
    sources = source if isinstance(source, tuple) else (source,)
    prints = [f"{p}|{p.stat().st_size}|{p.stat().st_mtime_ns}" for p in sources]
    stamp = "|".join([__version__, str(FORMAT), *prints]).encode()
    # two 32-bit checksums: a key, not a defence, and zlib is loaded already where hashlib is not
    key = f"{zlib.crc32(stamp):08x}{zlib.adler32(stamp):08x}"
    path = folder() / f"{name}-{key}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    data = build()
    store(path, marshal.dumps(data))
    _prune(path.parent, name)
    return data


#: Entries of one name kept (the newest): one for each install in use (a project venv, the
#: pre-commit environment, CI, ...), so installs sharing the folder do not rebuild back and forth,
#: and upgrades do not pile up for ever (a full set of tables is about 25 MB).
KEEP = 5


def _prune(where: Path, name: str) -> None:
    """Delete all but the newest KEEP entries of one name (left by upgrades and old installs)."""
    try:
        mine = [p for p in where.glob(f"{name}-*.marshal") if len(p.stem) == len(name) + 17]  # name-<16 hex>
        entries = sorted(mine, key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # another run pruned first, or the folder is read-only: no harm either way


def store(path: Path, data: bytes) -> None:
    """Write a cache entry whole or not at all: a temporary name of this process's own, then an
    atomic rename, so two runs sharing the folder never read half an entry. A cache that cannot
    be written is no error: the run just does the work again next time."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
