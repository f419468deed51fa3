"""pocketsphinx's binary trigram model, read in place: the scores its C library gives, without it.

Loading the model through pocketsphinx costs 60-80 ms a process (the import, and its C reader
hashing 72,000 words), most of what T002 adds to linting one article, where T002 asks the model
a few hundred questions. This reader maps the same file and builds nothing: it reads each
answer's few bytes when asked, by word ids (a word's place in the vocabulary, which
`lm.LanguageModel` keeps as a stored table). The model asks it first and hands the work to
pocketsphinx's C reader once the process has asked enough for that load to pay (an archive).

The file is the "Trie Language Model" of pocketsphinx 5 (src/lm/ngram_model_trie.c, lm_trie.c,
lm_trie_quant.c): a reverse trie after KenLM's. All numbers are little-endian; scores are in
pocketsphinx's log base 1.0001, as float32.

    "Trie Language Model", order (1 byte), n-gram counts (uint32 each)
    quantisation type (uint32), then float32 tables: for each middle order 65,536 scores and
    65,536 back-offs, then 65,536 scores of the highest order
    unigrams: count + 1 records of (float32 score, float32 back-off, uint32 first child)
    bit arrays: for each middle order, count + 1 records of (word, back-off index, score index,
    first child); then the highest order's records of (word, score index); each array padded
    with 8 bytes
    the vocabulary: its size in bytes (uint32), then the words, each ending in a NUL, in id order

An n-gram is stored from its last word back: the children of unigram w are the bigrams (h1, w),
kept by h1's id in a sorted run; the children of bigram (h1, w) are the trigrams (h2, h1, w).
The score is the standard back-off, summed in float32 and truncated as the C code does, so that
each answer is the very integer pocketsphinx gives (a test compares them on every n-gram of
sentences of its own and of the same words shuffled, which takes every back-off path; 80,000
corpus n-grams agreed when it was written).
"""

from __future__ import annotations

import mmap
import struct
from pathlib import Path

HEADER = b"Trie Language Model"
#: Bits of each quantised score and back-off index.
QUANT_BITS = 16
QUANT_SIZE = 1 << QUANT_BITS
#: float32 arithmetic, as the C library adds scores.
_F32 = struct.Struct("<f")
_UNIGRAM = struct.Struct("<ffI")


def _f32(x: float) -> float:
    """x rounded to float32, as each addition in the C library is."""
    return _F32.unpack(_F32.pack(x))[0]


class _Bits:
    """One bit-packed array of records: a record's fields are read from its bit offset."""

    def __init__(self, data: mmap.mmap, offset: int, word_bits: int, quant_bits: int, next_bits: int) -> None:
        self.data = data
        self.bit0 = offset * 8
        self.word_bits = word_bits
        self.word_mask = (1 << word_bits) - 1
        self.total = word_bits + quant_bits + next_bits
        self.next_at = word_bits + quant_bits
        self.next_mask = (1 << next_bits) - 1

    def read(self, record: int, at: int, mask: int) -> int:
        """The field `at` bits into a record, `mask` wide."""
        bit = self.bit0 + record * self.total + at
        byte = bit >> 3
        return (int.from_bytes(self.data[byte : byte + 8], "little") >> (bit & 7)) & mask

    def find(self, word: int, begin: int, end: int, max_word: int) -> int:
        """The record of `word` among records [begin, end), sorted by word, or -1. The search
        interpolates on the word ids, as the C library's does (whose uint32 product would
        overflow on a run of over 59,000 records, which this model does not have; any pivot
        inside the bounds finds the same record)."""
        before, before_v, after, after_v = begin - 1, 0, end, max_word
        if word > after_v:
            return -1
        read, mask = self.read, self.word_mask
        while after - before > 1:
            pivot = before + 1 + ((word - before_v) * (after - before - 1)) // (after_v - before_v + 1)
            found = read(pivot, 0, mask)
            if found < word:
                before, before_v = pivot, found
            elif found > word:
                after, after_v = pivot, found
            else:
                return pivot
        return -1


