"""`lint_bag`: findings for a Dask bag of articles, for those who already hold their archive in
Dask (read from JSON Lines with `dask.bag.read_text`, or a dataframe's columns with `to_bag`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import dask.bag as db

from .. import config as configuration
from ..engine import plugins
from ..engine.context import RunContext
from ..engine.linter import Flags, Linter
from .worker import Recipe, lint_texts

#: The name a text without one is reported under (plain text, as `lint_text` names it).
UNNAMED = "<text>"


def lint_bag(
    bag: db.Bag,
    config: str | Path | None = None,
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    dialect: str | None = None,
) -> db.Bag:
    """A bag of findings (dictionaries, as `--format json` writes them) for a bag of articles;
    a text a rule could not check (the rule crashed on it) gives `{"path": name, "problem": why}`
    as well, never a silent gap.

    Each item is a text, a `(name, text)` pair, or a mapping with `text` (named by its `path` or
    `id`). The name is what findings report and what decides the reading: a name ending in `.md`
    is read as Markdown, anything else as plain text (the first line is the headline).

    `config` names a configuration file (its rule files and words file must be where the workers
    can read them); without it the defaults apply. The configuration and the rules are checked
    here, at once, so a mistake is raised before any worker starts; each worker then builds the
    linter once and lints its partitions.
    """
    settings = configuration.load(str(config), []) if config is not None else configuration.Settings()
    settings = configuration.override(settings, dialect=dialect)
    flags = Flags(select=tuple(select) if select is not None else None, ignore=tuple(ignore))
    run = RunContext.uncached()
    with run.active():
        _, registry = plugins.build(settings)
    Linter(settings, registry, flags, run)  # unknown codes or options raise here, not on a worker
    recipe = Recipe(
        settings, flags, rules=tuple(sorted((c, r.origin) for c, r in registry.rules.items())), cwd=str(Path.cwd())
    ).keyed()
    return bag.map_partitions(_lint_partition, recipe)


def _lint_partition(items: Iterable[Any], recipe: Recipe) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for result in lint_texts(recipe, [_named(item) for item in items]):
        out.extend(f.as_dict() for f in result.findings)
        out.extend({"path": result.path, "problem": problem} for problem in result.problems)
    return out


def _named(item: Any) -> tuple[str, str]:
    """(name, text) of one item of the bag, or a TypeError that says what an item may be."""
    if isinstance(item, str):
        return UNNAMED, item
    if isinstance(item, Mapping) and isinstance(item.get("text"), str):
        return str(item.get("path", item.get("id", UNNAMED))), item["text"]
    if isinstance(item, Sequence) and len(item) == 2 and isinstance(item[1], str):
        return str(item[0]), item[1]
    raise TypeError(
        f"lint_bag: an item must be a text, a (name, text) pair or a mapping with 'text'; got {type(item).__name__}"
    )
