"""Reading TOML rule packs: a newsroom's rules as data, never executed.

A pack is a TOML file of `[[rule]]` tables and an optional `[pack]` table (name, version,
description). Each rule names a `type`; the type (built in, or added by a plugin through
`stylelint_news_rule_types`) validates the table and builds the Rule. Every problem in a pack is
found before any is reported, so a desk fixes its pack in one pass, not one error per run.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from ..engine.patterns import Lazy
from ..errors import UsageError
from ..rule import Rule
from .rule import SHIPPED_LOADING, PackError

#: Packs shipped with the tool, loaded on every run (their S rules are off by default).
SHIPPED = ("scrape-leftovers.toml", "house-style.toml", "spelling-consistency.toml")

#: The families that are the tool's own: T typos, D duplication, C capitalisation, A attribution,
#: S house style (and the vocabulary), X the engine. A newsroom's rules take other letters, so
#: `--select T` never turns on a desk's rule by accident and a later release cannot collide.
RESERVED = "TDCASX"

PACK_KEYS = ("name", "version", "description")
NAME = Lazy(r"^[a-z0-9][a-z0-9._-]*$")

RuleTypes = Mapping[str, Callable[[Mapping[str, Any], str], Rule]]


@dataclass(frozen=True)
class PackInfo:
    """A pack's `[pack]` table: what `--list-rules` and `--explain` say a rule came from."""

    name: str = ""
    version: str = ""
    description: str = ""

    def label(self) -> str:
        return f"pack {self.name}" + (f" {self.version}" if self.version else "") if self.name else ""


class PackProblems(UsageError):
    """Every problem of one pack, a line each under the file's name."""

    def __init__(self, where: str, problems: list[str]) -> None:
        what = problems[0] if len(problems) == 1 else f"{len(problems)} problems:\n  " + "\n  ".join(problems)
        super().__init__(where, what)
        self.problems = problems

    def lines(self) -> list[str]:
        """One line each problem, naming the file: standard error takes one line a message."""
        return [f"{self.where}: {problem}" for problem in self.problems]


def parse_pack(text: str, where: str) -> dict[str, Any]:
    """A pack's TOML as data (the parser imported only by a run that reads a pack's text)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise UsageError(where, f"invalid TOML: {err}") from None
    except RecursionError:  # the parser recurses once per level of nesting
        raise UsageError(where, "invalid TOML: values nest too deeply") from None


def read_pack(text: str, where: str, rule_types: RuleTypes, shipped: bool = False) -> list[Rule]:
    """Rules from a pack's text; every problem is reported at once, naming the file and the rule."""
    return rules_from(parse_pack(text, where), where, rule_types, shipped)


def rules_from(data: dict[str, Any], where: str, rule_types: RuleTypes, shipped: bool = False) -> list[Rule]:
    """Rules from a pack's parsed TOML (raises PackProblems listing every problem)."""
    rules, problems = load_rules(data, where, rule_types, shipped)
    if problems:
        raise PackProblems(where, problems)
    return rules


def load_rules(
    data: dict[str, Any], where: str, rule_types: RuleTypes, shipped: bool = False
) -> tuple[list[Rule], list[str]]:
    """The rules that load, and a line for each problem: `--list-rules` and `--explain` show the
    good rules of a broken pack, and a lint run refuses the pack."""
    token = SHIPPED_LOADING.set(shipped)
    try:
        return _rules_from(data, where, rule_types, shipped)
    finally:
        SHIPPED_LOADING.reset(token)


def pack_info(data: Mapping[str, Any]) -> tuple[PackInfo, list[str]]:
    """The `[pack]` table, validated as strictly as a rule's."""
    table = data.get("pack", {})
    if not isinstance(table, dict):
        return PackInfo(), ["`pack` must be a table: write [pack]"]
    problems = []
    unknown = set(table) - set(PACK_KEYS)
    if unknown:
        problems.append(f"[pack]: unknown key(s) {', '.join(sorted(unknown))} (valid: {', '.join(PACK_KEYS)})")
    for key in PACK_KEYS:
        if key in table and not (isinstance(table[key], str) and table[key].strip()):
            problems.append(f"[pack]: `{key}` must be a non-empty string")
    name = table.get("name", "")
    if isinstance(name, str) and name and not NAME.match(name):
        problems.append(f"[pack]: name {name!r} is not like `house-style` (lower case, digits, . _ -)")
    if problems:
        return PackInfo(), problems
    return PackInfo(table.get("name", ""), table.get("version", ""), table.get("description", "")), []


