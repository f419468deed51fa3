"""Near-duplicate detection that stays linear in the length of an article.

Paragraphs are fingerprinted by their word 3-shingles; an inverted index from shingle to the
paragraphs holding it finds the earlier paragraphs that share any, so no pair is compared
character by character. Overlap is measured as containment (shared / the smaller set), not only
resemblance, because a lead that a feed repeated with text added is contained in its copy.
Short lines such as headlines have too few words for shingles: they use character trigrams.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher

from ...text.document import WORD

SHINGLE = 3
#: An index entry shared by more paragraphs than this is boilerplate: it tells nothing about
#: which earlier paragraph a new one copies, and keeping it would make a long file quadratic.
MAX_POSTINGS = 10


def tokens(words: Iterable[str]) -> list[str]:
    """Lowercase words with apostrophes dropped and hyphens parting them: what a copy keeps.

    Made from the document's word tokens with string methods alone: a second regex scan of
    every paragraph, sentence and line (the text read three more times) was most of the time
    of the duplication rules."""
    return " ".join(words).replace("’", "").replace("'", "").replace("-", " ").lower().split()


def tokens_of(text: str) -> list[str]:
    """`tokens` of a text outside the body (the headline)."""
    return tokens(WORD.findall(text))


def normalise(words: Iterable[str]) -> str:
    return " ".join(tokens(words))


def shingles(words: Sequence[str]) -> frozenset[int]:
    if len(words) < SHINGLE:
        return frozenset({hash(tuple(words))}) if words else frozenset()
    return frozenset(map(hash, zip(*(words[i:] for i in range(SHINGLE)))))


class ShingleIndex:
    """Fingerprints added in order; `best_earlier` finds the most overlapping earlier one.

    Most shingles of a paragraph are in no other, so both methods first intersect with the index's
    keys (one C-level set operation) and spend Python time only on the shared ones; a posting is
    the one paragraph's number until a second paragraph shares it, then a list.
    """

    def __init__(self) -> None:
        self.sets: list[frozenset[int]] = []
        self.postings: dict[int, int | list[int]] = {}

    def best_earlier(self, fingerprint: frozenset[int]) -> tuple[int, int] | None:
        """(index of the earlier fingerprint sharing most shingles, how many), or None."""
        counts: Counter[int] = Counter()
        postings = self.postings
        for s in postings.keys() & fingerprint:
            posting = postings[s]
            if isinstance(posting, int):
                counts[posting] += 1
            else:
                counts.update(posting)
        if not counts:
            return None
        return max(counts.items(), key=lambda kv: (kv[1], -kv[0]))

    def add(self, fingerprint: frozenset[int]) -> int:
        index = len(self.sets)
        self.sets.append(fingerprint)
        postings = self.postings
        shared = postings.keys() & fingerprint
        for s in shared:
            posting = postings[s]
            if isinstance(posting, int):
                postings[s] = [posting, index]
            elif len(posting) < MAX_POSTINGS:
                posting.append(index)
        postings.update(dict.fromkeys(fingerprint - shared, index))
        return index


def trigrams(normalised: str) -> Counter[str]:
    padded = f"  {normalised} "
    return Counter(padded[i : i + 3] for i in range(len(padded) - 2))


def dice(a: Counter[str], b: Counter[str]) -> float:
    """Character-trigram Dice coefficient: 1.0 for the same text, robust to a changed letter."""
    total = sum(a.values()) + sum(b.values())
    return 2 * sum((a & b).values()) / total if total else 0.0


def changed_words(a: Sequence[str], b: Sequence[str]) -> int:
    """Words of the shorter sequence that are not in the longest common alignment with the other.

    Called only for candidate pairs the index found, so the quadratic matcher sees few pairs.
    """
    shorter = min(len(a), len(b))
    matched = sum(block.size for block in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    return shorter - matched
