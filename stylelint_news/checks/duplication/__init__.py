"""Duplication (D): what a feed, a CMS or a copy-paste left behind.

A repeated headline, a repeated lead, a repeated paragraph or long sentence; scrape leftovers
("Read more", captions, a related article's headline stranded in the body) are D004, a rule of
the `leftover` pack type (packs/leftover.py) shipped in rules/scrape-leftovers.toml, so a
newsroom can add its own CMS's phrases.
"""

from __future__ import annotations

from ...hookspecs import hookimpl
from ...rule import Rule
from .repeated_headline import RepeatedHeadline
from .repeated_lead import RepeatedLead
from .repeated_paragraph import RepeatedParagraph


@hookimpl
def stylelint_news_rules() -> list[Rule]:
    return [RepeatedHeadline(), RepeatedLead(), RepeatedParagraph()]
