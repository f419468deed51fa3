"""Which real words a writer may have typed for which: the candidates of T002.

Two sources. Words one edit apart (a letter dropped, added, changed or two swapped: "trial" and
"trail", "public" and "pubic", "from" and "form") among common English words, found with a
deletes index (the SymSpell method) rather than comparing every pair; and the classic confusables
further apart, from public lists of classic confusions (data/confusion_sets.txt). Pairs that differ only by an inflection
("claim", "claims") are left out: choosing between them is grammar, not a slip of the key.
Built once into the cache and loaded on first use.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache, lru_cache

from ..engine.context import built
from .lexicon import UNIGRAMS, word_log, zipf
from .neighbours import deletions
from .wordlists import DATA, read_list

#: The word meant must be this common (wordfreq Zipf) to be a candidate...
COMMON = 3.0
#: ...and the word typed at least this common (rarer ones are T001's business).
TYPED = 2.0
MIN_LENGTH = 3


def _one_edit(a: str, b: str) -> bool:
    """Damerau distance exactly 1."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
        )
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def inflection(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and long[len(short) :] in ("s", "d", "es", "ed", "r", "er", "n", "y", "ly")


def _build() -> tuple[str, str]:
    from .lexicon import _unigrams

    vocabulary = [w for w in _unigrams().lines() if len(w) >= MIN_LENGTH and w.isalpha() and zipf(w) >= TYPED]
    index: dict[str, set[str]] = defaultdict(set)
    for w in vocabulary:
        for d in deletions(w):
            index[d].add(w)
    known = set(vocabulary)
    pairs: dict[str, set[str]] = defaultdict(set)
    for w in vocabulary:
        candidates = set(index.get(w, ()))
        for d in deletions(w):
            if d in known:
                candidates.add(d)
            candidates |= index.get(d, set())
        for c in candidates:
            if c != w and zipf(c) >= COMMON and _one_edit(w, c) and not inflection(w, c):
                pairs[w].add(c)
    for line in read_list("confusion_sets.txt"):
        group = line.split()
        for w in group:
            pairs[w].update(x for x in group if x != w)
    keys = sorted(pairs)
    return "\n".join(keys), "\n".join("|".join(sorted(pairs[k], key=word_log, reverse=True)) for k in keys)


class _Sets:
    def __init__(self, data: tuple[str, str]) -> None:
        self.map = dict(zip(data[0].split("\n"), data[1].split("\n")))


@cache
def _sets() -> _Sets:
    return _Sets(built("confusables", (UNIGRAMS(), DATA / "confusion_sets.txt"), _build))


def words_with_candidates() -> list[str]:
    """Every word that has candidates: no other word can be a slip for one."""
    return list(_sets().map)


@lru_cache(maxsize=65536)
def candidates(word: str) -> tuple[str, ...]:
    """The words `word` may have been typed for, most common first."""
    found = _sets().map.get(word)
    return tuple(found.split("|")) if found else ()
