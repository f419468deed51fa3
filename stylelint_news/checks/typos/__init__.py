"""Typos (T): misspellings, real words in the wrong place, a word written twice, a name spelt two ways."""

from __future__ import annotations

from ...hookspecs import hookimpl
from ...rule import Rule
from .confused_word import ConfusedWord
from .misspelling import Misspelling
from .name_spelling import NameSpelling
from .repeated_word import RepeatedWord


@hookimpl
def stylelint_news_rules() -> list[Rule]:
    return [Misspelling(), ConfusedWord(), RepeatedWord(), NameSpelling()]
