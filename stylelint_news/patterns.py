"""Regular expressions, compiled on first use and kept compiled between runs.

The `regex` module parses and compiles a pattern in Python: the rules' patterns cost about 20 ms
of a one-article run, more than linting the article, and most of a commit hook's time is start-up.
Two things keep that down. A rule's pattern is compiled when it is first used (`Lazy`), so an
article with no "according to" never compiles that pattern. And a compiled pattern is kept in the
data cache (see cache.py): regex pickles a pattern as the code its compiler produced, which loads
in a few microseconds. The kept patterns are read with an unpickler that builds nothing but regex
patterns, and the file is keyed by the regex release that compiled them; a pattern that will not
load is compiled again, so a stale or damaged file costs time, never a wrong match.
"""

from __future__ import annotations

import io
import marshal
import pickle
import sys
import zlib
from pathlib import Path
from typing import Any

import regex

#: Patterns kept at most: a newsroom's packs add their own, and a file that only grew would
#: slow every start; past this, a save keeps only the patterns the run used.
KEEP = 1000

_kept: dict[tuple[str, int], bytes] | None = None  # as loaded from the cache
_used: dict[tuple[str, int], bytes] = {}  # loaded or compiled by this run
_new = False  # compiled by this run, so worth saving


def _path() -> Path:
    from . import __version__
    from .cache import FORMAT, folder

    stamp = f"{__version__}|{FORMAT}|{regex.__version__}|{sys.version_info[:2]}".encode()
    return folder() / f"patterns-{zlib.crc32(stamp):08x}{zlib.adler32(stamp):08x}.marshal"


class _PatternsOnly(pickle.Unpickler):
    """Unpickles regex patterns and refuses anything else: a file in a shared cache folder must
    not be able to run code."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("regex._regex", "compile"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"not a regex pattern: {module}.{name}")


def _kept_patterns() -> dict[tuple[str, int], bytes]:
    global _kept
    if _kept is None:
        try:
            loaded = marshal.loads(_path().read_bytes())
            _kept = loaded if isinstance(loaded, dict) else {}
        except (OSError, EOFError, ValueError, TypeError):
            _kept = {}
    return _kept


def compile(source: str, flags: int = 0) -> regex.Pattern:  # noqa: A001 - regex.compile's stand-in
    """regex.compile, from the kept patterns when this one was compiled before."""
    global _new
    key = (source, int(flags))  # a plain int: regex flags are an enum, which marshal refuses
    blob = _kept_patterns().get(key)
    if blob is not None:
        try:
            pattern = _PatternsOnly(io.BytesIO(blob)).load()
            if isinstance(pattern, regex.Pattern) and pattern.pattern == source:
                _used[key] = blob
                return pattern
        except Exception:  # noqa: BLE001 - any damage means: compile it again
            pass
    pattern = regex.compile(source, flags)  # a bad pattern raises here, as it would without us
    _used[key] = pickle.dumps(pattern, protocol=pickle.HIGHEST_PROTOCOL)
    _new = True
    return pattern


def save() -> None:
    """Keep the patterns this run compiled for the next run (nothing to do if it compiled none)."""
    global _new
    if not _new:
        return
    from .cache import store

    kept = _kept_patterns()
    everything = {**kept, **_used} if len(kept) + len(_used) <= KEEP else dict(_used)
    store(_path(), marshal.dumps(everything))
    kept.clear()
    kept.update(everything)
    _new = False


class Lazy:
    """A stand-in for a compiled pattern: the same methods, compiled on first call."""

    __slots__ = ("source", "flags", "_compiled")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = flags
        self._compiled: regex.Pattern | None = None

    @property
    def compiled(self) -> regex.Pattern:
        if self._compiled is None:
            self._compiled = compile(self.source, self.flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled, name)
