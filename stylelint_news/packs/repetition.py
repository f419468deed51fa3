"""The `repetition` rule type: the same word twice running, or sentences that open alike.

`of = "words"`: a word written again straight after itself, within one part and with nothing but
space between ("very very", not "very, very"); with `tokens` or `patterns`, only those words
count. `of = "openers"`: consecutive sentences of a unit of the scope that open with the same
word ("He said ... He added ... He left"), `times` of them running (2 by default). Words are
compared without regard to case.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Mapping
from itertools import compress, count
from typing import Any

from ..engine.context import Context
from ..finding import Finding
from ..text.document import Document, Word
from ..text.words import tokenize
from .rule import PackError, PackRule, compile_pattern, may_match, render, strings, words_pattern
from .scopes import OUTSIDE_BODY, Unit, openers, sentences_of, units

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
        if self.only and not any(may_match(doc, p) for p in self.only):
            return  # none of the watched words is in the file
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
        """Runs of a word written again, each with the text it is in; a run never crosses from
        one segment (a block of the body) into the next."""
        for segment in unit.segments:
            if unit.kind in OUTSIDE_BODY:
                words = tokenize(segment.source, segment.start, segment.end)
                folded = [t.casefold() for t in words.texts]
                repeats = list(compress(count(1), map(str.__eq__, folded[1:], folded)))
                base = 0
            else:
                # the body's repeats, found once per document, then those in this segment
                words, starts, found = doc.words, doc.words.starts, _repeats(doc)
                base = bisect_left(starts, segment.start)
                end = bisect_left(starts, segment.end)
                repeats = [i - base for i in found[bisect_left(found, base + 1) : bisect_left(found, end)]]
            for first, last in _runs(repeats):
                yield [words[base + i] for i in range(first - 1, last + 1)], segment.source

    def _openers(self, doc: Document, unit: Unit) -> Iterator[tuple[list[Word], str]]:
        """Runs of sentences of the unit that open with the same word: their first words, and
        the text they are in."""
        source = unit.segments[0].source
        if unit.kind in OUTSIDE_BODY:
            found = [tokenize(source, s.start, s.end) for s in sentences_of(doc, unit)]
            yield [w[0] for w in found if w], source
            return
        starts, firsts, repeats = _opener_repeats(doc)
        lo, hi = bisect_left(starts, unit.start), bisect_left(starts, unit.end)
        if bisect_left(repeats, lo + 1) == bisect_left(repeats, hi):
            return  # no two sentences of the unit running open alike: most units
        words = doc.words
        yield [words[i] for i in firsts[lo:hi] if i >= 0], source

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


def _folded_words(doc: Document) -> list[str]:
    """The body's words casefolded, once per document."""
    return doc.memo("pack-folded-words", lambda d: list(map(str.casefold, d.words.texts)))


def _repeats(doc: Document) -> list[int]:
    """The indexes of the body's words that repeat the word before (without regard to case),
    found once per document in one pass the interpreter does not loop over."""

    def build(d: Document) -> list[int]:
        folded = _folded_words(d)
        return list(compress(count(1), map(str.__eq__, folded[1:], folded)))

    return doc.memo("pack-repeats", build)


def _opener_repeats(doc: Document) -> tuple[list[int], list[int], list[int]]:
    """The body's sentence starts, the index of each sentence's first word (-1: none), and the
    indexes of the sentences that open as the last one with words does; once per document."""

    def build(d: Document) -> tuple[list[int], list[int], list[int]]:
        firsts = openers(d)
        folded = _folded_words(d)
        same, before = [], None  # a sentence without words is passed over, as `_run` does
        for i, first in enumerate(firsts):
            if first >= 0:
                if folded[first] == before:
                    same.append(i)
                before = folded[first]
        return [s.start for s in d.sentences], firsts, same

    return doc.memo("pack-opener-repeats", build)


def _runs(repeats: list[int]) -> Iterator[tuple[int, int]]:
    """(first, last) of each stretch of consecutive indexes: word i repeats word i - 1 for each."""
    if not repeats:
        return
    first = last = repeats[0]
    for i in repeats[1:]:
        if i != last + 1:
            yield first, last
            first = i
        last = i
    yield first, last
