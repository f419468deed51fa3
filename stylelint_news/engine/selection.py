"""Which rules run: `select`, `ignore` and their `extend-` forms, by code, prefix or name.

When a rule matches both a selector and an ignore, the more specific one wins (as in ruff): with
`select = ["T"]` and `ignore = ["T002"]` T002 is off; with `ignore = ["T"]` and
`extend-select = ["T003"]` T003 is on. A name counts as the most specific selector of all.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import PurePath

from ..errors import UsageError
from ..rule import Rule

NAME_SPECIFICITY = 100


def specificity(selector: str, rule: Rule) -> int:
    """How closely a selector names a rule: 0 when it does not name it at all."""
    if selector == rule.name:
        return NAME_SPECIFICITY
    if selector == "ALL":
        return 1
    if rule.code.startswith(selector):
        return len(selector) + 1
    return 0


def best(selectors: Iterable[str], rule: Rule) -> int:
    return max((specificity(s, rule) for s in selectors), default=0)


def check_selectors(selectors: Iterable[str], rules: Mapping[str, Rule], where: str) -> None:
    """Refuse a selector that names no rule: a typo in `--ignore` would otherwise do nothing."""
    for s in selectors:
        if not any(specificity(s, r) for r in rules.values()):
            raise UsageError(where, f"`{s}` matches no rule code, prefix or name (see --list-rules)")


@dataclass(frozen=True)
class Layer:
    """One source of selection (the configuration file, then the command line)."""

    select: Sequence[str] | None = None
    ignore: Sequence[str] = ()
    extend_select: Sequence[str] = ()
    extend_ignore: Sequence[str] = ()


def enabled(rules: Mapping[str, Rule], layers: Sequence[Layer]) -> list[Rule]:
    """The rules that run, in code order.

    Layers apply in order, each over the one before: a layer's `select` replaces the set so far,
    and within a layer the more specific of its selectors and ignores decides, ties going to
    ignore. So `ignore = ["T003"]` in the file loses to `--extend-select T003` on the command line.
    """
    chosen = []
    for code in sorted(rules):
        rule = rules[code]
        state = rule.default
        for layer in layers:
            on = max(best(layer.select or (), rule), best(layer.extend_select, rule))
            off = best((*layer.ignore, *layer.extend_ignore), rule)
            if layer.select is not None or on or off:
                state = on > off
        if state:
            chosen.append(rule)
    return chosen


def per_file_ignores(path: str, table: Sequence[tuple[str, Sequence[str]]], root: str) -> list[str]:
    """Selectors ignored for one file: globs match the path relative to the config's folder,
    or the file name when the glob has no slash."""
    if not table:
        return []
    p = PurePath(path)
    rel = PurePath(os.path.relpath(os.path.abspath(path), os.path.abspath(root))).as_posix()
    out: list[str] = []
    for glob, selectors in table:
        if fnmatch(rel, glob) or fnmatch(p.as_posix(), glob) or ("/" not in glob and fnmatch(p.name, glob)):
            out.extend(selectors)
    return out
