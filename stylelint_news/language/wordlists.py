"""The word lists the project curates itself, each defined once in data/ with its source.

Function words, auxiliaries, determiners, honorifics, reporting verbs and the nouns that name a
group as a source are closed or slow-changing classes, so a curated list is the right tool; the
open vocabulary comes from the data packages (see lexicon.py). Every rule that needs one of these
classes reads it from here, so "a verb of saying" means one thing across the rules, and each rule
chooses from it what it needs. Loaded on first use: a run that needs none of them pays nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import NamedTuple

#: The package's data folder (a plain folder: pip installs packages unzipped, and reading it
#: directly spares every run the import of importlib.resources).
DATA = Path(__file__).parent.parent / "data"


def rows(name: str) -> list[str]:
    """The entries of a data file: one a line, `#` comments and blank lines skipped."""
    text = (DATA / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def read_list(name: str) -> frozenset[str]:
    """A data file of words, one a line."""
    return frozenset(rows(name))


def _table(name: str) -> dict[str, str]:
    """A data file of `word kind` lines."""
    return dict(row.split(maxsplit=1) for row in rows(name))


@cache
def closed_class() -> frozenset[str]:
    """Function words: never capitalised mid-sentence, never a name."""
    return read_list("closed_class.txt")


@cache
def auxiliaries() -> frozenset[str]:
    """Auxiliary verbs: "would", "has", "was"."""
    return read_list("auxiliaries.txt")


@cache
def word_class(kind: str) -> frozenset[str]:
    """A closed class of function words from data/word_classes.txt by the part it plays
    ("preposition-only", "subject", "numeral", ...)."""
    for row in rows("word_classes.txt"):
        name, *words = row.split()
        if name == kind:
            return frozenset(words)
    raise KeyError(kind)


@cache
def determiners() -> dict[str, str]:
    """Each determiner with its kind: article, demonstrative or possessive."""
    return _table("determiners.txt")


@cache
def determiners_of(*kinds: str) -> frozenset[str]:
    return frozenset(w for w, k in determiners().items() if k in kinds)


@cache
def honorifics() -> dict[str, str]:
    """Each honorific with what follows it: a surname ("Mr"), a given name ("Sir") or either."""
    return _table("honorifics.txt")


@cache
def honorifics_before(*follows: str) -> tuple[str, ...]:
    return tuple(t for t, f in honorifics().items() if f in follows)


@cache
def source_nouns() -> dict[str, str]:
    """Plural nouns naming a group as a source, each "vague" or "profession"."""
    return _table("source_nouns.txt")


class Verb(NamedTuple):
    """A reporting verb's forms, and whether it reports speech or a belief."""

    base: str
    third: str
    past: str
    participle: str
    kind: str


@cache
def reporting_verbs() -> dict[str, Verb]:
    """Reporting verbs by base form."""
    return {v.base: v for v in (Verb(*row.split()) for row in rows("reporting_verbs.txt"))}


def verb_forms(bases: Iterable[str], forms: Iterable[str]) -> tuple[str, ...]:
    """The named forms ("base", "third", "past", "participle") of the named reporting verbs, in
    the order given, each once."""
    verbs = reporting_verbs()
    out: dict[str, None] = {}
    for base in bases:
        for form in forms:
            out[getattr(verbs[base], form)] = None
    return tuple(out)


class _ClosedClass:
    """`word in CLOSED_CLASS` without loading the list until the first test."""

    def __contains__(self, word: object) -> bool:
        return word in closed_class()


CLOSED_CLASS = _ClosedClass()
