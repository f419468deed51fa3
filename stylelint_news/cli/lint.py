"""The lint command: settings, plugins and rules assembled, files linted, the report written."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from .. import __version__, config
from ..engine import plugins
from ..engine.context import RunContext
from ..engine.files import expand
from ..engine.linter import Flags, Linter
from ..engine.runner import default_jobs, lint_paths, lint_stdin
from ..errors import ExitCode, UsageError
from ..finding import LEVELS, Finding


def run(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    paths = args.paths or ["."]
    settings = config.override(config.load(args.config, paths), dialect=args.dialect)
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
    results = []
    if stdin:
        results.append(lint_stdin(linter, reporter.file_output(fixing, stdin=True), args.stdin_filename))
    files = list(expand([p for p in paths if p != "-"], settings.extensions, settings.exclude))
    results.extend(lint_paths(linter, reporter.file_output(fixing), files, args.jobs or default_jobs(), cache))
    findings, problems = reporter.report(results)
    if problems:
        return ExitCode.ERROR
    if failing(findings, args.fail_level or settings.fail_level) and not args.exit_zero:
        return ExitCode.FINDINGS
    return ExitCode.CLEAN


def _loaded(registry: plugins.Registry) -> int:
    """After `--list-rules` or `--explain`: what could not be loaded, and exit 2 if anything."""
    from . import error

    for problem in registry.problems:
        error(problem)
    return ExitCode.ERROR if registry.problems else ExitCode.CLEAN


def failing(findings: list[Finding], fail_level: str | None) -> bool:
    """Whether the findings fail the run: any finding, or with a fail level only those at it or
    above (the others are reported and the run passes)."""
    if fail_level is None:
        return bool(findings)
    least = LEVELS.index(fail_level)
    return any(LEVELS.index(f.level) >= least for f in findings)
