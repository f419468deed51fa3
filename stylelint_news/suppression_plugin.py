"""Registers the engine's own rule (X001) through the same hook as every other rule."""

from __future__ import annotations

from .hookspecs import hookimpl
from .suppression import UnusedSuppression


@hookimpl
def stylelint_news_rules():
    return [UnusedSuppression()]
