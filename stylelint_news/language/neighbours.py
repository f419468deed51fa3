"""A word's common neighbours: the common words one typist's edit away (a letter dropped, a
letter a-z added or put in place of one, two neighbouring letters swapped), the words that can
explain a rare word as a typo.

Norvig's method makes every edit of the word and asks wordfreq of each, some 500 a word: right
for one article's few rare words. An archive asks it of tens of thousands, for which SymSpell's
index of deletions is built once per install: every common word by each string it is with a
letter dropped, so that a word's neighbours are its own few deletions looked up.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from ..engine.context import built
from ..engine.datastore import package_file
from .lexicon import Lines, StoredLines, pack_lines, words_at_least, zipf

#: How common the word one edit away must be to explain a rare word as its typo.
NEIGHBOUR = 3.0
LETTERS = "abcdefghijklmnopqrstuvwxyz"


#: The shape of the stored index of deletions: raise it whenever _build_index changes (the
#: store keys its entries by their sources, not by our code).
NEIGHBOURS_REVISION = 1


def _build_index() -> StoredLines:
    index: dict[str, set[str]] = {}
    for c in words_at_least(NEIGHBOUR):
        for key in {c} | deletions(c):
            index.setdefault(key, set()).add(c)
    return pack_lines({key: "|".join(sorted(found)) for key, found in index.items()})


@cache
def _index() -> Lines:
    """The common words (Zipf NEIGHBOUR or more) by each string they are with a letter dropped,
    and by themselves: SymSpell's index of deletions (confusables.py builds one for T002). A
    word's common neighbours one edit away are then its own few deletions looked up, where
    Norvig's method makes some 500 edits of it and asks wordfreq of each (two thirds of T001's
    time on an archive, which is why only one article's first few words are found that way).
    Only such neighbours can explain a typo (NEIGHBOUR; spelling.OBVIOUS)."""
    source = package_file("wordfreq", "data", "large_en.msgpack.gz")
    return Lines(built(f"neighbours{NEIGHBOURS_REVISION}-{NEIGHBOUR}", source, _build_index))


#: Look-ups of edits in wordfreq before the index of deletions is read: the index costs one
#: article some 14 ms to read and check, 2,000 look-ups by bisection about half that (an
#: article's three or four rare words), and they stay well under the 4,000 after which the
#: frequency table turns itself into a dict (`Table.DICT_AFTER`, 0.1 s).
EDIT_LOOKUPS = 2_000


class Neighbourhood:
    """Finds a word's common neighbours by Norvig's edits, each asked of wordfreq, until a word's
    edits would take the process past EDIT_LOOKUPS look-ups (one article has a handful of rare
    words), and through the index of deletions from then on (an archive has tens of thousands).
    Both ways find the same words; a test holds them to it."""

    def __init__(self) -> None:
        self.asked = 0  # edits looked up so far
        self.index: Lines | None = None  # the index, once read

    def of(self, word: str) -> list[str]:
        """The common words (Zipf NEIGHBOUR or more) one typist's edit from `word`."""
        found = self._by_edits(word, _edits)
        if found is not None:
            return found
        listed: set[str] = set()
        for key in {word} | deletions(word):
            entry = self._listed(key)
            if entry:
                listed.update(entry.split("|"))
        return [c for c in listed if _one_edit(word, c)]

    def longer(self, word: str) -> list[str]:
        """The common words that are `word` with one letter a-z added: `of`'s words one letter
        longer, for a question about a dropped letter ("missles"). They are a quarter of its
        edits, and in the index the words listed under a single key, `word` itself (a word is
        listed under each of its deletions): one look-up, where `of` makes one for each of the
        word's deletions and sorts out the hundreds of words its short keys list."""
        found = self._by_edits(word, _insertions)
        if found is not None:
            return found
        entry = self._listed(word)
        return [c for c in entry.split("|") if len(c) == len(word) + 1 and _one_edit(word, c)] if entry else []

    def _by_edits(self, word: str, edits_of: Callable[[str], set[str]]) -> list[str] | None:
        """The common words among the word's edits, each asked of wordfreq, while the process's
        look-ups stay within EDIT_LOOKUPS; None once they would not, for the index to answer."""
        if self.index is not None:
            return None
        edits = edits_of(word)
        if self.asked + len(edits) > EDIT_LOOKUPS:
            return None
        self.asked += len(edits)
        return [c for c in edits if zipf(c) >= NEIGHBOUR]

    def _listed(self, key: str) -> str | None:
        """The index's entry for a key ("|"-separated words), the index read on first use."""
        if self.index is None:
            self.index = _index()
        return self.index.get(key)


def deletions(word: str) -> set[str]:
    """The strings `word` is with one letter dropped: the keys of an index of deletions."""
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _insertions(word: str) -> set[str]:
    """The strings `word` is with one letter a-z added."""
    return {word[:i] + c + word[i:] for i in range(len(word) + 1) for c in LETTERS}


def _edits(word: str) -> set[str]:
    """The strings one typist's edit from `word`: a letter dropped, a letter a-z added or put in
    place of one, two neighbouring letters swapped."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return (
        {a + b[1:] for a, b in splits if b}
        | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        | {a + c + b[1:] for a, b in splits if b for c in LETTERS}
        | _insertions(word)
    ) - {word}


@cache
def _neighbourhood() -> Neighbourhood:
    return Neighbourhood()


def common_neighbours(word: str) -> list[str]:
    """The common words (Zipf NEIGHBOUR or more) one edit from `word`, by the edits a typist
    makes: a letter dropped, a letter (a-z) added or changed, or two neighbouring letters swapped."""
    return _neighbourhood().of(word)


def common_longer(word: str) -> list[str]:
    """The common words (Zipf NEIGHBOUR or more) that are `word` with one letter (a-z) added."""
    return _neighbourhood().longer(word)


def _one_edit(word: str, other: str) -> bool:
    """Whether `other` is `word` with one letter dropped, one letter a-z added or put in place
    of one, or two neighbouring letters swapped (the index's candidates share a deletion with
    the word, which two words further apart can too)."""
    n, m = len(word), len(other)
    if m == n - 1:
        return any(word[:i] + word[i + 1 :] == other for i in range(n))
    if m == n + 1:
        return any(other[:i] + other[i + 1 :] == word and other[i] in LETTERS for i in range(m))
    if m != n or other == word:
        return False
    diff = [i for i in range(n) if word[i] != other[i]]
    if len(diff) == 1:
        return other[diff[0]] in LETTERS
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and word[diff[0]] == other[diff[1]]
        and word[diff[1]] == other[diff[0]]
    )