class TrieModel:
    """Scores of a word after up to two words of history, in pocketsphinx's log units, read from
    its binary model file."""

    def __init__(self, path: Path) -> None:
        with open(path, "rb") as f:
            self._data = data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        if data[: len(HEADER)] != HEADER or data[len(HEADER)] != 3:
            raise ValueError(f"{path}: not a pocketsphinx trigram model in its trie format")
        at = len(HEADER) + 1
        n1, n2, n3 = struct.unpack_from("<3I", data, at)
        at += 12 + 4  # the counts, and the quantisation type (always 1: 16-bit tables)
        self._bigram_scores = at
        self._bigram_backoffs = at + 4 * QUANT_SIZE
        self._trigram_scores = at + 8 * QUANT_SIZE
        at += 12 * QUANT_SIZE
        self._unigrams = at
        at += _UNIGRAM.size * (n1 + 1)
        word_bits = n1.bit_length()
        self._max_word = n1
        self._bigrams = _Bits(data, at, word_bits, 2 * QUANT_BITS, n3.bit_length())
        at += ((n2 + 1) * self._bigrams.total + 7) // 8 + 8
        self._trigrams = _Bits(data, at, word_bits, QUANT_BITS, 0)
        at += ((n3 + 1) * self._trigrams.total + 7) // 8 + 8
        (size,) = struct.unpack_from("<I", data, at)
        if at + 4 + size != len(data):  # the layout read wrong: a format this reader does not know
            raise ValueError(f"{path}: not the trie layout this reader knows (pocketsphinx 5)")
        self._vocabulary = at

    def words(self) -> list[str]:
        """The vocabulary, in id order: a word's id is its place here."""
        (size,) = struct.unpack_from("<I", self._data, self._vocabulary)
        block = self._data[self._vocabulary + 4 : self._vocabulary + 4 + size]
        return block.decode("utf-8").split("\x00")[: self._max_word]

    def _unigram(self, word: int) -> tuple[float, float, int, int]:
        """A unigram's score, back-off and the run [begin, end) of its bigram children."""
        score, backoff, begin = _UNIGRAM.unpack_from(self._data, self._unigrams + _UNIGRAM.size * word)
        end = _UNIGRAM.unpack_from(self._data, self._unigrams + _UNIGRAM.size * (word + 1))[2]
        return score, backoff, begin, end

    def _quant(self, table: int, index: int) -> float:
        return _F32.unpack_from(self._data, table + 4 * index)[0]

    def _bigram(self, h1: int, word: int) -> int:
        """The record of the bigram (h1, word), or -1."""
        _, _, begin, end = self._unigram(word)
        return self._bigrams.find(h1, begin, end, self._max_word) if begin < end else -1

    def _bigram_backoff(self, record: int) -> float:
        bits = self._bigrams
        return self._quant(self._bigram_backoffs, bits.read(record, bits.word_bits, QUANT_SIZE - 1))

    def score(self, word: int, h1: int | None = None, h2: int | None = None) -> int:
        """The model's score of `word` after h1 (just before it) and h2 (before h1), by id; None
        ends the history. pocketsphinx's `NGramModel.prob`, to the unit."""
        score, _, begin, end = self._unigram(word)
        if h1 is None:
            return int(score)
        bits = self._bigrams
        record = bits.find(h1, begin, end, self._max_word) if begin < end else -1
        if record < 0:  # no bigram (h1, word): P(word) and h1's back-off
            score = _f32(score + self._unigram(h1)[1])
            if h2 is None:
                return int(score)
            pair = self._bigram(h2, h1)  # and the back-off of (h2, h1), where it is listed
            return int(_f32(score + (self._bigram_backoff(pair) if pair >= 0 else 0.0)))
        score = self._quant(self._bigram_scores, bits.read(record, bits.word_bits + QUANT_BITS, QUANT_SIZE - 1))
        if h2 is None:
            return int(score)
        first = bits.read(record, bits.next_at, bits.next_mask)
        last = bits.read(record + 1, bits.next_at, bits.next_mask)
        trigrams = self._trigrams
        found = trigrams.find(h2, first, last, self._max_word) if first < last else -1
        if found >= 0:
            return int(self._quant(self._trigram_scores, trigrams.read(found, trigrams.word_bits, QUANT_SIZE - 1)))
        pair = self._bigram(h2, h1)
        return int(_f32(score + (self._bigram_backoff(pair) if pair >= 0 else 0.0)))
