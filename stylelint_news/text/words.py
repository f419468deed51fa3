"""Word tokens and stretches of text, with offsets into the file."""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator, Sequence
from itertools import accumulate, compress, count, repeat
from typing import NamedTuple, overload

from ..engine.patterns import Lazy

WORD = Lazy(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’\-][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*")

#: WORD as the separator of a split: the gaps and the words alternate, so their offsets follow
#: from the lengths alone.
WORD_SPLIT = Lazy(f"({WORD.pattern})")

#: The clitic that ends a token: "Okafor's", "she'd", "we'll".
CLITIC = Lazy(r"['’](?:s|d|ll|re|ve|m)$")


class Span(NamedTuple):
    """A stretch of the file: [start, end)."""

    start: int
    end: int


class Word(NamedTuple):
    """A word token: letters and digits with inner apostrophes or hyphens ("don't", "3,000-km" is two)."""

    start: int
    end: int
    text: str


_new = tuple.__new__  # a third of the time of calling Word(...)


class Words(Sequence[Word]):
    """The body's word tokens, held as three parallel lists: their texts, starts and ends.

    An article has thousands of words and a rule looks closely at a few of them, so the tokens
    are not built as a thousand Word tuples up front (that cost more than finding the words):
    a rule screens `texts`, or asks `where()` which words are in a set, and indexing makes a
    Word only for what it keeps. Iterating still gives Words, for rules that read every one.
    """

    __slots__ = ("ends", "starts", "texts")

    def __init__(self, texts: list[str], starts: list[int], ends: list[int]) -> None:
        self.texts, self.starts, self.ends = texts, starts, ends

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, i: int) -> Word: ...

    @overload
    def __getitem__(self, i: slice) -> Words: ...

    def __getitem__(self, i: int | slice) -> Word | Words:
        if isinstance(i, slice):
            return Words(self.texts[i], self.starts[i], self.ends[i])
        return _new(Word, (self.starts[i], self.ends[i], self.texts[i]))

    def __iter__(self) -> Iterator[Word]:
        return map(_new, repeat(Word), zip(self.starts, self.ends, self.texts))

    def where(self, wanted: Container[str]) -> list[int]:
        """The indexes of the words whose text is in `wanted`."""
        return indexes_in(self.texts, wanted)


def indexes_in(texts: Iterable[str], wanted: Container[str]) -> list[int]:
    """The indexes of the texts that are in `wanted`, found without a Python loop."""
    return list(compress(count(), map(wanted.__contains__, texts)))


def tokenize(text: str, start: int, end: int) -> Words:
    """The words of text[start:end], split in one call: the offsets come from adding up lengths
    (a match object per word made this a seventh of a run)."""
    parts = WORD_SPLIT.split(text[start:end])
    offsets = list(accumulate(map(len, parts), initial=start))
    return Words(parts[1::2], offsets[1:-1:2], offsets[2::2])