def _rules_from(data: dict[str, Any], where: str, rule_types: RuleTypes, shipped: bool) -> tuple[list[Rule], list[str]]:
    problems = []
    unknown = set(data) - {"rule", "pack"}
    if unknown:
        problems.append(
            f"unknown top-level key(s) {', '.join(sorted(unknown))} (a pack has [pack] and [[rule]] tables)"
        )
    _, pack_problems = pack_info(data)
    problems += pack_problems
    tables = data.get("rule", [])
    if not isinstance(tables, list):
        return [], [*problems, "`rule` must be an array of tables: write [[rule]]"]
    rules: list[Rule] = []
    seen: dict[str, int] = {}
    for n, table in enumerate(tables, 1):
        if not isinstance(table, dict):
            problems.append(f"rule {n}: must be a table: write [[rule]]")
            continue
        code = table.get("code")
        label = f"rule {n}" + (f" ({code})" if isinstance(code, str) else "")
        kind = table.get("type")
        if not isinstance(kind, str) or kind not in rule_types:
            known = ", ".join(sorted(rule_types))
            problems.append(
                f"{label}: missing `type` (one of {known})"
                if kind is None
                else f"{label}: unknown type {kind!r} (known types: {known})"
            )
            continue
        reserved = isinstance(code, str) and code[:1] in RESERVED and not shipped
        if reserved and isinstance(code, str):
            problems.append(
                f"{label}: code {code} starts with {code[:1]}, one of the tool's own families "
                f"({', '.join(RESERVED)}); give the desk's rules a letter of their own (N101, say)"
            )
        try:
            rule = rule_types[kind](table, where)
        except (PackError, ValueError, TypeError) as err:
            problems.append(f"{label}: {err}")
            continue
        if rule.code in seen:
            problems.append(f"{label}: code {rule.code} is used twice in this pack (also rule {seen[rule.code]})")
            continue
        seen[rule.code] = n
        if not reserved:
            rules.append(rule)
    return rules, problems


def read_file(path: Path) -> dict[str, Any]:
    """A pack file's parsed TOML; a file that cannot be read is a UsageError naming it."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise UsageError(str(path), f"cannot read the rule pack: {getattr(err, 'strerror', None) or err}") from None
    return parse_pack(text, str(path))


def load_pack(path: Path, rule_types: RuleTypes) -> list[Rule]:
    return rules_from(read_file(path), str(path), rule_types)


def shipped_folder() -> Path:
    """Where the shipped packs are: the package `stylelint_news.rules` once installed (wheel or
    editable), or the checkout's own rules/ folder when the source tree is run uninstalled."""
    spec = importlib.util.find_spec("stylelint_news.rules")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    checkout = Path(__file__).resolve().parent.parent.parent / "rules"
    if (checkout / SHIPPED[0]).is_file():
        return checkout
    raise UsageError("stylelint_news.rules", "the shipped rule packs are not installed (reinstall stylelint-news)")


def shipped_packs() -> Iterator[tuple[str, dict[str, Any]]]:
    """(name, parsed TOML) of each pack that ships with the tool. The parse is kept in the data
    cache (keyed by the file), so a run neither parses the packs again nor imports a TOML parser."""
    from ..engine.context import built

    folder = shipped_folder()
    for name in SHIPPED:
        path, where = folder / name, f"rules/{name}"
        yield where, built(f"pack-{path.stem}", path, partial(_parse_file, path, where))


def _parse_file(path: Path, where: str) -> dict[str, Any]:
    return parse_pack(path.read_text(encoding="utf-8"), where)
