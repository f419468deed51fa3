"""How likely a word is where it stands: a trigram model of general English.

The model is the one the `pocketsphinx` package ships for speech recognition (en-us.lm.bin,
BSD-2): 72,547 words, 2.05 million bigrams and 1.67 million trigrams of general American
English, stored as a binary file that the package's C library maps into memory. Of the models
that install from PyPI with their data, it is the only real n-gram model of English; on forty
sentence pairs tried both ways ("the spokesman claims" / "fried clams") it chose right 37 times,
against 31 for the Google Books bigram counts we ship through symspellpy and 20 for word
frequencies alone.

The model is American and lowercase: British spellings are looked up in their American form
("criticise" as "criticize", from codespell's pairs), and a word the model does not know
(a name, a number, a rare term) ends the history it conditions on, so it backs off to shorter
contexts rather than guessing.

Two readers give the same scores, to the unit. One article asks the model a few hundred
questions, which `trie.TrieModel` answers from the mapped file in Python, with the vocabulary a
stored table (`Lines`): importing pocketsphinx and loading its C reader would cost that article
60-80 ms. An archive asks hundreds of thousands, and after `C_AFTER` of them the process loads
the C reader, which answers each ten times faster. Only its C extension is imported:
pocketsphinx's audio parts (sounddevice) are never loaded.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cache
from pathlib import Path

from ..engine.context import built
from ..engine.datastore import package_file
from .lexicon import Lines, StoredLines, pack_lines
from .spelling import dialect_pairs
from .trie import TrieModel

#: pocketsphinx scores in its own logarithm base (1.0001); this turns them into log10.
LOG10_PER_UNIT = math.log10(1.0001)
#: The model's score for a word it does not know.
UNKNOWN = -1e9
#: The sentence boundaries of the model's vocabulary.
START, END = "<s>", "</s>"


#: Questions answered in Python before the C reader is loaded. The Python reader answers one in
#: some 35 us (its vocabulary looked up by bisection), the C reader in 2.5 us after a load of
#: some 70 ms: a thousand questions cost about half that load, and stay under the 4,000 look-ups
#: after which the vocabulary would turn itself into a dict (`Lines`, 35-50 ms).
C_AFTER = 1_000
#: The shape of the stored vocabulary: raise it whenever _build_vocabulary changes (the store
#: keys its entries by their sources, not by our code).
VOCABULARY_REVISION = 1


def _path() -> Path:
    return package_file("pocketsphinx", "model", "en-us", "en-us.lm.bin")


def _build_vocabulary() -> StoredLines:
    return pack_lines({w: str(i) for i, w in enumerate(TrieModel(_path()).words())})


class LanguageModel:
    """log10 probabilities of words after their history, from the shipped trigram model."""

    def __init__(self) -> None:
        self._file = TrieModel(_path())
        self._ids = Lines(built(f"lm-vocabulary{VOCABULARY_REVISION}", _path(), _build_vocabulary))
        self._c: _CReader | None = None  # pocketsphinx's reader, once the process has asked enough
        self._asked = 0
        self._american = dialect_pairs()[0]
        self._scores: dict[tuple[str, str | None, str | None], float] = {}
        self._known: dict[str, str | None] = {}

    def spelling(self, word: str) -> str:
        """The form the model spells a lowercase word in (American, straight apostrophe),
        without asking whether it knows it: for words already known to be in its vocabulary."""
        form = word.replace("’", "'")
        return self._american.get(form, form)

    def lookup(self, word: str) -> str | None:
        """The form of a word the model knows (lowercase, American spelling, straight
        apostrophe), or None when the model does not know it."""
        found = self._known.get(word, "")
        if found != "":
            return found
        form = self.spelling(word.lower())
        known = form if self._ids.get(form) is not None else None
        if len(self._known) > 200_000:  # an archive of strange words: memory stays bounded
            self._known.clear()
        self._known[word] = known
        return known

    def logprob(self, word: str, h1: str | None = None, h2: str | None = None) -> float:
        """log10 P(word | h1, h2): h1 the word just before, h2 the one before that (None for an
        unknown word, which ends the history). `word` must be a form `lookup` returned, or END.
        Called some 700,000 times on an archive, so the history is two arguments, not a
        sequence to build and walk."""
        if h1 is None:
            h2 = None
        key = (word, h1, h2)
        score = self._scores.get(key)
        if score is None:
            if len(self._scores) > 2_000_000:
                self._scores.clear()
            raw = self._raw(word, h1, h2)
            score = self._scores[key] = UNKNOWN if raw is None else raw * LOG10_PER_UNIT
        return score

    def _raw(self, word: str, h1: str | None, h2: str | None) -> int | None:
        """The model's score in its own units (None for a word it does not know), from the
        mapped file for the process's first `C_AFTER` questions, then from pocketsphinx's C
        reader."""
        if self._c is None:
            self._asked += 1
            if self._asked <= C_AFTER:
                return self._from_file(word, h1, h2)
            self._c = _CReader()
        raw = self._c.prob([word] if h1 is None else [word, h1] if h2 is None else [word, h1, h2])
        return None if raw == self._c.zero else raw

    def _from_file(self, word: str, h1: str | None, h2: str | None) -> int | None:
        """`_raw` from the mapped file: a history word the model does not know ends the
        history, as in pocketsphinx."""
        found = self._ids.get(word)
        if found is None:
            return None
        history: list[int] = []
        for h in (h1, h2):
            i = self._ids.get(h) if h is not None else None
            if i is None:
                break
            history.append(int(i))
        return self._file.score(int(found), *history)


class _CReader:
    """pocketsphinx's own reader of the model, and its score for a word it does not know."""

    prob: Callable[[list[str]], int]  # the word, then its history, most recent first
    zero: int

    def __init__(self) -> None:
        from pocketsphinx import Config, LogMath, NGramModel  # only the C extension's classes

        config = Config()
        config["mmap"] = True  # the 27 MB model is mapped, not read: a third of the load time
        config["loglevel"] = "ERROR"
        self.prob = NGramModel(config, LogMath(), str(_path())).prob
        self.zero = self.prob(["\x00unknown\x00"])


@cache
def model() -> LanguageModel:
    """The process's model: mapped once, shared by every run (it is read-only data)."""
    return LanguageModel()
