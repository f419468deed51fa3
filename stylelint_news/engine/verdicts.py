"""Judgements of single words, made once per run and looked up by set operations.

An article has a few hundred distinct words and an archive repeats most of them article after
article. A rule whose first question depends on the word alone ("could this be a misspelling?",
"is this a misspelt name?") asks it of each distinct word once per run; later articles sort
their words into judged and new with set operations in C, so only the words never seen before
reach Python. (A cached function called for every distinct word of every article cost a tenth
of a rule's time in calls alone.) A question whose answer is known for every word before any
run, and is yes for a finite list, needs no Verdicts: the list is stored once per install and
asked with Lines.among (the words with slips, the frames' confusable words).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet
from typing import Generic, TypeVar

V = TypeVar("V")

#: Words remembered before the memory starts again: an archive's vocabulary, with room to spare,
#: and a bound on a run over text that is all new words (a word list, a random file).
LIMIT = 300_000


class Verdicts(Generic[V]):
    """A judge of words (a value for a word that is a hit, None for a miss) and what it said."""

    def __init__(self, judge: Callable[[str], V | None]) -> None:
        self.judge = judge
        self.hits: dict[str, V] = {}
        #: every word judged, hit or miss: one set to take an article's words from, so that each
        #: word costs one probe of a large table, not one for the hits and one for the misses
        self.seen: set[str] = set()

    def judged(self, distinct: AbstractSet[str]) -> Mapping[str, V]:
        """Every hit of the run so far, once the words not judged before have been: each of
        these words is a hit if and only if it is in the mapping, with its value. `distinct` is
        an article's set of words (Document.read_types), made once and shared by every rule's
        verdicts rather than built from the tokens by each. The run's own mapping is returned,
        not one made for these words: building that cost a rule as much as the set operations
        (a quarter of the look-ups, each a cache miss in a large table). So read it before the
        next call: past LIMIT words, a call empties it and starts again."""
        new = distinct - self.seen
        if not new:
            return self.hits
        if len(self.seen) + len(new) > LIMIT:
            self.hits.clear()
            self.seen.clear()
            new = set(distinct)
        for word in new:
            value = self.judge(word)
            if value is not None:
                self.hits[word] = value
        self.seen |= new
        return self.hits

    def any_among(self, distinct: AbstractSet[str]) -> bool:
        """Whether any of an article's words (judged already) is a hit. A rare verdict, such as a
        misspelling, has none in most articles, and those need no scan of their words for it."""
        return not self.hits.keys().isdisjoint(distinct)
