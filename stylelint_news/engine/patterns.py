"""Regular expressions, compiled on first use and kept compiled between runs.

The `regex` module parses and compiles a pattern in Python: the rules' patterns cost about 60 ms
of a one-article run, more than linting the article, and most of a commit hook's time is start-up.
Two things keep that down. Every pattern the code declares is `Lazy`: compiled when first used,
so an article with no "according to" never compiles that pattern. And the run's `PatternCache`
keeps compiled patterns in the data store (see datastore.py): regex pickles a pattern as the code
its compiler produced, which loads in a few microseconds.

What reaches regex's C engine from the cache is checked first: the entry carries a checksum (the
store refuses a damaged one, and a folder others may write to), it is keyed by the regex release
that compiled it, and it is read with an unpickler that builds nothing but regex patterns. A
pattern that will not load is compiled again, so a stale or damaged file costs time, never a
wrong match.
"""

from __future__ import annotations

import io
import marshal
import pickle
import sys
from typing import TYPE_CHECKING, Any

import regex

if TYPE_CHECKING:
    from .datastore import DataStore

#: Patterns kept at most: a newsroom's packs add their own, and a file that only grew would
#: slow every start; past this, a save keeps only the patterns the run used.
KEEP = 1000


class _PatternsOnly(pickle.Unpickler):
    """Unpickles regex patterns and refuses anything else: even a checked entry builds nothing
    but patterns."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("regex._regex", "compile"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"not a regex pattern: {module}.{name}")


class PatternCache:
    """The compiled patterns of one run: loaded from the store on first use, saved on `save()`."""

    def __init__(self, store: DataStore) -> None:
        self.store = store
        self._kept: dict[tuple[str, int], bytes] | None = None  # as loaded from the store
        self._used: dict[tuple[str, int], bytes] = {}  # loaded or compiled by this run
        self._new = False  # compiled by this run, so worth saving
        from .. import __version__
        from .datastore import FORMAT

        self._stamp = f"{__version__}|{FORMAT}|{regex.__version__}|{sys.version_info[:2]}".encode()

    def _kept_patterns(self) -> dict[tuple[str, int], bytes]:
        if self._kept is None:
            self._kept = {}
            path = self.store.path("patterns", self._stamp)
            payload = self.store.read(path, self._stamp) if path is not None else None
            if payload is not None:
                try:
                    loaded = marshal.loads(payload)
                    self._kept = loaded if isinstance(loaded, dict) else {}
                except (EOFError, ValueError, TypeError):
                    pass
        return self._kept

    def compile(self, source: str, flags: int = 0) -> regex.Pattern:
        """regex.compile, from the kept patterns when this one was compiled before."""
        key = (source, int(flags))  # a plain int: regex flags are an enum, which marshal refuses
        blob = self._kept_patterns().get(key)
        if blob is not None:
            try:
                pattern = _PatternsOnly(io.BytesIO(blob)).load()
                if isinstance(pattern, regex.Pattern) and pattern.pattern == source and pattern.flags & flags == flags:
                    self._used[key] = blob
                    return pattern
            except Exception:
                pass
        pattern = regex.compile(source, flags)  # a bad pattern raises here, as it would without us
        self._used[key] = pickle.dumps(pattern, protocol=pickle.HIGHEST_PROTOCOL)
        self._new = True
        return pattern

    def save(self) -> None:
        """Keep the patterns this run compiled for the next run (nothing to do if it compiled none)."""
        path = self.store.path("patterns", self._stamp)
        if not self._new or path is None:
            return
        kept = self._kept_patterns()
        everything = {**kept, **self._used} if len(kept) + len(self._used) <= KEEP else dict(self._used)
        self.store.write(path, self._stamp, marshal.dumps(everything))
        kept.clear()
        kept.update(everything)
        self._new = False


def compile(source: str, flags: int = 0) -> regex.Pattern:
    """Compile a pattern through the cache of the run in progress (see context.current)."""
    from .context import current

    return current().patterns.compile(source, flags)


class Lazy:
    """A pattern declared in code: the methods of a compiled pattern, compiled on first call.

    Once compiled it stays with its declaration for the life of the process (as `re` keeps its
    own cache): the compiled pattern is the same whichever run compiled it. Its methods are then
    kept on the instance, so a call in a hot loop costs what a compiled pattern's does.
    """

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = flags
        self._compiled: regex.Pattern | None = None

    @property
    def compiled(self) -> regex.Pattern:
        if self._compiled is None:
            compiled = self._compiled = compile(self.source, self.flags)
            for name in ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"):
                setattr(self, name, getattr(compiled, name))
        return self._compiled

    @property
    def pattern(self) -> str:
        return self.source

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled, name)
