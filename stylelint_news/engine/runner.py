"""Linting many files: one process or all cores, with the same output in the same order.

Each worker process builds its Linter once (or inherits it through fork) and then lints whole
files; the output stage's per-file step (`finish`, see output/report.py) runs where the file was
linted, so a fix is written without the text travelling back. Results come back in the order the
files were given, so `--jobs` never changes the output.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..text.readers import Unit, units
from ..text.source import Source, megabytes
from . import linter as engine
from .linter import Linter, Result, place

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from .resultcache import ResultCache

#: Below this many files a pool costs more than it saves.
PARALLEL_THRESHOLD = 8
#: prctl's request for a signal when the parent dies (linux/prctl.h).
PR_SET_PDEATHSIG = 1

#: What the report stage does with each file's result where it was linted.
Finish = Callable[[Source, Result], Result]
#: A worker's linter, finishing step and result cache.
Worker = tuple[Linter, Finish, "ResultCache | None"]
#: How a worker reads a file's bytes itself (a Dask worker, an fsspec URL), bounded by a size.
Reader = Callable[[str, int], bytes]

#: The worker's own linter, finishing step and result cache: set once per worker process by the
#: pool's initializer (or in this process for a serial run).
_worker: Worker | None = None


def _init(linter: Linter, finish: Finish, cache: ResultCache | None, parent: int | None = None) -> None:
    global _worker  # noqa: PLW0603 - a worker process's own state, set once by the pool
    _worker = (linter, finish, cache)
    if parent is not None:
        _bind_to(parent)


def _bind_to(parent: int) -> None:
    """Make a worker end with the run that started it. Ctrl-C is the parent's to handle (it ends
    the pool); a signal that ends the parent (SIGTERM, SIGHUP) ends a worker at once, as the
    parent's handlers, inherited through fork, would have it carry on; and on Linux the kernel
    kills the worker if the parent dies by any means, `kill -9` included, so no worker is left
    asleep for ever holding the output pipes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):  # pragma: no cover - a libc without prctl
            pass
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def _lint_path(path: str) -> list[Result]:
    """A file's results (what a worker sends back): one for most files, one per article of a
    JSON array or record of a JSON Lines archive, each with its record's id."""
    return list(_lint_parts(path))


def lint_file(path: str, worker: Worker, read: Reader | None = None) -> list[Result]:
    """A file's results, linted by `worker` (a Dask worker, whose unit of work is a file), as
    the pool's workers give them: one per record or article, so JSON output keeps each record's
    id; one per piece of a huge file. `read` reads the file's bytes (a Dask worker's reader for
    fsspec URLs), which the file's reader then reads as it would the file."""
    return list(_lint_parts(path, worker, read))


def _lint_parts(path: str, worker: Worker | None = None, read: Reader | None = None) -> Iterator[Result]:
    """A file's results as each is ready: one for most files, one per piece of a huge one, one
    per article of a JSON array or record of a JSON Lines archive (see text/readers). With
    `read`, the file's bytes are read by it (and the whole file is bounded by the size limit)."""
    worker = worker or _worker
    assert worker is not None
    linter, finish, cache = worker
    data = None
    if read is not None:
        try:
            data = read(path, linter.settings.max_bytes)
        except UsageError as err:
            yield Result(path, problems=[str(err)])
            return
    for unit in units(path, linter.settings.max_bytes, linter.settings.field_names, data):
        if unit.source is None:
            yield Result(
                path, problems=[unit.problem] if unit.problem else [], notices=[unit.notice] if unit.notice else []
            )
            continue
        yield from _lint_unit(linter, finish, cache if unit.whole else None, unit)


def _lint_unit(linter: Linter, finish: Finish, cache: ResultCache | None, unit: Unit) -> Iterator[Result]:
    source = unit.source
    assert source is not None
    if source.format == "json":
        cache = None  # a JSON article's result carries its record's id, which the cache does not keep
    if cache is not None and source.raw is not None:
        findings = cache.get(source.path, source.raw)
        if findings is not None:
            yield finish(source, Result(source.path, findings=findings))
            return
    parts = 0
    for part in linter.lint_parts(source):
        result = place(finish(source, part), unit.line, unit.column, unit.offset)
        parts += 1
        yield result
    if cache is not None and source.raw is not None and parts == 1 and not result.problems:
        cache.put(source.path, source.raw, result.findings)


def lint_stdin(linter: Linter, finish: Finish, name: str) -> list[Result]:
    """Standard input, read as a file named `name` would be, and reported under that name; never
    written back (it has no file). The read is bounded as a file's is: `< /dev/zero` must not
    fill the memory. A filter (--fix on standard input) passes the whole text on, fixed only where
    a fix may be written (not inside JSON)."""
    limit = linter.settings.max_bytes
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        return [
            Result(name, problems=[f"{name}: standard input is over the size limit of {megabytes(limit)}; not read"])
        ]
    results = []
    for unit in units(name, limit, linter.settings.field_names, data):
        if unit.source is None:
            results.append(
                Result(
                    name, problems=[unit.problem] if unit.problem else [], notices=[unit.notice] if unit.notice else []
                )
            )
            continue
        result = finish(unit.source, linter.lint(unit.source))
        results.append(place(result, unit.line, unit.column, unit.offset))
    if len(results) != 1 and any(r.passthrough is not None for r in results):
        whole = data.decode("utf-8", errors="surrogateescape")
        for r in results:
            r.passthrough = None
        results[0].passthrough = whole
    return results


def _large(path: str) -> bool:
    """Whether a file is large enough to be linted in pieces (a guess from its size in bytes)."""
    try:
        return os.stat(path).st_size > 2 * engine.PIECE
    except OSError:
        return False


def lint_paths(
    linter: Linter, finish: Finish, paths: Sequence[str], jobs: int, cache: ResultCache | None = None
) -> Iterator[Result]:
    """Results for each path, in order; a file linted in pieces gives one result per piece, as
    each is ready, so its findings need not all be held. With a pool, such a file is linted in
    this process while the workers go on with the others: a worker sends a whole file back."""
    _init(linter, finish, cache)
    if jobs <= 1 or len(paths) < PARALLEL_THRESHOLD:
        for path in paths:
            yield from _lint_parts(path)
        return
    import multiprocessing  # here, not at the top: one file never pays for a pool
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(1, min(64, len(paths) // (jobs * 8)))
    pool = ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_init, initargs=(linter, finish, cache, os.getpid())
    )
    large = [_large(path) for path in paths]
    try:
        linted = pool.map(_lint_path, [p for p, big in zip(paths, large) if not big], chunksize=chunk)
        for path, big in zip(paths, large):
            yield from _lint_parts(path) if big else next(linted)
    except BaseException:
        _stop(pool)  # a signal, Ctrl-C, a closed pipe: no worker outlives the run, none is waited for
        raise
    pool.shutdown()


def _stop(pool: ProcessPoolExecutor) -> None:
    """End a pool now: queued work cancelled and the workers killed, not waited for (shutdown
    alone lets every worker finish the files it was given)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # no public way before Python 3.14
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.kill()
    for process in processes:
        process.join(5)


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1
