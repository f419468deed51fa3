"""What a rule may know besides the document: its options, the run's settings, and the run.

A rule never reads module globals: what lives as long as a run (the data store, the compiled
patterns, the judgements of single words that later articles reuse) belongs to a `RunContext`,
made by whoever runs the linter (the command line, a `--jobs` worker, a language server, a Dask
worker) and handed to every rule in its `Context`. The same rule then runs in any of them alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from .datastore import DataStore, default_folder
from .patterns import PatternCache

T = TypeVar("T")


class RunContext:
    """The state one run shares between its rules and its files.

    - `store`: the data cache (word tables built from the data packages), checked on every read;
    - `patterns`: compiled patterns kept between runs;
    - `memo(key, build)`: anything a rule builds once per run and reuses on every file (the
      verdicts on single words of T001 and T002), keyed by what it depends on.

    `close()` saves what the next run can reuse. `active()` makes this run the one that data
    loaders and `Lazy` patterns use while a file is linted (see `current`).
    """

    def __init__(self, store: DataStore | None = None) -> None:
        self.store = store if store is not None else DataStore(default_folder())
        self.patterns = PatternCache(self.store)
        self._memo: dict[Any, Any] = {}

    @classmethod
    def at(cls, folder: str | Path | None) -> RunContext:
        """A run keeping its data in `folder` (None: the default folder)."""
        return cls(DataStore(Path(folder) if folder is not None else default_folder()))

    @classmethod
    def uncached(cls) -> RunContext:
        """A run that keeps nothing on disk (tests, a read-only machine)."""
        return cls(DataStore(None))

    def memo(self, key: Any, build: Callable[[], T]) -> T:
        """The value built once per run for `key`."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = build()
            return value

    @contextmanager
    def active(self) -> Iterator[RunContext]:
        token = _ACTIVE.set(self)
        try:
            yield self
        finally:
            _ACTIVE.reset(token)

    def take_notices(self) -> list[str]:
        """What the run should tell the user once (a damaged cache entry rebuilt, ...)."""
        return self.store.take_notices()

    def close(self) -> None:
        self.patterns.save()


#: The run linting in this thread or task now, set by `RunContext.active`. Data loaders and
#: patterns are shared by every rule and module, so they find the run's store here instead of
#: being handed it through every helper; a context variable keeps two runs in two threads (a
#: language server's workspaces) apart.
_ACTIVE: ContextVar[RunContext | None] = ContextVar("stylelint_news_run", default=None)
_fallback: list[RunContext] = []


def current() -> RunContext:
    """The run in progress, or (outside any run: a library caller, a test) one for the process
    that keeps its data in the default folder."""
    run = _ACTIVE.get()
    if run is not None:
        return run
    if not _fallback:
        _fallback.append(RunContext())
    return _fallback[0]


@dataclass(frozen=True)
class Context:
    """What a rule is given besides the document: its options, the run's dialect and the
    newsroom's own words, and the run it belongs to."""

    options: Mapping[str, Any] = field(default_factory=dict)
    dialect: str = "en"
    words: frozenset[str] = frozenset()
    run: RunContext = field(default_factory=RunContext.uncached, compare=False)


def built(name: str, source: Path | tuple[Path, ...], build: Callable[[], T]) -> T:
    """Data built once from package files, through the store of the run in progress: what the
    language tables are loaded with (they are loaded once per process and shared by every run)."""
    return current().store.built(name, source, build)
