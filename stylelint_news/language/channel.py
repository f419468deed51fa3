"""How likely a writer is to type one word when meaning another: the noisy channel of T002.

A slip of the keys is one edit (a letter dropped, added, changed or two swapped), and the kinds
of edit are not equally likely: people drop a letter far more often than they type a letter
from across the keyboard. The rates of each kind are learnt from codespell's 65,000 real
misspellings (a public record of what people mistype, none of it our evaluation material): the
share of each kind, divided by the number of ways a word of that length can suffer it, is the
chance of one particular edit. A classic confusion (data/confusion_sets.txt: "affect" for
"effect", "loose" for "lose") is no slip of the keys but a slip of the mind, and far likelier
than any one edit.
"""

from __future__ import annotations

import math
from functools import cache

from ..engine.context import built
from ..engine.datastore import package_file
from .wordlists import rows

ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
KEY = {c: (r, i) for r, row in enumerate(ROWS) for i, c in enumerate(row)}
VOWELS = frozenset("aeiou")
#: How many ways a word of n letters can suffer each kind of edit (26 letters, about five keys
#: around each key, two vowels for a vowel).
WAYS = {
    "drop-double": lambda n: 1,
    "drop": lambda n: n,
    "double": lambda n: n,
    "insert-neighbour": lambda n: 4 * (n + 1),
    "insert": lambda n: 20 * (n + 1),
    "swap": lambda n: max(1, n - 1),
    "neighbour-key": lambda n: 5 * n,
    "vowel": lambda n: 2 * n,
    "other-key": lambda n: 18 * n,
}
#: The log10 chance of the commonest one edit, given to a classic confusion: a writer who means
#: "lose" and writes "loose" has made no slip of the keys at all.
CONFUSION = -0.3


def _adjacent(a: str, b: str) -> bool:
    if a not in KEY or b not in KEY or a == b:
        return False
    (r1, c1), (r2, c2) = KEY[a], KEY[b]
    return abs(r1 - r2) <= 1 and abs(c1 - c2) <= 1


def edit(typed: str, meant: str) -> str | None:
    """The kind of the one edit that turns `meant` into `typed`, or None if it takes more."""
    n, m = len(typed), len(meant)
    if n == m:
        diff = [i for i in range(n) if typed[i] != meant[i]]
        if len(diff) == 1:
            a, b = meant[diff[0]], typed[diff[0]]
            if _adjacent(a, b):
                return "neighbour-key"
            return "vowel" if a in VOWELS and b in VOWELS else "other-key"
        if (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and typed[diff[0]] == meant[diff[1]]
            and typed[diff[1]] == meant[diff[0]]
        ):
            return "swap"
        return None
    if n == m - 1:  # a letter of the meant word is missing
        for i in range(m):
            if meant[:i] + meant[i + 1 :] == typed:
                doubled = (i > 0 and meant[i - 1] == meant[i]) or (i + 1 < m and meant[i + 1] == meant[i])
                return "drop-double" if doubled else "drop"
        return None
    if n == m + 1:  # a letter was added
        for i in range(n):
            if typed[:i] + typed[i + 1 :] == meant:
                ch = typed[i]
                if (i > 0 and typed[i - 1] == ch) or (i + 1 < n and typed[i + 1] == ch):
                    return "double"
                if (i > 0 and _adjacent(ch, typed[i - 1])) or (i + 1 < n and _adjacent(ch, typed[i + 1])):
                    return "insert-neighbour"
                return "insert"
    return None


def _build_rates() -> dict[str, float]:
    """The share of each kind of edit among codespell's one-edit misspellings."""
    text = package_file("codespell_lib", "data", "dictionary.txt").read_text(encoding="utf-8")
    counts = dict.fromkeys(WAYS, 1)  # one of each, so no kind is impossible
    for line in text.splitlines():
        wrong, _, right = line.partition("->")
        right = right.split(",")[0].strip()
        if wrong.isalpha() and right.isalpha() and wrong.islower() and right.islower():
            kind = edit(wrong, right)
            if kind is not None:
                counts[kind] += 1
    total = sum(counts.values())
    return {kind: count / total for kind, count in counts.items()}


@cache
def _rates() -> dict[str, float]:
    return built("slip-kinds", package_file("codespell_lib", "data", "dictionary.txt"), _build_rates)


@cache
def _confusions() -> frozenset[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for row in rows("confusion_sets.txt"):
        words = row.split()
        pairs.update((a, b) for a in words for b in words if a != b)
    return frozenset(pairs)


def log_slip(typed: str, meant: str) -> float | None:
    """log10 of the chance that a writer meaning `meant` types `typed` by one particular slip,
    relative to the slips a word can suffer; None when no one slip explains it."""
    if (typed, meant) in _confusions():
        return CONFUSION
    kind = edit(typed, meant)
    if kind is None:
        return None
    return math.log10(_rates()[kind] / WAYS[kind](len(meant)))
