"""`stylelint-news rules test PATH...` and `stylelint-news rules try RULEFILE PATH...`.

A desk writes a rule, runs its own examples (`test`), then sees what it would flag across an
archive (`try`) before the rule ships: the noise shows up as counts, the texts matched most
often and a sample, not as a surprise in the next hundred commits. A ban on "slams" that mostly
catches "blasts" in "bomb blasts" shows as "blasts" at the top of its list.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ExitCode, UsageError
from ..finding import Finding
from ..rule import Rule

#: How much of an example or a matched text a line shows.
CLIP = 60

if TYPE_CHECKING:
    from ..engine.linter import Linter, Result


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="stylelint-news rules", description="Test rule packs and Python rule files.")
    sub = p.add_subparsers(dest="command", required=True)
    t = sub.add_parser("test", help="run every rule's own examples: bad ones must be flagged, good ones not")
    t.add_argument("paths", nargs="+", help="rule files (.toml packs or .py plugin modules)")
    t.add_argument("--show-traceback", action="store_true", help="print the traceback of a rule that crashes")
    tr = sub.add_parser("try", help="show what a rule file would flag across articles")
    tr.add_argument("rulefile", help="a rule file (.toml or .py)")
    tr.add_argument("paths", nargs="+", metavar="PATH", help="articles, or folders of them")
    tr.add_argument("--sample", type=int, default=10, help="how many findings to show (default: 10)")
    tr.add_argument("--top", type=int, default=5, help="how many of each rule's matched texts to show (default: 5)")
    tr.add_argument("--format", choices=["text", "json"], default="text", help="text (default) or json")
    tr.add_argument("--show-traceback", action="store_true", help="print the traceback of a rule that crashes")
    tr.add_argument("--scheduler", metavar="ADDRESS", help="lint on a Dask cluster (see stylelint-news --help)")
    return p


def _registry(paths: Sequence[str]) -> tuple[Any, dict[str, Rule]]:
    """The rules that the given files define (and only those), through the normal plugin path."""
    from ..config import Settings
    from ..engine import plugins

    for path in paths:
        if not Path(path).is_file():
            raise UsageError(path, "rule file not found")
    files = tuple(str(Path(p).resolve()) for p in paths)
    _, registry = plugins.build(Settings(rules=files, root="/"), entry_points=False, shipped=False)
    # a pack's rules name their file, and the pack after it: "desk.toml (pack desk 1.0)"
    own = {code: r for code, r in registry.rules.items() if r.origin.split(" (")[0] in files}
    if not own:
        raise UsageError(", ".join(paths), "defines no rules")
    return registry, own


def _linter(registry: Any, codes: Sequence[str], time_rules: bool = False, show_traceback: bool = False) -> Any:
    from ..config import Settings
    from ..engine.context import current
    from ..engine.linter import Flags, Linter

    flags = Flags(select=tuple(codes), time_rules=time_rules, show_traceback=show_traceback)
    return Linter(Settings(), registry, flags, current())


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= CLIP else text[: CLIP - 1] + "…"


def test(paths: Sequence[str], show_traceback: bool = False) -> int:
    from ..text.source import Source

    registry, own = _registry(paths)
    passed = failed = untested = 0
    for code, rule in sorted(own.items()):
        bad, good = rule.examples()
        if not bad and not good:
            untested += 1
            print(f"{code} {rule.name}: untested (no examples: add [rule.examples] bad and good)")
            continue
        print(f"{code} {rule.name}")
        linter = _linter(registry, [code], show_traceback=show_traceback)
        for kind, texts in (("bad", bad), ("good", good)):
            for text in texts:
                result = linter.lint(Source("example.md", text))
                found = [f for f in result.findings if f.code == code]
                ok = not result.problems and bool(found) == (kind == "bad")
                passed, failed = passed + ok, failed + (not ok)
                verdict = "flagged" if found else "not flagged"
                print(f"  {'ok  ' if ok else 'FAIL'}  {kind:<4}  {verdict}: {_clip(text)!r}")
                for f in found:
                    print(f"              {f.line}:{f.column}: {f.message}")
                for problem in result.problems:
                    print(f"              {problem.replace('example.md: ', '', 1)}")
                if not ok and kind == "bad" and not found and not result.problems:
                    hint = _hint(rule, text)
                    if hint:
                        print(f"              ({hint})")
    print(f"{passed} passed, {failed} failed" + (f", {untested} untested" if untested else ""))
    return ExitCode.FINDINGS if failed else ExitCode.CLEAN


def _hint(rule: Rule, text: str) -> str:
    """Why a bad example may have been missed, when the cause is the example, not the rule."""
    scope = set(getattr(rule, "scope", ()))
    if (
        scope
        and scope <= {"headline", "standfirst", "byline", "caption"}
        and not text.lstrip().startswith(("#", "---"))
    ):
        return "examples are Markdown bodies: a headline example starts with '# ', front matter with '---'"
    return ""


def try_rules(
    rulefile: str,
    paths: Sequence[str],
    sample: int,
    top: int,
    fmt: str,
    show_traceback: bool = False,
    scheduler: str | None = None,
) -> int:
    from ..engine.files import expand
    from ..text.source import read_source

    if scheduler:
        from ..dask import require

        require("--scheduler")
    registry, own = _registry([rulefile])
    for path in paths:
        if not Path(path).exists():
            raise UsageError(path, "no such file or folder")
    linter = _linter(registry, sorted(own), time_rules=True, show_traceback=show_traceback)
    files = list(expand(list(paths), (".md", ".markdown", ".txt"), ()))
    findings: list[Finding] = []
    problems: list[str] = []
    matched: dict[str, Counter[str]] = defaultdict(Counter)
    seconds: Counter[str] = Counter()
    # a file's results from the cluster (a piece of a huge file, or a record, each), by path: the
    # cluster gives each path once, sorted, where `files` keeps the order the paths were named in
    remote: dict[str, list[Result]] = defaultdict(list)
    for part in _on_cluster(scheduler, linter, rulefile, files) if scheduler else ():
        remote[part.path].append(part)
    for path in files:
        try:
            source = read_source(path)
        except UsageError as err:
            problems.append(str(err))
            continue
        results = remote.pop(path, []) if scheduler else [linter.lint(source)]
        for result in results:
            findings.extend(result.findings)
            problems.extend(result.problems)
            seconds.update(result.timings)
        for f in (f for result in results for f in result.findings):
            matched[f.code][_clip(source.text[f.start : f.end]) or "(at a point)"] += 1
    step = max(1, len(findings) // max(1, sample))
    shown = findings[::step][:sample] if sample > 0 else []
    rules: list[dict[str, Any]] = [
        {
            "code": code,
            "name": own[code].name,
            "findings": sum(matched[code].values()),
            "articles": len({f.path for f in findings if f.code == code}),
            "seconds": round(seconds[code], 4),
            "top": [{"text": t, "count": n} for t, n in matched[code].most_common(top)],
        }
        for code in sorted(own)
    ]
    if fmt == "json":
        import json

        report = {
            "articles": len(files),
            "findings": len(findings),
            "touched": len({f.path for f in findings}),
            "rules": rules,
            "sample": [f.as_dict() for f in shown],
            "problems": problems,
        }
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(f"{len(files)} articles, {len(findings)} findings in {len({f.path for f in findings})} of them")
        for r in rules:
            print(f"  {r['code']} {r['name']}: {r['findings']} in {r['articles']} articles, {r['seconds']:.3f} s")
            for t in r["top"]:
                print(f"      {t['count']:>5}  {t['text']}")
        if shown:
            print("sample:")
            for f in shown:
                print(f"  {f.path}:{f.line}:{f.column}: {f.code} {f.message}")
    from . import error

    for problem in problems:
        error(problem)
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
            return test(args.paths, args.show_traceback)
        return try_rules(
            args.rulefile, args.paths, args.sample, args.top, args.format, args.show_traceback, args.scheduler
        )
    except UsageError as err:
        from . import error

        for line in err.lines():
            error(line)
        return ExitCode.ERROR
