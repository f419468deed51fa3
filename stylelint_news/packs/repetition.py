"""The `repetition` rule type: the same word twice running, or sentences that open alike.

`of = "words"`: a word written again straight after itself, within one part and with nothing but
space between ("very very", not "very, very"); with `tokens` or `patterns`, only those words
count. `of = "openers"`: consecutive sentences of a unit of the scope that open with the same
word ("He said ... He added ... He left"), `times` of them running (2 by default). Words are
compared without regard to case.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..engine.context import Context
from ..finding import Finding
from ..text.document import Document, Word
from ..text.words import tokenize
from .rule import PackError, PackRule, compile_pattern, render, strings, words_pattern
from .scopes import OUTSIDE_BODY, Unit, sentences_of, units

OF = ("words", "openers")


class Repetition(PackRule):
    """The same word, or the same sentence opener, `times` times running."""

    type_name = "repetition"
    type_keys = frozenset({"of", "times", "tokens", "patterns"})
    fix_safety = "No fix: which of the repeated words or sentences to change is the writer's choice."

    def __init__(self, table: Mapping[str, Any], where: str) -> None:
        super().__init__(table, where)
        self.of = table.get("of", "words")
        if self.of not in OF:
            raise PackError(f"`of` must be one of {', '.join(OF)}, not {self.of!r}")
        if self.of == "openers" and set(self.scope) == {"sentence"}:
            raise PackError('openers repeat across sentences: `scope = ["sentence"]` holds one sentence at a time')
        times = table.get("times", 2)
        if isinstance(times, bool) or not isinstance(times, int) or times < 2:
            raise PackError(f"`times` must be a whole number, 2 or more, not {times!r}")
        self.times = times
        tokens, patterns = strings(table, "tokens"), strings(table, "patterns")
        self.only = ([words_pattern(tokens, True)] if tokens else []) + [compile_pattern(p, True) for p in patterns]
        render(self.message, match="x", count="2")

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        seen: set[int] = set()
        for kind in self.scope:
            for unit in units(doc, kind):
                runs = self._openers(doc, unit) if self.of == "openers" else self._words(doc, unit)
                for words, source in runs:
                    for finding in self._run(doc, words, source):
                        if finding.start not in seen:
                            seen.add(finding.start)
                            yield finding

    def _words(self, doc: Document, unit: Unit) -> Iterator[tuple[list[Word], str]]:
        """The unit's words, a segment at a time (a word never repeats across two blocks), and
        the text they are in."""
        for segment in unit.segments:
            if unit.kind in OUTSIDE_BODY:
                words = tokenize(segment.source, segment.start, segment.end)
            else:
                words = doc.words_in(segment.start, segment.end)
            yield list(words), segment.source

    def _openers(self, doc: Document, unit: Unit) -> Iterator[tuple[list[Word], str]]:
        """The first word of each of the unit's sentences, and the text they are in."""
        source = unit.segments[0].source
        openers = []
        for sentence in sentences_of(doc, unit):
            words = tokenize(source, sentence.start, sentence.end)
            if words:
                openers.append(words[0])
        yield openers, source

    def _watched(self, doc: Document, word: Word, source: str) -> bool:
        """Whether a word is one the rule watches (all, or those of `tokens` and `patterns`)."""
        if not self.only:
            return True
        budget = self.budget(doc)
        return any(budget.fullmatch(p, source, word.start, word.end) for p in self.only)

    def _run(self, doc: Document, words: list[Word], source: str) -> Iterator[Finding]:
        """One finding for each run of `times` or more alike: a repeated word's whole run, or
        the opening word of the sentence that makes the run."""
        first = 0
        for i in range(1, len(words) + 1):
            if (
                i < len(words)
                and words[i].text.casefold() == words[first].text.casefold()
                # words run on only across spaces: "very, very" is a figure, not a slip
                and (self.of == "openers" or source[words[i - 1].end : words[i].start].isspace())
            ):
                continue
            run = i - first
            if run >= self.times and self._watched(doc, words[first], source):
                at = first if self.of == "words" else first + self.times - 1
                start, end = words[at].start, words[i - 1 if self.of == "words" else at].end
                if self.stands(doc, start, end, source):
                    yield self.report(doc, start, end, render(self.message, match=source[start:end], count=str(run)))
            first = i
