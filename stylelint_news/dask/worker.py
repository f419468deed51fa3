"""What runs on a Dask worker: the run's linter, built once per worker process, and the batches
of files it lints.

A task carries a `Recipe` (the run's settings, selection and rule files: a few kilobytes), never
the rule data: the worker builds its word data, patterns and rules itself, from its own
installation and data cache, the first time it meets the recipe, and keeps the linter for the
tasks after. It reads each file itself (a shared file system, or an fsspec URL such as `s3://`),
so no article passes through the client. Nothing here imports Dask: a worker calls it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .. import __version__
from ..config import Settings
from ..engine.linter import Flags, Linter, Result
from ..engine.runner import Finish, Worker, lint_file
from ..errors import UsageError
from ..output.report import FileOutput
from ..text.source import Source, megabytes

#: Linters a worker process keeps, one per recipe (a long-lived cluster serves several runs).
KEPT = 2


class Mismatch(RuntimeError):
    """A worker cannot give the results this machine would: another version of the tool, or
    other rules (a plugin missing or of another version). The run stops: retrying elsewhere
    would not make the output the same."""


@dataclass(frozen=True)
class Recipe:
    """How a worker builds the run's linter: what the client's own was built from."""

    settings: Settings
    flags: Flags = field(default_factory=Flags)
    #: The settings the rules are loaded from (`rules try` loads one rule file and lints with the
    #: defaults); None: `settings`.
    rule_settings: Settings | None = None
    entry_points: bool = True
    shipped: bool = True
    #: The data cache's folder (None: the worker's default, ~/.cache/stylelint-news).
    cache_dir: str | None = None
    #: The result cache's run key (None: no result cache).
    result_key: str | None = None
    finish: FileOutput = field(default_factory=FileOutput)
    #: (code, origin) of every rule the client loaded, and the tool's version: a worker that
    #: loads others refuses the work.
    rules: tuple[tuple[str, str], ...] = ()
    version: str = __version__
    #: The client's working folder: relative paths are read from it.
    cwd: str = ""
    key: str = field(default="", compare=False)

    @classmethod
    def of(cls, linter: Linter, **given: Any) -> Recipe:
        """The recipe of a linter built on the client: its settings, selection and rules, and the
        client's folder; `given` says the rest (where the rules come from, the caches, `finish`)."""
        rules = tuple(sorted((c, r.origin) for c, r in linter.registry.rules.items()))
        return replace(cls(linter.settings, linter.flags, rules=rules, cwd=os.getcwd()), **given)

    def keyed(self) -> Recipe:
        """The recipe with its key: a digest of everything in it, by which workers keep linters."""
        return replace(self, key=hashlib.blake2b(pickle.dumps(self), digest_size=16).hexdigest())

    def build(self) -> Worker:
        """The linter, finishing step and result cache, as the client would have them."""
        from ..engine import plugins
        from ..engine.context import RunContext

        if self.version != __version__:
            raise Mismatch(f"a worker runs stylelint-news {__version__}, this machine {self.version}")
        run = RunContext.at(self.cache_dir)
        try:
            with run.active():
                _, registry = plugins.build(
                    self.rule_settings or self.settings, entry_points=self.entry_points, shipped=self.shipped
                )
        except UsageError as err:
            raise Mismatch(f"a worker cannot load the rules: {err}") from None
        rules = tuple(sorted((c, r.origin) for c, r in registry.rules.items()))
        if self.rules and rules != self.rules:
            missing = sorted(set(self.rules) - set(rules))
            extra = sorted(set(rules) - set(self.rules))
            raise Mismatch(
                "a worker loads other rules than this machine"
                + (f"; it lacks {_named(missing)}" if missing else "")
                + (f"; it has {_named(extra)} too" if extra else "")
                + " (install the same plugins on every worker)"
            )
        cache = None
        if self.result_key is not None:
            from ..engine.resultcache import ResultCache

            cache = ResultCache(run.store, self.result_key)
        finish: Finish = self.finish
        return Linter(self.settings, registry, self.flags, run), finish, cache


def _named(rules: Sequence[tuple[str, str]], shown: int = 5) -> str:
    more = f" and {len(rules) - shown} more" if len(rules) > shown else ""
    return ", ".join(f"{code} ({origin})" for code, origin in rules[:shown]) + more


#: This process's linters by recipe key, newest last.
_linters: OrderedDict[str, Worker] = OrderedDict()
#: One batch at a time in a process: a worker's threads must not enter one linter at once (its
#: run's memo and data are not shared safely), and linting is CPU-bound Python, which threads do
#: not run in parallel anyway. It also guards the working folder (see `_enter`).
_busy = threading.Lock()


def _worker_for(recipe: Recipe) -> Worker:
    kept = _linters.get(recipe.key)
    if kept is None:
        kept = _linters[recipe.key] = recipe.build()
        while len(_linters) > KEPT:
            _linters.popitem(last=False)
    _linters.move_to_end(recipe.key)
    return kept


def _enter(recipe: Recipe, paths: Sequence[str]) -> None:
    """Work in the client's folder, so a relative path (a file, a rule file, a per-file-ignores
    glob) means what it means on the client. A worker that lacks the folder can still read
    absolute paths and URLs; a relative path there is a mismatch, not a missing file."""
    if not recipe.cwd or os.getcwd() == recipe.cwd:
        return
    try:
        os.chdir(recipe.cwd)
    except OSError:
        relative = [p for p in paths if not is_url(p) and not os.path.isabs(p)]
        if relative:
            raise Mismatch(
                f"a worker has no folder {recipe.cwd} to read {relative[0]} from: "
                "name the files by absolute paths or URLs it can reach"
            ) from None


def is_url(path: str) -> bool:
    """Whether a path names a file through fsspec (`s3://bucket/key`, `file:///...`)."""
    head, sep, _ = path.partition("://")
    return bool(sep) and head.replace("+", "").replace("-", "").isalnum()


def read(url: str, limit: int) -> bytes:
    """The bytes of an fsspec URL, at most `limit` of them, or one clear line naming it. (A local
    path is read by the engine's readers themselves; these bytes go through the same readers.)"""
    import fsspec  # a dependency of Dask's, there whenever this runs

    try:
        with fsspec.open(url, "rb") as fh:
            data = fh.read(limit + 1)
    except FileNotFoundError:
        raise UsageError(url, "no such file or directory") from None
    except (OSError, ValueError, ImportError) as err:
        raise UsageError(url, f"cannot read the file: {type(err).__name__}: {err}") from None
    if len(data) > limit:
        raise UsageError(url, f"is over the size limit of {megabytes(limit)} (max-file-size); not read")
    return bytes(data)


def lint_batch(recipe: Recipe, paths: Sequence[str]) -> list[list[Result]]:
    """Each file's results (one per record of a JSON Lines archive), in order: the task the
    client sends. A file's own problems (unreadable, a rule that crashed, a record that is not
    JSON) are in its results; anything else raises, and Dask tries the batch again."""
    with _busy:
        _enter(recipe, paths)
        worker = _worker_for(recipe)
        results = [lint_file(path, worker, read if is_url(path) else None) for path in paths]
        worker[0].run.close()  # keep the patterns compiled for the next process
    return results


def lint_texts(recipe: Recipe, items: Sequence[tuple[str, str]]) -> list[Result]:
    """The results of texts already in memory, each (name, text): what `lint_bag` maps."""
    with _busy:
        _enter(recipe, ())
        linter, finish, _ = _worker_for(recipe)
        return [finish(source, linter.lint(source)) for source in (Source(name, text) for name, text in items)]
