"""Attribution rules."""
from __future__ import annotations

from ..hookspecs import hookimpl


@hookimpl
def stylelint_news_rules():
    return []
