"""Attribution (A): claims with no source an editor would accept, quotations no one said, and
people named by surname before they are introduced."""

from __future__ import annotations

from ...hookspecs import hookimpl
from ...rule import Rule
from .quote_without_speaker import QuoteWithoutSpeaker
from .surname_first_reference import SurnameFirstReference
from .vague_source import VagueSource


@hookimpl
def stylelint_news_rules() -> list[Rule]:
    return [VagueSource(), QuoteWithoutSpeaker(), SurnameFirstReference()]
