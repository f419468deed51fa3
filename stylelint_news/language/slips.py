"""The slips each word may be: the candidates T002's contextual model weighs, with their chance.

For every word with candidates (confusables.py), the ones the model can judge: candidates in the
language model's vocabulary (the word typed may be outside it: `typed_logprob` backs off), one
slip apart (channel.py says how likely), no form of the same word ("matched"/"matches" is
grammar) nor its other dialect's spelling ("civilised"/"civilized"), no two function words
unless a classic confusion ("his" for "this" is a choice trigrams cannot make; "their" for
"there" is a known confusion), and no number word typed ("two" is a quantity the writer chose).
Worked out once for the whole vocabulary into the data store, so an article pays a table look-up
per word instead of the edits, the slip kinds and the lemma checks of each of its candidates.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from functools import cache
from pathlib import Path

from ..engine.context import built
from ..engine.datastore import package_file
from .channel import log_slip
from .confusables import _sets, candidates
from .inflections import same_lemma
from .lexicon import UNIGRAMS, Lines, StoredLines, pack_lines, zipf
from .lm import model
from .spelling import dialect_variant, misspelling
from .wordlists import DATA, closed_class, word_class

#: The shortest word judged (two-letter words have too many neighbours to tell apart).
MIN_LENGTH = 3
#: A slip this likely or likelier is a classic confusion (channel.CONFUSION), judged even
#: between two function words or whatever their frequencies.
CLASSIC = -0.5
#: How much rarer (log10, in the model's own unigram counts) a candidate may be than the word as
#: written. The context would have to overturn those odds on top of the slip's, and a trigram
#: model knows too little of a rare word's company to do that reliably: of the real-word slips
#: in our labelled material, 94 in 100 meant a word at least this common, while in clean news
#: 94 in 100 candidates are rarer, so the model's time goes where it can find something.
RARER = 0.5
#: wordfreq's Zipf scale is log10 of a word's frequency per billion words.
ZIPF_PER_BILLION = 9.0
#: The shape and rules of the stored table: raise it whenever _judged changes, or what it asks of
#: other modules (spelling.misspelling, spelling.dialect_variant, the channel), so a table built
#: by older code is never read (the store keys entries by their sources, not by our code).
REVISION = 4


def _judged(word: str) -> list[tuple[str, float]]:
    lm = model()
    if len(word) < MIN_LENGTH or word in word_class("numeral") or misspelling(word)[0]:
        return []  # T001 flags it as misspelt ("corse"): one finding for one word
    function_words = closed_class()
    frequency = typed_logprob(word, lm.lookup(word))
    found = []
    for c in candidates(word):
        slip = log_slip(word, c)
        form = lm.lookup(c) if slip is not None else None
        if form is None or slip is None or same_lemma(word, c) or dialect_variant(word, c):
            continue
        if slip < CLASSIC and (
            (word in function_words and c in function_words) or lm.logprob(form) < frequency - RARER
        ):
            continue
        found.append((c, slip))
    return found


def typed_logprob(word: str, form: str | None) -> float:
    """log10 of how common a typed word is without context: the model's own unigram, or, for a
    word it does not know ("cheep", "preform": rare, but wordfreq's web and books have them),
    wordfreq's frequency, its back-off. A slip into a rare word is as much a slip as one into a
    common word, and the model's vocabulary of 72,000 words leaves many of them out."""
    lm = model()
    return lm.logprob(form) if form is not None else zipf(word.replace("’", "'")) - ZIPF_PER_BILLION


def _build() -> StoredLines:
    table = {}
    for word in _sets().map:
        found = _judged(word)
        if found:
            table[word] = "|".join(f"{c}:{slip:.3f}" for c, slip in found)
    return pack_lines(table)


def _sources() -> tuple[Path, ...]:
    return (
        UNIGRAMS(),
        DATA / "confusion_sets.txt",
        DATA / "closed_class.txt",
        DATA / "word_classes.txt",
        package_file("codespell_lib", "data", "dictionary.txt"),
        package_file("lemminflect", "resources", "infl_lu.csv.gz"),
        package_file("pocketsphinx", "model", "en-us", "en-us.lm.bin"),
        package_file("wordfreq", "data", "large_en.msgpack.gz"),
        package_file("codespell_lib", "data", "dictionary_en-GB_to_en-US.txt"),
        package_file("pocketsphinx", "model", "en-us", "cmudict-en-us.dict"),
    )


@cache
def _table() -> Lines:
    return Lines(built(f"slips{REVISION}", _sources(), _build))


def words_with_slips(words: AbstractSet[str]) -> set[str]:
    """The words, as an article writes them, that have candidates (a curly apostrophe read as a
    straight one): an article's suspects, found with one look-up per distinct word, and not a
    verdict on each in Python (most words have none)."""
    table = _table()
    found = table.among(words)
    if "’" not in "".join(words):  # most articles: no word to read again
        return found
    return found | {w for w in words if "’" in w and w.replace("’", "'") in table}


def slips_for(word: str) -> tuple[tuple[str, float], ...]:
    """The candidates a lowercase word may be a slip for, each with the log10 chance of the slip."""
    found = _table().get(word)
    if not found:
        return ()
    out = []
    for item in found.split("|"):
        c, _, slip = item.rpartition(":")
        out.append((c, float(slip)))
    return tuple(out)
