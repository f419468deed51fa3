"""The command line: arguments in, exit status out. No rule logic lives here.

Exit status: 0 nothing found, 1 findings, 2 a usage, input or configuration error (reported as
one line naming the file). A problem with one file does not stop the others from being linted.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .cache import ENV as CACHE_ENV
from .cache import folder as cache_folder
from .errors import ExitCode, UsageError


def _selectors(value: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in value.split(",") if s.strip())


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="stylelint-news",
        description="Lint news copy (Markdown or plain text) for typos, duplication, capitalisation and attribution.",
        epilog="Exit status: 0 clean, 1 findings, 2 usage, input or configuration error. "
        "`stylelint-news rules test|try ...` tests rule packs (see `stylelint-news rules --help`).",
    )
    p.add_argument("paths", nargs="*", help="files or folders to lint (default: .); - reads standard input")
    p.add_argument("--config", metavar="FILE", help="configuration file (default: found walking up from the paths)")
    p.add_argument(
        "--select", type=_selectors, metavar="LIST", help="rules to run: codes, prefixes or names, comma-separated"
    )
    p.add_argument("--ignore", type=_selectors, metavar="LIST", help="rules not to run")
    p.add_argument("--extend-select", type=_selectors, metavar="LIST", default=(), help="rules to run as well")
    p.add_argument("--extend-ignore", type=_selectors, metavar="LIST", default=(), help="more rules not to run")
    p.add_argument("--dialect", choices=["en", "en-GB", "en-US"], help="spelling to accept (default: both)")
    p.add_argument(
        "--format", default="flake8", metavar="NAME", help="flake8 (default), json, github, sarif, or a plugin's"
    )
    p.add_argument("--show-source", action="store_true", help="print the line and a caret under each finding")
    p.add_argument("--statistics", action="store_true", help="count findings by code at the end")
    p.add_argument("--count", action="store_true", help="print the number of findings at the end")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    p.add_argument("--output-file", metavar="FILE", help="write the report to FILE instead of standard output")
    p.add_argument("--stdin-filename", metavar="NAME", default="-", help="the name to report for standard input")
    p.add_argument("--fix", action="store_true", help="apply safe fixes to the files")
    p.add_argument("--unsafe-fixes", action="store_true", help="apply unsafe fixes too (implies --fix)")
    p.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; write nothing")
    p.add_argument(
        "--report-unused-suppressions",
        action="store_true",
        help="report inline suppressions that suppress nothing (X001)",
    )
    p.add_argument("-j", "--jobs", type=int, metavar="N", help="processes to lint with (default: the number of cores)")
    p.add_argument("--no-cache", action="store_true", help="lint every file, even those unchanged since the last run")
    p.add_argument(
        "--cache-dir", metavar="DIR", help="where results and built data are kept (default: ~/.cache/stylelint-news)"
    )
    p.add_argument("--list-rules", action="store_true", help="list every rule, marking those that would run")
    p.add_argument("--explain", metavar="CODE", help="print a rule's documentation")
    p.add_argument("--version", action="store_true", help="print the version and the plugins loaded")
    return p


class _Out:
    """Standard output that survives being piped into `head`."""

    def __init__(self, stream) -> None:
        self.stream = stream

    def write(self, text: str) -> None:
        if not text:
            return
        try:
            self.stream.write(text)
            self.stream.flush()
        except BrokenPipeError:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise SystemExit(ExitCode.CLEAN) from None


def _error(message: str) -> None:
    try:
        sys.stderr.write(f"stylelint-news: {message}\n")
    except BrokenPipeError:
        pass


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["rules"]:
        from .rulecmd import main as rules_main

        return rules_main(argv[1:])
    args = parser().parse_args(argv)
    try:
        return _run(args)
    except UsageError as err:
        _error(str(err))
        return ExitCode.ERROR
    except KeyboardInterrupt:
        return 130


def _run(args: argparse.Namespace) -> int:
    if args.cache_dir:  # before anything is imported: modules compile their patterns from the cache
        os.environ[CACHE_ENV] = args.cache_dir
    from . import config, patterns, plugins
    from .engine import Flags, Linter
    from .files import expand
    from .formats import flake8
    from .runner import Output, default_jobs, lint_paths, lint_stdin

    out = _Out(sys.stdout)
    paths = args.paths or ["."]
    settings = config.override(config.load(args.config, paths), dialect=args.dialect)
    manager, registry = plugins.build(settings)

    if args.version:
        others = sorted({p for p in registry.plugins if p != "builtin"})
        out.write(f"stylelint-news {__version__}" + (f" (plugins: {', '.join(others)})" if others else "") + "\n")
        return ExitCode.CLEAN
    flags = Flags(
        select=args.select,
        ignore=args.ignore or (),
        extend_select=args.extend_select,
        extend_ignore=args.extend_ignore,
        report_unused_suppressions=args.report_unused_suppressions,
        fix=args.fix or args.diff,
        unsafe_fixes=args.unsafe_fixes,
    )
    linter = Linter(settings, registry, flags)
    if args.explain:
        rule = registry.rules.get(args.explain.upper()) or next(
            (r for r in registry.rules.values() if r.name == args.explain), None
        )
        if rule is None:
            raise UsageError("--explain", f"no rule {args.explain!r} (see --list-rules)")
        out.write(rule.explain())
        return ExitCode.CLEAN
    if args.list_rules:
        running = {r.code for r in linter.rules}
        for code in sorted(registry.rules):
            r = registry.rules[code]
            mark = "on " if code in running else "off"
            out.write(
                f"{code}  {mark}  {r.name:<28} {r.summary}"
                + (f"  [{r.origin}]" if r.origin != "builtin" else "")
                + "\n"
            )
        return ExitCode.CLEAN
    formatter = registry.formats.get(args.format)
    if formatter is None:
        raise UsageError(
            "--format", f"unknown format {args.format!r} (choose from {', '.join(sorted(registry.formats))})"
        )
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs", "must be 1 or more")

    fixing = args.fix or args.unsafe_fixes or args.diff
    cache = None
    if not (args.no_cache or fixing or args.show_source):
        from .resultcache import ResultCache, fingerprint

        run = fingerprint(
            settings,
            flags,
            sorted(registry.plugins),
            sorted((c, r.origin) for c, r in registry.rules.items()),
            files=(
                *(str(Path(settings.root, r)) for r in settings.rules),
                *((str(Path(settings.root, settings.words_file)),) if settings.words_file else ()),
            ),
        )
        cache = ResultCache(cache_folder(), run)
    output = Output(
        write=(args.fix or args.unsafe_fixes) and not args.diff,
        diff=args.diff,
        show_source=args.show_source,
        cache=cache,
    )
    results = []
    if "-" in paths:
        results.append(lint_stdin(linter, output, args.stdin_filename))
    files = list(expand([p for p in paths if p != "-"], settings.extensions, settings.exclude))
    results.extend(lint_paths(linter, output, files, args.jobs or default_jobs()))

    patterns.save()
    findings = sorted((f for r in results for f in r.findings), key=lambda f: f.sort_key)
    problems = [p for r in results for p in r.problems]
    lines = {(r.path, n): t for r in results for n, t in r.lines.items()}
    if args.format == "flake8":
        report = flake8(
            findings, registry.rules, (lambda f: lines.get((f.path, f.line), "")) if args.show_source else None
        )
    else:
        report = formatter(findings, registry.rules)
    if args.statistics:
        counts = Counter(f.code for f in findings)
        report += "".join(f"{n:<5} {code} {registry.rules[code].name}\n" for code, n in sorted(counts.items()))
    if args.count:
        report += f"{len(findings)}\n"

    if args.diff:
        out.write("".join(r.diff or "" for r in results))
    elif (args.fix or args.unsafe_fixes) and "-" in paths:
        stdin_result = results[0]
        # the fixed text, or the text unchanged when nothing was fixed: a filter always passes it on
        out.write(stdin_result.fixed_text if stdin_result.fixed_text is not None else stdin_result.original_text or "")
    if args.output_file:
        try:
            Path(args.output_file).write_text(report, encoding="utf-8")
        except OSError as err:
            raise UsageError(args.output_file, f"cannot write the report: {err.strerror or err}") from None
    elif not (args.diff or ((args.fix or args.unsafe_fixes) and "-" in paths)):
        out.write(report)
    else:
        sys.stderr.write(report)
    for problem in problems:
        _error(problem)
    fixed = sum(r.fixed_count for r in results)
    if fixed and not args.diff:
        sys.stderr.write(f"stylelint-news: fixed {fixed} finding{'s' if fixed != 1 else ''}\n")
    if problems:
        return ExitCode.ERROR
    if findings and not args.exit_zero:
        return ExitCode.FINDINGS
    return ExitCode.CLEAN
