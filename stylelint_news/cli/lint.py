"""The lint command: settings, plugins and rules assembled, files linted, the report written."""

from __future__ import annotations

import argparse
import heapq
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__, config
from ..engine import datastore, plugins
from ..engine.context import RunContext
from ..engine.files import expand
from ..engine.linter import Flags, Linter, Result
from ..engine.runner import default_jobs, lint_paths, lint_stdin
from ..errors import ExitCode, UsageError
from ..finding import LEVELS

if TYPE_CHECKING:
    from ..output.report import FileOutput


def run(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    paths = args.paths or ["."]
    settings = config.override(config.load(args.config, paths, args.isolated), dialect=args.dialect)
    named_cache = args.cache_dir or os.environ.get(datastore.ENV)
    if named_cache:
        datastore.check_named(Path(named_cache))
    ctx = RunContext.at(args.cache_dir)
    try:
        with ctx.active():
            # a broken pack must not stop the commands that help fix it
            _, registry = plugins.build(settings, go_on=bool(args.list_rules or args.explain))
        return _lint(args, out, paths, settings, registry, ctx)
    finally:
        ctx.close()


def _lint(
    args: argparse.Namespace,
    out: Callable[[str], None],
    paths: list[str],
    settings: config.Settings,
    registry: plugins.Registry,
    ctx: RunContext,
) -> int:
    if args.version:
        others = sorted({p for p in registry.plugins if p != "builtin"})
        out(f"stylelint-news {__version__}" + (f" (plugins: {', '.join(others)})" if others else "") + "\n")
        return ExitCode.CLEAN
    fixing = args.fix or args.unsafe_fixes
    flags = Flags(
        select=args.select,
        ignore=args.ignore or (),
        extend_select=args.extend_select,
        extend_ignore=args.extend_ignore,
        report_unused_suppressions=args.report_unused_suppressions,
        fix=args.fix or args.diff,
        unsafe_fixes=args.unsafe_fixes,
        show_traceback=args.show_traceback,
    )
    linter = Linter(settings, registry, flags, ctx)
    if args.explain:
        rule = registry.rules.get(args.explain.upper()) or next(
            (r for r in registry.rules.values() if r.name == args.explain), None
        )
        if rule is None:
            raise UsageError("--explain", f"no rule {args.explain!r} (see --list-rules)")
        out(rule.explain())
        return _loaded(registry)
    if args.list_rules:
        running = {r.code for r in linter.rules}
        for code in sorted(registry.rules):
            r = registry.rules[code]
            mark = "on " if code in running else "off"
            out(f"{code}  {mark}  {r.name:<28} {r.summary}  [{r.origin}]\n")
        return _loaded(registry)
    formatter = registry.formats.get(args.format)
    if formatter is None:
        known = ", ".join(sorted(registry.formats))
        raise UsageError("--format", f"unknown format {args.format!r} (choose from {known})")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs", "must be 1 or more")
    if args.scheduler:
        if fixing or args.diff:
            raise UsageError("--scheduler", "only lints: fix files (--fix, --diff) with a run on this machine")
        from ..dask import require

        require("--scheduler")

    from ..output.report import Reporter, ReportOptions

    stdin = "-" in paths
    reporter = Reporter(
        ReportOptions(
            format=args.format,
            show_source=args.show_source,
            statistics=args.statistics,
            count=args.count,
            output_file=args.output_file,
            diff=args.diff,
            passthrough=fixing and stdin and not args.diff,
        ),
        registry.rules,
        formatter,
        out,
    )
    cache = None
    if not (args.no_cache or fixing or args.diff or args.show_source):
        from ..engine.resultcache import ResultCache, fingerprint

        rule_files = tuple(str(Path(settings.root, r)) for r in settings.rules)
        words_file = (str(Path(settings.root, settings.words_file)),) if settings.words_file else ()
        vocabularies = tuple(map(str, settings.vocabulary_files()))
        run_key = fingerprint(
            settings,
            flags,
            sorted(registry.plugins),
            sorted((c, r.origin) for c, r in registry.rules.items()),
            files=(*rule_files, *words_file, *vocabularies),
        )
        cache = ResultCache(ctx.store, run_key)
    stdin_result = lint_stdin(linter, reporter.file_output(fixing, stdin=True), args.stdin_filename) if stdin else []
    skipped: list[str] = []
    unread: Counter[str] = Counter()
    # Sorted (each file once), so the report can write each file's findings as it comes and still
    # give them in the order of their paths, as sorting them all at the end did.
    files = sorted(
        dict.fromkeys(expand([p for p in paths if p != "-"], settings.extensions, settings.exclude, skipped, unread))
    )
    roots = tuple(Path(os.path.realpath(p)) for p in paths if p != "-")  # what a fix may write through a link
    finish = reporter.file_output(fixing, roots=roots)
    if args.scheduler:
        linted = _on_cluster(args, linter, finish, files, cache.run if cache else None)
    else:
        linted = lint_paths(linter, finish, files, args.jobs or default_jobs(), cache)
    results = heapq.merge(stdin_result, linted, key=lambda r: r.path)
    notices = [skipped_notice(skipped)] if skipped else []
    if unread:
        from ..text.readers import skipped_notice as unread_notice

        notices.append(unread_notice(unread))
    levels: Counter[str] = Counter()  # the report writes findings as they come and keeps none
    _, problems = reporter.report(_tallied(results, levels), notices)
    if problems:
        return ExitCode.ERROR
    if failing(levels, args.fail_level or settings.fail_level) and not args.exit_zero:
        return ExitCode.FINDINGS
    return ExitCode.CLEAN


def _on_cluster(
    args: argparse.Namespace, linter: Linter, finish: FileOutput, files: list[str], result_key: str | None
) -> Iterator[Result]:
    """The files' results from the Dask cluster at --scheduler, built there as `linter` is here."""
    from ..dask.client import lint_on_cluster
    from ..dask.worker import Recipe

    recipe = Recipe.of(linter, cache_dir=args.cache_dir, result_key=result_key, finish=finish)
    return lint_on_cluster(args.scheduler, recipe, files, args.jobs or default_jobs())


def _loaded(registry: plugins.Registry) -> int:
    """After `--list-rules` or `--explain`: what could not be loaded, and exit 2 if anything."""
    from . import error

    for problem in registry.problems:
        error(problem)
    return ExitCode.ERROR if registry.problems else ExitCode.CLEAN


def _tallied(results: Iterable[Result], levels: Counter[str]) -> Iterator[Result]:
    """The results as they come, their findings counted by level on the way to the report."""
    for result in results:
        levels.update(f.level for f in result.findings)
        yield result


def failing(levels: Counter[str], fail_level: str | None) -> bool:
    """Whether findings of these levels fail the run: any finding, or with a fail level only
    those at it or above (the others are reported and the run passes)."""
    if fail_level is None:
        return levels.total() > 0
    least = LEVELS.index(fail_level)
    return any(n and LEVELS.index(level) >= least for level, n in levels.items())


def skipped_notice(skipped: list[str], shown: int = 5) -> str:
    """One line for the special files a folder held (a FIFO, a device, a link to one): they are
    not read, and not an error, since no one asked for them by name."""
    more = f" and {len(skipped) - shown} more" if len(skipped) > shown else ""
    n = len(skipped)
    return f"skipped {n} file{'s' if n != 1 else ''} that {'are' if n != 1 else 'is'} not regular: {', '.join(skipped[:shown])}{more}"
