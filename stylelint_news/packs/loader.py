"""Reading TOML rule packs: a newsroom's rules as data, never executed.

A pack is a TOML file of `[[rule]]` tables. Each names a `type`; the type (built in, or added by a
plugin through `stylelint_news_rule_types`) validates the table and builds the Rule.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable, Iterator, Mapping
from functools import partial
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..rule import Rule
from .rule import SHIPPED_LOADING, PackError

#: Packs shipped with the tool, loaded on every run (their S rules are off by default).
SHIPPED = ("scrape-leftovers.toml", "house-style.toml", "spelling-consistency.toml")


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


def read_pack(
    text: str, where: str, rule_types: Mapping[str, Callable[[Mapping[str, Any], str], Rule]], shipped: bool = False
) -> list[Rule]:
    """Rules from a pack's text; every problem is a UsageError naming the file and the rule."""
    return rules_from(parse_pack(text, where), where, rule_types, shipped)


def rules_from(
    data: dict[str, Any],
    where: str,
    rule_types: Mapping[str, Callable[[Mapping[str, Any], str], Rule]],
    shipped: bool = False,
) -> list[Rule]:
    """Rules from a pack's parsed TOML."""
    token = SHIPPED_LOADING.set(shipped)
    try:
        return _rules_from(data, where, rule_types)
    finally:
        SHIPPED_LOADING.reset(token)


def _rules_from(
    data: dict[str, Any], where: str, rule_types: Mapping[str, Callable[[Mapping[str, Any], str], Rule]]
) -> list[Rule]:
    unknown = set(data) - {"rule", "pack"}
    if unknown:
        raise UsageError(
            where, f"unknown top-level key(s) {', '.join(sorted(unknown))} (a pack has [pack] and [[rule]] tables)"
        )
    tables = data.get("rule", [])
    if not isinstance(tables, list):
        raise UsageError(where, "`rule` must be an array of tables: write [[rule]]")
    rules: list[Rule] = []
    seen: dict[str, int] = {}
    for n, table in enumerate(tables, 1):
        label = f"rule {n}" + (f" ({table.get('code')})" if isinstance(table.get("code"), str) else "")
        kind = table.get("type")
        if kind not in rule_types:
            raise UsageError(where, f"{label}: unknown type {kind!r} (known types: {', '.join(sorted(rule_types))})")
        try:
            rule = rule_types[kind](table, where)
        except (PackError, ValueError, TypeError) as err:
            raise UsageError(where, f"{label}: {err}") from None
        if rule.code in seen:
            raise UsageError(
                where, f"{label}: code {rule.code} is used twice in this pack (also rule {seen[rule.code]})"
            )
        seen[rule.code] = n
        rules.append(rule)
    return rules


def load_pack(path: Path, rule_types: Mapping[str, Callable[[Mapping[str, Any], str], Rule]]) -> list[Rule]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise UsageError(str(path), f"cannot read the rule pack: {getattr(err, 'strerror', None) or err}") from None
    return read_pack(text, str(path), rule_types)


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
