"""`stylelint-news rules test PATH...` and `stylelint-news rules try RULEFILE FOLDER`.

A desk writes a rule, runs its own examples (`test`), then sees what it would flag across an
archive (`try`) before the rule ships: the noise shows up as counts and a sample, not as a
surprise in the next hundred commits.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ExitCode, UsageError

if TYPE_CHECKING:
    from ..engine.linter import Linter, Result


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="stylelint-news rules", description="Test rule packs and Python rule files.")
    sub = p.add_subparsers(dest="command", required=True)
    t = sub.add_parser("test", help="run every rule's own examples: bad ones must be flagged, good ones not")
    t.add_argument("paths", nargs="+", help="rule files (.toml packs or .py plugin modules)")
    tr = sub.add_parser("try", help="show what a rule file would flag across a folder of articles")
    tr.add_argument("rulefile", help="a rule file (.toml or .py)")
    tr.add_argument("folder", help="a folder of articles")
    tr.add_argument("--sample", type=int, default=10, help="how many findings to show (default: 10)")
    tr.add_argument("--scheduler", metavar="ADDRESS", help="lint on a Dask cluster (see stylelint-news --help)")
    return p


def _registry(paths: Sequence[str]):
    """The rules that the given files define (and only those), through the normal plugin path."""
    from ..config import Settings
    from ..engine import plugins

    for path in paths:
        if not Path(path).is_file():
            raise UsageError(path, "rule file not found")
    settings = Settings(rules=tuple(str(Path(p).resolve()) for p in paths), root="/")
    _, registry = plugins.build(settings, entry_points=False, shipped=False)
    origins = {str(Path(p).resolve()) for p in paths}
    own = {code: r for code, r in registry.rules.items() if r.origin in origins}
    return registry, own


def _linter(registry, codes: Sequence[str]):
    from ..config import Settings
    from ..engine.context import current
    from ..engine.linter import Flags, Linter

    return Linter(Settings(), registry, Flags(select=tuple(codes)), current())


def test(paths: Sequence[str]) -> int:
    from ..text.source import Source

    registry, own = _registry(paths)
    if not own:
        raise UsageError(", ".join(paths), "defines no rules")
    failures = checked = 0
    for code, rule in sorted(own.items()):
        linter = _linter(registry, [code])
        bad, good = rule.examples()
        if not bad and not good:
            print(f"{code} {rule.name}: no examples (add [rule.examples] bad and good)")
            failures += 1
            continue
        for text in bad:
            checked += 1
            if not any(f.code == code for f in linter.lint(Source("example.md", text)).findings):
                failures += 1
                print(f"{code} {rule.name}: missed bad example: {text!r}")
        for text in good:
            checked += 1
            found = [f for f in linter.lint(Source("example.md", text)).findings if f.code == code]
            if found:
                failures += 1
                print(f"{code} {rule.name}: flagged good example at column {found[0].column}: {text!r}")
    print(f"{checked - failures} passed, {failures} failed")
    return ExitCode.FINDINGS if failures else ExitCode.CLEAN


def try_rules(rulefile: str, folder: str, sample: int, scheduler: str | None = None) -> int:
    from ..engine.files import expand
    from ..engine.runner import lint_paths
    from ..output.report import FileOutput

    if scheduler:
        from ..dask import require

        require("--scheduler")
    registry, own = _registry([rulefile])
    if not Path(folder).is_dir():
        raise UsageError(folder, "not a folder")
    linter = _linter(registry, sorted(own))
    files = list(expand([folder], (".md", ".markdown", ".txt"), ()))
    findings, problems = [], []
    results = (
        lint_paths(linter, FileOutput(), files, 1) if not scheduler else _on_cluster(scheduler, linter, rulefile, files)
    )
    for result in results:
        findings.extend(result.findings)
        problems.extend(result.problems)
    by_code = Counter(f.code for f in findings)
    touched = len({f.path for f in findings})
    print(f"{len(files)} articles, {len(findings)} findings in {touched} of them")
    for code in sorted(own):
        print(f"  {code} {own[code].name}: {by_code.get(code, 0)}")
    if findings:
        step = max(1, len(findings) // max(1, sample))
        print("sample:")
        for f in findings[::step][:sample]:
            print(f"  {f.path}:{f.line}:{f.column}: {f.code} {f.message}")
    for problem in problems:
        print(f"stylelint-news: {problem}", file=sys.stderr)
    return ExitCode.ERROR if problems else ExitCode.CLEAN


def _on_cluster(scheduler: str, linter: Linter, rulefile: str, files: list[str]) -> Iterator[Result]:
    """The files' results from a Dask cluster whose workers load the rule file as this run did."""
    from ..config import Settings
    from ..dask.client import lint_on_cluster
    from ..dask.worker import Recipe
    from ..engine.runner import default_jobs

    rules = Settings(rules=(str(Path(rulefile).resolve()),), root="/")
    recipe = Recipe.of(linter, rule_settings=rules, entry_points=False, shipped=False)
    return lint_on_cluster(scheduler, recipe, files, default_jobs())


def main(argv: Sequence[str]) -> int:
    args = _parser().parse_args(list(argv))
    try:
        if args.command == "test":
            return test(args.paths)
        return try_rules(args.rulefile, args.folder, args.sample, args.scheduler)
    except UsageError as err:
        print(f"stylelint-news: {err}", file=sys.stderr)
        return ExitCode.ERROR
