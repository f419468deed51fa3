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
from bisect import bisect_right
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from functools import cache

from ..engine.context import built
from ..engine.datastore import package_file


def BIGRAMS():  # noqa: N802 - a path, named like the constant it stands for
    return package_file("symspellpy", "frequency_bigramdictionary_en_243_342.txt")


def UNIGRAMS():  # noqa: N802
    return package_file("symspellpy", "frequency_dictionary_en_82_765.txt")


class _SortedLines:
    """Sorted lines kept as one UTF-8 byte string and an array of where each starts, searched by
    bisection over slices: bytes load as a plain copy (a 4 MB table in a millisecond, against 13 ms
    for the same table as a str, which marshal must decode), and UTF-8 sorts as the text does. The
    base of `Table` and `Lines`.

    Bisection is right for one article; after many look-ups (an archive) the table turns itself
    into a dict once, which costs about 0.1 s and makes every later look-up a hash.
    """

    DICT_AFTER = 4_000

    def __init__(self, blob: bytes, offsets: bytes, sample: bytes, stride: int) -> None:
        self.blob = blob
        self.starts = array("I")
        self.starts.frombytes(offsets)
        self.sample = sample.split(b"\n")
        self.stride = stride
        self.asked = 0
        self.map: dict | None = None

    def line(self, i: int) -> bytes:
        end = self.starts[i + 1] - 1 if i + 1 < len(self.starts) else len(self.blob)
        return self.blob[self.starts[i] : end]

    def lines(self) -> list[str]:
        return self.blob.decode("utf-8").split("\n")

    def first_at_least(self, probe: bytes) -> int:
        """The index of the first line not less than `probe` (len(starts) if none): bisection in
        C over every stride-th line (stored with the table), then in Python within the stride (six
        steps instead of 19)."""
        k = bisect_right(self.sample, probe)  # sample[k - 1] <= probe < sample[k]
        lo, hi = max(0, (k - 1) * self.stride), min(len(self.starts), k * self.stride)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.line(mid) < probe:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def _dict(self) -> dict | None:
        """The table as a dict, once it has been asked enough to pay for one (this look-up
        counted); None before."""
        if self.map is None:
            self.asked += 1
            if self.asked <= self.DICT_AFTER:
                return None
            self.map = self._as_dict()
        return self.map

    def _as_dict(self) -> dict:
        raise NotImplementedError


#: Every STRIDE-th line is kept apart as well, for the first steps of a look-up.
STRIDE = 64
#: The stored form of sorted lines (see `_blob`), and of a `Table`: its values, then its keys' lines.
StoredLines = tuple[bytes, bytes, bytes, int]
StoredTable = tuple[bytes, bytes, bytes, bytes, int]


def _blob(lines: list[str], stride: int = STRIDE) -> StoredLines:
    """The stored form of sorted lines: one UTF-8 byte string, where each line starts in it, and
    every stride-th line (with the stride)."""
    encoded = [line.encode("utf-8") for line in lines]
    starts = array("I")
    pos = 0
    for line in encoded:
        starts.append(pos)
        pos += len(line) + 1
    return b"\n".join(encoded), starts.tobytes(), b"\n".join(encoded[::stride]), stride


class Table(_SortedLines):
    """A read-only map from sorted string keys to one-byte values."""

    def __init__(self, data: StoredTable) -> None:
        self.values, blob, offsets, sample, stride = data
        super().__init__(blob, offsets, sample, stride)

    def _as_dict(self) -> dict[str, int]:
        return dict(zip(self.lines(), self.values))

    def get(self, key: str) -> int:
        found = self._dict()
        if found is not None:  # an archive's look-ups, after the first few thousand
            return found.get(key, 0)
        probe = key.encode("utf-8", "surrogatepass")
        i = self.first_at_least(probe)
        return self.values[i] if i < len(self.starts) and self.line(i) == probe else 0

    def __contains__(self, key: str) -> bool:
        return self.get(key) > 0

    def getter(self) -> Callable[[str], int | None]:
        """`get` for a loop that asks many keys (0 or None: not listed): the dict's own method
        once the table is one, which spares a call and a branch a key, and `get` before."""
        return self.map.get if self.map is not None else self.get


