"""T001: a word that is not English."""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from functools import cached_property, partial
from typing import NamedTuple

from ...engine.context import Context
from ...engine.patterns import Lazy
from ...engine.verdicts import Verdicts
from ...finding import Finding
from ...language import spelling
from ...rule import Rule
from ...text.document import CLITIC, Document
from ...text.words import indexes_in

ENTITY_BEFORE = Lazy(r"&#?\w+;$")  # "B&#233;ziers": "ziers" is half a word


CAPITALISED = Lazy(r"\p{Lu}[\p{L}'’-]*")


class Misspelling(Rule):
    code = "T001"
    level = "error"
    name = "misspelling"
    summary = "A word that is not English."
    what = (
        "Flags a word that is not English, in the headline, standfirst and captions as in the body: "
        "a lowercase word not in the lexicon (wordfreq's 321,000 English words, with productive "
        "affixes and compounds), one that codespell lists as a misspelling whatever the web's count "
        '("recieved"), one that is a far commoner dictionary word with a letter dropped ("missles"), '
        'a capitalised word codespell knows as a misspelt name ("Portugese"), and the words of a '
        'title-case headline ("Minister Resigns Over Expences Row"). It suggests the likeliest '
        "correction. Names and other capitalised words, words the article capitalises elsewhere, "
        "initialisms, hyphenated compounds, contractions and possessives, numbers and units, URLs, "
        "e-mail addresses, handles, hashtags and the newsroom's own `words` pass; a ligature left by "
        'a PDF ("ﬁnal") is read as its letters. British and American spellings both pass unless '
        "`dialect` is set."
    )
    why = "A misspelt word is the first thing a reader notices and the last thing a writer sees."
    bad = "The harbour authority was finaly listening to the recomendations of residents."
    good = "The harbour authority was finally listening to the recommendations of residents."
    fix_safety = (
        "Unsafe: the suggestion is the likeliest word one edit away, and a slip can stand for more "
        'than one word ("nto" may be "not" or "into"); `--unsafe-fixes` applies it.'
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        prose = doc.prose
        words = doc.read_words
        judge = ctx.run.memo(
            ("T001 suspects", ctx.dialect, ctx.words),
            lambda: Verdicts(
                partial(
                    _verdict,
                    own=frozenset(w.lower() for w in ctx.words),
                    wrong_dialect=spelling.wrong_dialect(ctx.dialect),
                )
            ),
        )
        context = _Context(doc)
        texts = [context.reading.get(i, t) for i, t in enumerate(words.texts)] if context.reading else words.texts
        distinct = doc.read_types | frozenset(context.reading.values()) if context.reading else doc.read_types
        suspects = judge.judged(distinct)
        if not judge.any_among(distinct):
            return
        wrong_dialect = spelling.wrong_dialect(ctx.dialect)
        for i in indexes_in(texts, suspects):
            w = words[i]
            base, right, name = suspects[texts[i]]
            if name:  # flagged wherever it stands (a title-case headline is read in lowercase)
                yield self._misspelt(doc, w.start, base, right)
                continue
            if i in context.reading:  # a capitalised word of a title-case headline, read lowercase
                right = right[:1].upper() + right[1:]
                base = w.text[: len(base)]
            elif (
                base in context.capitalised
                or prose[w.start - 1 : w.start] in ("@", "#", "&")
                or prose[w.end : w.end + 1] == "&"
                or ENTITY_BEFORE.search(doc.text, max(0, w.start - 10), w.start)
            ):
                continue
            if base in wrong_dialect:
                yield self.report(
                    doc,
                    w.start,
                    w.start + len(base),
                    f'"{base}" is not {ctx.dialect} spelling: write "{right}"',
                    suggestions=[right],
                    replacement=right,
                    safe=False,
                )
                continue
            if context.counts[texts[i].lower()] > 1 and not spelling.is_listed(base.lower()):
                continue  # a typo is made once; a word written the same way twice is meant
            yield self._misspelt(doc, w.start, base, right)

    def _misspelt(self, doc: Document, start: int, word: str, right: str) -> Finding:
        """The finding for a misspelt word at `start`, with its correction as an unsafe fix."""
        return self.report(
            doc,
            start,
            start + len(word),
            f'misspelt "{word}": did you mean "{right}"?',
            suggestions=[right],
            replacement=right,
            safe=False,
        )


def _misspelt_name(t: str) -> str | None:
    """The name codespell corrects a capitalised word to, if it lists the word as a misspelling
    of one."""
    if len(t) < 4 or not t[0].isupper() or not t[1:].islower():
        return None
    right = spelling.listed_correction(t.lower())
    if right is None or not right[:1].isupper() or right.lower() == t.lower():
        return None
    return right


class _Verdict(NamedTuple):
    """What T001 makes of a word out of context: its part to flag (the word without its
    clitic), the correction, and whether it is a misspelt name (the word is flagged whole)."""

    base: str
    right: str
    name: bool


def _verdict(text: str, own: frozenset[str], wrong_dialect: Mapping[str, str]) -> _Verdict | None:
    """A word's verdict, once per run: a misspelt common word, or a capitalised word that
    codespell lists as a misspelt name ("Portugese"). One judge for both, so an article's words
    are sorted into judged and new once (engine/verdicts.py), not once for each."""
    found = _suspect(text, own, wrong_dialect)
    if found is not None:
        return _Verdict(*found, False)
    right = _misspelt_name(text)
    return _Verdict(text, right, True) if right is not None else None


def _suspect(text: str, own: frozenset[str], wrong_dialect: Mapping[str, str]) -> tuple[str, str] | None:
    """(the word without its clitic, the correction) if a token looks misspelt out of context."""
    if "'" not in text and "’" not in text:
        base = text
    elif text.endswith(("n't", "n’t")):
        base = text[:-3]
    else:
        base = CLITIC.sub("", text)
    if len(base) < 3 or not base.isalpha() or not base.islower() or "-" in text or base in own:
        return None
    if not base.isascii():
        # Extraction debris: a ligature ("ﬁnal") or another compatibility character stands for
        # plain letters. Judged as those letters, and the writer's bytes are kept.
        plain = unicodedata.normalize("NFKC", base)
        if plain != base:
            found = _suspect(plain, own, wrong_dialect) if plain.isalpha() and plain.islower() else None
            return (base, found[1]) if found is not None and len(found[0]) == len(plain) else None
    right = wrong_dialect.get(base)
    if right is None:
        wrong, right = spelling.misspelling(base)
        if not wrong or not right:
            return None
    return base, right


class _Context:
    """What T001 needs of the whole article to clear a suspect: the words it capitalises
    somewhere (names) and how often each word occurs (a typo is made once); and the words of a
    title-case headline or standfirst to read in lowercase ("Minister Resigns Over Expences
    Row": a capital there says nothing of a name), by their index among the read words. The
    names are gathered only when a suspect or a title-case headline asks: most articles have
    neither, and an archive's every article would pay for them."""

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self.counts = doc.read_counts
        self.reading: dict[int, str] = {}
        words = doc.read_words
        #: the headline and standfirst: each with its range of read words, and whether it is
        #: written in title case
        self._heads = []
        for part in doc.parts:
            if part.kind in ("headline", "standfirst"):
                lo, hi = bisect_left(words.starts, part.start), bisect_left(words.starts, part.end)
                self._heads.append((part, lo, hi, _title_case(words.texts[lo:hi])))
        if any(titled for *_, titled in self._heads):
            self.capitalised = self._names()  # and the title-case parts read in lowercase

    @cached_property
    def capitalised(self) -> set[str]:
        """The words, in lowercase, that the body capitalises, or a headline or standfirst
        written in sentence case capitalises (a title-case one capitalises every word)."""
        return self._names()

    def _names(self) -> set[str]:
        """`capitalised`, gathered as a reader meets the parts: a title-case part's words are
        read in lowercase (`reading`) unless the body or a sentence-case part before it
        capitalises them."""
        found = {t.lower() for t in set(self._doc.words.texts) if t[:1].isupper()}
        texts = self._doc.read_words.texts
        for part, lo, hi, titled in self._heads:
            if not titled:
                found.update(t.lower() for t in CAPITALISED.findall(part.text))
                continue
            for i in range(lo, hi):
                t = texts[i]
                if t[:1].isupper() and t[1:].islower() and t.lower() not in found:
                    self.reading[i] = t.lower()
        return found


def _title_case(texts: list[str]) -> bool:
    """Whether a headline capitalises its words as a title does ("Ferry Fares To Rise"): most
    of its words of four letters or more begin with a capital."""
    long = [t for t in texts if len(t) >= 4 and t[:1].isalpha()]
    return len(long) >= 2 and sum(t[:1].isupper() for t in long) >= 0.75 * len(long)
