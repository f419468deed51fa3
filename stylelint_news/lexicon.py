"""English words and how common they are, from wordfreq (and pair counts from symspellpy).

wordfreq (Robyn Speer, 2023) merges Wikipedia, subtitles, news, books and web text into one
frequency list of 321,000 English words, British and American spellings alike; symspellpy ships
243,000 English word pairs with counts from the Google Books n-grams. Each is read once into a
compact cache (see cache.py): the sorted keys as one string and their values as one byte each.
Loading that takes about 25 ms, against 130 ms for a dictionary, and only runs that ask for it pay.
"""
from __future__ import annotations

import math
from array import array
from functools import cache

from .cache import built, package_file


def BIGRAMS():  # noqa: N802 - a path, named like the constant it stands for
    return package_file("symspellpy", "frequency_bigramdictionary_en_243_342.txt")


def UNIGRAMS():  # noqa: N802
    return package_file("symspellpy", "frequency_dictionary_en_82_765.txt")


class Table:
    """A read-only map from sorted string keys to one-byte values.

    The keys stay one string with an array of where each starts, so loading costs a millisecond
    and a look-up is a bisection over slices (right for one article); after many look-ups it
    turns itself into a dict once (right for an archive).
    """

    DICT_AFTER = 4_000

    def __init__(self, data: tuple[str, bytes, bytes]) -> None:
        self.blob, self.values, offsets = data
        self.starts = array("I")
        self.starts.frombytes(offsets)
        self.asked = 0
        self.map: dict[str, int] | None = None

    def _key(self, i: int) -> str:
        end = self.starts[i + 1] - 1 if i + 1 < len(self.starts) else len(self.blob)
        return self.blob[self.starts[i]:end]

    @property
    def keys(self) -> list[str]:
        return self.blob.split("\n")

    def get(self, key: str) -> int:
        if self.map is not None:
            return self.map.get(key, 0)
        self.asked += 1
        if self.asked > self.DICT_AFTER:
            self.map = dict(zip(self.keys, self.values))
            return self.map.get(key, 0)
        lo, hi = 0, len(self.starts)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._key(mid) < key:
                lo = mid + 1
            else:
                hi = mid
        return self.values[lo] if lo < len(self.starts) and self._key(lo) == key else 0

    def __contains__(self, key: str) -> bool:
        return self.get(key) > 0


class Lines:
    """A read-only map from sorted keys to strings, stored as "key<TAB>value" lines with their
    offsets: a set or a dict of tens of thousands of words that loads in a millisecond."""

    def __init__(self, data: tuple[str, bytes]) -> None:
        self.blob = data[0]
        self.starts = array("I")
        self.starts.frombytes(data[1])

    def _line(self, i: int) -> str:
        end = self.starts[i + 1] - 1 if i + 1 < len(self.starts) else len(self.blob)
        return self.blob[self.starts[i]:end]

    def get(self, key: str) -> str | None:
        lo, hi = 0, len(self.starts)
        probe = key + "\t"
        while lo < hi:
            mid = (lo + hi) // 2
            if self._line(mid) < probe:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(self.starts):
            line = self._line(lo)
            if line.startswith(probe):
                return line[len(probe):]
        return None

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None


def pack_lines(pairs: dict[str, str]) -> tuple[str, bytes]:
    """The stored form of a `Lines` table."""
    lines = sorted(f"{k}\t{v}" for k, v in pairs.items() if "\t" not in k and "\n" not in k + v)
    starts = array("I")
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    return "\n".join(lines), starts.tobytes()


def _pack(pairs: dict[str, int]) -> tuple[str, bytes, bytes]:
    keys = sorted(pairs)
    starts = array("I")
    pos = 0
    for k in keys:
        starts.append(pos)
        pos += len(k) + 1
    return "\n".join(keys), bytes(min(255, max(0, pairs[k])) for k in keys), starts.tobytes()


def _build_zipf() -> tuple[str, bytes, bytes]:
    from wordfreq import get_frequency_dict

    return _pack({w: round((math.log10(f) + 9) * 10) for w, f in get_frequency_dict("en", "large").items()
                  if f > 0 and w.replace("'", "").replace("-", "").isalpha() and "\n" not in w})


@cache
def _zipf() -> Table:
    return Table(built("zipf", package_file("wordfreq", "data", "large_en.msgpack.gz"), _build_zipf))


def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of a lowercase word: 6 for "said", 3 for "ferrule", 0 if unseen."""
    return _zipf().get(word) / 10


def _build_pairs() -> tuple[str, bytes, bytes]:
    text = BIGRAMS().read_text(encoding="utf-8")
    pairs: dict[str, int] = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 3:
            pairs[f"{parts[0]} {parts[1]}"] = round(math.log10(int(parts[2])) * 20)
    return _pack(pairs)


@cache
def _pairs() -> Table:
    return Table(built("pairs", BIGRAMS(), _build_pairs))


def pair_log(first: str, second: str) -> float:
    """log10 of how often "first second" occurs in the Google Books sample; 0 if not listed
    (the list keeps pairs seen over 10 million times, so 0 means "rare", not "never")."""
    return _pairs().get(f"{first} {second}") / 20


def _build_unigrams() -> tuple[str, bytes, bytes]:
    text = UNIGRAMS().read_text(encoding="utf-8")
    counts: dict[str, int] = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 2:
            counts[parts[0]] = round(math.log10(int(parts[1])) * 20)
    return _pack(counts)


@cache
def _unigrams() -> Table:
    return Table(built("unigrams", UNIGRAMS(), _build_unigrams))


def word_log(word: str) -> float:
    """log10 of a word's count in the same Google Books sample as `pair_log`; 0 if not listed."""
    return _unigrams().get(word) / 20
