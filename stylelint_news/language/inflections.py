"""Which parts of speech an English word can be, and which words are past tenses of verbs.

Source: lemminflect's lemma and inflection tables (Brad Jascob's cleaned version of Kevin
Atkinson's Automatically Generated Inflection Database): 80,000 word forms with their parts of
speech, and each verb's past tense and past participle. T002 needs them to tell a verb in its own
right from a slip for a verb of saying ("Okafor slid the ball past the keeper" is a player
scoring; "the minister sad that" is a slip) and a noun heading a phrase from a verb ("back in the
Wales fold,").

The two files are read into the data cache (see cache.py) on first use; lemminflect itself is never
imported (it would load numpy and its models, a quarter of a second).
"""

from __future__ import annotations

import gzip
from functools import cache

from ..engine.context import built
from ..engine.datastore import package_file
from .lexicon import Lines, StoredLines, pack_lines

#: One letter a part of speech, as stored for each word.
LETTERS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r", "aux": "x"}
PAST = "p"  # a past tense or past participle of some verb


def _table(name: str) -> list[list[str]]:
    path = package_file("lemminflect", "resources", name)
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [line.rstrip("\n").split(",") for line in fh if line.strip()]


def _build() -> StoredLines:
    tags: dict[str, set[str]] = {}
    for form, pos, *_ in _table("lemma_lu.csv.gz"):
        if pos in LETTERS and form.islower():  # words, not names ("Aachen", "Aaron")
            tags.setdefault(form, set()).add(LETTERS[pos])
    for _lemma, pos, *forms in _table("infl_lu.csv.gz"):
        if pos == "verb" and len(forms) >= 2:
            for past in (*forms[0].split("/"), *forms[1].split("/")):  # VBD, VBN (empty: same as VBD)
                if past:
                    tags.setdefault(past.lower(), set()).add(PAST)
    return pack_lines({word: "".join(sorted(t)) for word, t in tags.items()})


@cache
def _tags() -> Lines:
    return Lines(
        built(
            "inflections",
            (
                package_file("lemminflect", "resources", "lemma_lu.csv.gz"),
                package_file("lemminflect", "resources", "infl_lu.csv.gz"),
            ),
            _build,
        )
    )


def parts_of_speech(word: str) -> str:
    """The letters of the parts of speech a lowercase word can be ("n" noun, "v" verb, "a"
    adjective, "r" adverb, "x" auxiliary, "p" past tense or participle); "" if unknown."""
    return _tags().get(word) or ""


def is_past_tense(word: str) -> bool:
    """ "slid", "told", "folded": a verb's past form, a complete predicate after a subject."""
    return PAST in parts_of_speech(word)


def can_be_noun(word: str) -> bool:
    return "n" in parts_of_speech(word)


def _build_lemmas() -> StoredLines:
    """Each inflected form with the lemmas it is a form of ("women": "woman")."""
    lemmas: dict[str, set[str]] = {}
    for lemma, _pos, *forms in _table("infl_lu.csv.gz"):
        for cell in (lemma, *forms):
            for form in cell.split("/"):
                if form and form.islower():
                    lemmas.setdefault(form, set()).add(lemma.lower())
    return pack_lines({form: "|".join(sorted(found)) for form, found in lemmas.items()})


@cache
def _lemmas() -> Lines:
    return Lines(built("lemmas", package_file("lemminflect", "resources", "infl_lu.csv.gz"), _build_lemmas))


def same_lemma(a: str, b: str) -> bool:
    """Whether two words are forms of one word ("matched" and "matches", "woman" and "women"):
    choosing between them is grammar, not a slip of the keys."""
    la, lb = _lemmas().get(a), _lemmas().get(b)
    if la is None or lb is None:
        return False
    return bool(set(la.split("|")) & set(lb.split("|")))
