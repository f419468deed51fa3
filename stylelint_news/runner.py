"""Linting many files: one process or all cores, with the same output in the same order.

Each worker process builds its Linter once (or inherits it through fork) and then lints whole
files; results come back in the order the files were given, so `--jobs` never changes the output.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .engine import Linter, Result
from .errors import UsageError
from .resultcache import ResultCache
from .source import Source, decode, read_source, write_atomically

#: Below this many files a pool costs more than it saves.
PARALLEL_THRESHOLD = 8


@dataclass(frozen=True)
class Output:
    """What the parent wants back besides findings."""

    write: bool = False  # write fixes to the file
    diff: bool = False  # return a unified diff instead
    show_source: bool = False
    cache: ResultCache | None = None  # findings of unchanged files (only when nothing is fixed)


_worker: tuple[Linter, Output] | None = None


def _init(linter: Linter, output: Output) -> None:
    global _worker
    _worker = (linter, output)


def lint_source(linter: Linter, output: Output, source: Source) -> Result:
    """Lint one source and do what the run asked with its fixed text."""
    result = linter.lint(source)
    if result.fixed_text is not None:
        if output.diff:
            import difflib

            result.diff = "".join(
                difflib.unified_diff(
                    source.text.splitlines(keepends=True),
                    result.fixed_text.splitlines(keepends=True),
                    fromfile=f"a/{source.path.lstrip('/')}",
                    tofile=f"b/{source.path.lstrip('/')}",
                )
            )
        elif output.write and source.path != "-" and source.raw is not None:
            try:
                write_atomically(source, result.fixed_text)
            except UsageError as err:
                result.problems.append(str(err))
    if output.show_source:
        lines = source.text.split("\n")
        result.lines = {f.line: lines[f.line - 1].rstrip("\r") for f in result.findings if f.line <= len(lines)}
    return result


def _lint_path(path: str) -> Result:
    assert _worker is not None
    linter, output = _worker
    try:
        source = read_source(path)
    except UsageError as err:
        return Result(path, problems=[str(err)])
    cache = output.cache
    if cache is not None and source.raw is not None:
        findings = cache.get(path, source.raw)
        if findings is not None:
            return Result(path, findings=findings)
    result = lint_source(linter, output, source)
    if cache is not None and source.raw is not None and not result.problems:
        cache.put(path, source.raw, result.findings)
    return result


def lint_stdin(linter: Linter, output: Output, name: str) -> Result:
    data = sys.stdin.buffer.read()
    try:
        source = decode(name, data)
    except UsageError as err:
        return Result(name, problems=[str(err)])
    result = lint_source(linter, output, Source(name, source.text, source.bom, raw=None))
    result.original_text = source.text
    return result


def lint_paths(linter: Linter, output: Output, paths: Sequence[str], jobs: int) -> Iterator[Result]:
    """Results for each path, in order."""
    if jobs <= 1 or len(paths) < PARALLEL_THRESHOLD:
        _init(linter, output)
        yield from map(_lint_path, paths)
        return
    import multiprocessing  # here, not at the top: one file never pays for a pool
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(1, min(64, len(paths) // (jobs * 8)))
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_init, initargs=(linter, output)
    ) as pool:
        yield from pool.map(_lint_path, paths, chunksize=chunk)


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1
