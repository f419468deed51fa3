"""The extension points of stylelint-news: the written contract between it and its plugins.

Every rule, built-in or not, arrives through these hooks. Implement them in a module marked with
`stylelint_news.hookimpl` and register it through the `stylelint_news` entry-point group, or
name the file under `rules` in the configuration.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from .output.report import Report
    from .rule import Rule

PROJECT = "stylelint_news"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)

#: A formatter turns the run's report (its findings in order, the rules that made them and, with
#: `--show-source`, each finding's line: see `stylelint_news.output.report.Report`) into the text
#: written to the output.
Formatter = Callable[["Report"], str]
#: A rule type builds a Rule from one TOML table of a rule pack; it raises ValueError with a reason.
RuleType = Callable[[Mapping[str, Any], str], "Rule"]


@hookspec
def stylelint_news_rules() -> list[Rule]:
    """Return the rules this plugin adds (instances of `stylelint_news.Rule`)."""


@hookspec
def stylelint_news_formats() -> dict[str, Formatter]:
    """Return extra output formats, by the name `--format` takes."""


@hookspec
def stylelint_news_rule_types() -> dict[str, RuleType]:
    """Return extra kinds of TOML rule, by the `type` a pack's rule names."""


@hookspec
def stylelint_news_packs() -> Sequence[str | os.PathLike[str]]:
    """Return the paths of the TOML rule packs this plugin ships (files inside the installed
    package, say `Path(__file__).parent / "house.toml"`): a newsroom installs its house style
    with pip and pins its version. They load like the configuration's packs, their rules on by
    default unless a rule says `default = false`, and `--list-rules` names the plugin."""
