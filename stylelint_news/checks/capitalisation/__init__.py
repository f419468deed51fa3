"""Capitalisation (C): a stray capital mid-sentence, and one term capitalised two ways.

A capital is flagged only with evidence that it is wrong: a function word (never capitalised
mid-sentence, see data/closed_class.txt) that does not begin a name or title, or a word the
article itself writes in lowercase elsewhere.
"""

from __future__ import annotations

from ...hookspecs import hookimpl
from ...rule import Rule
from .inconsistent_capitalisation import InconsistentCapitalisation
from .stray_capital import StrayCapital


@hookimpl
def stylelint_news_rules() -> list[Rule]:
    return [StrayCapital(), InconsistentCapitalisation()]
