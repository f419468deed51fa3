"""The `occurrence` rule type: a count or a length within each part of the article.

A headline over 70 characters, a sentence over 40 words, a paragraph over 60, more than one
exclamation mark in a story: each is a number measured on a unit of the rule's scope (one
headline, each sentence, each paragraph, the whole body) and held to `max` or `min`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..engine.context import Context
from ..engine.patterns import Lazy
from ..finding import Finding
from ..text.document import Document
from .rule import PackError, PackRule, compile_pattern, not_empty_anywhere, render, strings, words_pattern
from .scopes import Unit, units, word_starts

MEASURES = ("matches", "characters", "words")

#: A run of characters between spaces: a length counts each run and one space between two.
NON_SPACE = Lazy(r"\S+")


class Occurrence(PackRule):
    """How many matches, characters or words each unit of the scope holds, against `max`/`min`."""

    type_name = "occurrence"
    type_keys = frozenset({"measure", "max", "min", "tokens", "patterns"})
    fix_safety = "No fix: what to cut or add is the writer's choice."

    def __init__(self, table: Mapping[str, Any], where: str) -> None:
        super().__init__(table, where)
        tokens, patterns = strings(table, "tokens"), strings(table, "patterns")
        self.measure = table.get("measure", "matches" if tokens or patterns else None)
        if self.measure not in MEASURES:
            raise PackError(
                f"`measure` must be one of {', '.join(MEASURES)} (matches of `tokens` or `patterns` by default)"
            )
        if self.measure == "matches" and not tokens and not patterns:
            raise PackError("an occurrence rule that counts matches needs `tokens` or `patterns`")
        if self.measure != "matches":
            wrong = [k for k in ("tokens", "patterns", "exceptions", "quotes") if k in table]
            if wrong:
                raise PackError(
                    f"{', '.join(f'`{k}`' for k in wrong)} apply to matches, not to a count of {self.measure}: "
                    "remove them, or count matches"
                )
        self.max = _count(table, "max")
        self.min = _count(table, "min")
        if self.max is None and self.min is None:
            raise PackError("an occurrence rule needs `max`, `min` or both")
        if self.max is not None and self.min is not None and self.min > self.max:
            raise PackError(f"`min` ({self.min}) is more than `max` ({self.max})")
        self.patterns = ([words_pattern(tokens, self.ignore_case)] if tokens else []) + [
            not_empty_anywhere(compile_pattern(p, self.ignore_case)) for p in patterns
        ]
        render(self.message, count="1", max="1", min="1", measure="x", scope="x")

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        for kind in self.scope:
            for unit in units(doc, kind):
                count, over = self._measure(doc, unit)
                if self.max is not None and count > self.max:
                    yield self._finding(doc, unit, count, over, unit.end)
                elif self.min is not None and count < self.min:
                    yield self._finding(doc, unit, count, unit.start, unit.end)

    def _finding(self, doc: Document, unit: Unit, count: int, start: int, end: int) -> Finding:
        message = render(
            self.message,
            count=str(count),
            max=str(self.max),
            min=str(self.min),
            measure=self.measure,
            scope=unit.kind,
        )
        return self.report(doc, start, end, message)

    def _measure(self, doc: Document, unit: Unit) -> tuple[int, int]:
        """The unit's count, and where it passes `max` (the first match, word or character too
        many), so the finding points at what is over."""
        limit = self.max if self.max is not None else -1
        if self.measure == "words":
            starts = word_starts(doc, unit)
            return len(starts), (starts[limit] if 0 <= limit < len(starts) else unit.start)
        if self.measure == "characters":
            count, over = 0, unit.start
            for segment in unit.segments:
                for m in NON_SPACE.finditer(segment.source, segment.start, segment.end):
                    before = count + (1 if count else 0)  # one space between two runs
                    count = before + len(m.group())
                    if before - 1 <= limit < count:  # in this run, or the space before it
                        over = m.start() + max(0, limit - before)
            return count, over
        starts = sorted({m.start() for p in self.patterns for m in self.search_in(doc, p, unit.segments, dedupe=True)})
        return len(starts), (starts[limit] if 0 <= limit < len(starts) else unit.start)


def _count(table: Mapping[str, Any], key: str) -> int | None:
    value = table.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise PackError(f"`{key}` must be a whole number, 0 or more, not {value!r}")
    return value