class Lines(_SortedLines):
    """A read-only map from sorted keys to strings, stored as "key<TAB>value" lines: a set or a
    dict of tens of thousands of words that loads in a millisecond."""

    def __init__(self, data: StoredLines) -> None:
        super().__init__(*data)

    def _as_dict(self) -> dict[str, str]:
        text = self.blob.decode("utf-8")
        if text.count("\t") == len(self.starts):  # one tab a line, as pack_lines writes: split in C
            parts = text.replace("\t", "\n").split("\n")
            return dict(zip(parts[::2], parts[1::2]))
        return dict(line.split("\t", 1) for line in text.split("\n") if "\t" in line)

    def get(self, key: str) -> str | None:
        found = self._dict()
        if found is not None:
            return found.get(key)
        return self._bisect(key)

    def _bisect(self, key: str) -> str | None:
        probe = key.encode("utf-8", "surrogatepass") + b"\t"
        i = self.first_at_least(probe)
        if i < len(self.starts):
            line = self.line(i)
            if line.startswith(probe):
                return line[len(probe) :].decode("utf-8")
        return None

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    def among(self, words: AbstractSet[str]) -> set[str]:
        """The words that are keys of the table: one look-up each by bisection while the table
        is small fry (an article's few hundred words), and a set intersection in C once an
        archive has asked enough to turn it into a dict: as many words as a twentieth of its
        lines, about what the dict costs to build (a look-up by bisection costs some twenty
        times a line's share of it). A stored set of the keys instead cost every one-article
        run 20 million instructions to load."""
        if self.map is None:
            self.asked += len(words)
            if self.asked <= min(self.DICT_AFTER, len(self.starts) // 20):
                return {w for w in words if self._bisect(w) is not None}
            self.map = self._as_dict()
        return self.map.keys() & words


def pack_lines(pairs: dict[str, str], stride: int = STRIDE) -> StoredLines:
    """The stored form of a `Lines` table."""
    return _blob(sorted(f"{k}\t{v}" for k, v in pairs.items() if "\t" not in k and "\n" not in k + v), stride)


def _pack(pairs: dict[str, int], stride: int = STRIDE) -> StoredTable:
    """The stored form of a `Table`: its values, one byte a key, and its sorted keys."""
    keys = sorted(pairs)
    return bytes(min(255, max(0, pairs[k])) for k in keys), *_blob(keys, stride)


def _build_zipf() -> StoredTable:
    from wordfreq import get_frequency_dict

    return _pack(
        {
            w: round((math.log10(f) + 9) * 10)
            for w, f in get_frequency_dict("en", "large").items()
            if f > 0 and w.replace("'", "").replace("-", "").isalpha() and "\n" not in w
        }
    )


@cache
def _zipf() -> Table:
    return Table(built("zipf", package_file("wordfreq", "data", "large_en.msgpack.gz"), _build_zipf))


def words_at_least(z: float) -> list[str]:
    """wordfreq's words of at least this Zipf frequency, in sorted order."""
    table = _zipf()
    floor = round(z * 10)
    return [w for w, v in zip(table.lines(), table.values) if v >= floor]


def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of a lowercase word: 6 for "said", 3 for "ferrule", 0 if unseen."""
    return _zipf().get(word) / 10


def _build_pairs() -> StoredTable:
    text = BIGRAMS().read_text(encoding="utf-8")
    pairs: dict[str, int] = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 3:
            pairs[f"{parts[0]} {parts[1]}"] = round(math.log10(int(parts[2])) * 20)
    return _pack(pairs)


@cache
def _pairs() -> Table:
    # T002 asks the pairs of every suspect word and its candidates, some 250 look-ups an article:
    # bisection for a commit's few articles, a dict (170 ms to build) from the 16th on.
    return Table(built("pairs", BIGRAMS(), _build_pairs))


def pair_counts() -> Callable[[str], int | None]:
    """The look-up behind `pair_log` for a loop over many pairs: "first second" -> 20 x log10 of
    its count, 0 or None if not listed. Integers, so sums of them compare exactly."""
    return _pairs().getter()


def pair_log(first: str, second: str) -> float:
    """log10 of how often "first second" occurs in the Google Books sample; 0 if not listed
    (the list keeps pairs seen over 10 million times, so 0 means "rare", not "never")."""
    return _pairs().get(f"{first} {second}") / 20


def _build_unigrams() -> StoredTable:
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
