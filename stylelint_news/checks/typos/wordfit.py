"""Whether a real word is a slip for another, judged by how well each fits where it stands.

T002's contextual model, for any word, not a list: the noisy channel of spelling correction
(Kernighan, Church and Gale 1990; Mays, Damerau and Mercer 1991). A word w typed where a writer
meant c is likelier than w meant as written when

    P(c | context) * P(w typed | c meant)  >  P(w | context) * P(w typed | w meant).

The context is the trigram model of general English (language/lm.py): the three trigrams the
word takes part in, with the word and with each candidate. The channel (language/channel.py)
says how likely each slip is (a dropped letter far more than a far key; a classic confusion such
as "affect"/"effect" most of all). The candidates are the common words one slip away and the
classic confusions (language/confusables.py).

An n-gram model knows little of a rare word's company, so on long, clean copy it would accuse
every unusual word of being a slip for a common one. What keeps the flags to real slips:

- a typo is made once: a word the article uses twice is meant;
- forms of one word ("matched"/"matches") are grammar, not slips, and so are two function words
  ("his"/"this"), whose choice trigrams cannot make (the news frames of frames.py judge some);
- a second model must agree: the Google Books word-pair counts (an independent corpus) must also
  prefer the candidate beside its neighbours;
- the article's own vocabulary: a candidate the article uses elsewhere is likelier meant;
- and the odds must be high, 100 to 1 after all of the above (`ODDS`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

from ...engine.context import Context
from ...engine.verdicts import Verdicts
from ...language import confusables
from ...language.channel import log_slip
from ...language.inflections import same_lemma
from ...language.lexicon import pair_log
from ...language.lm import END, START, LanguageModel, model
from ...language.wordlists import closed_class
from ...text.document import Document

#: log10 of the odds the candidate must have over the word as written, all evidence counted.
ODDS = 2.0
#: log10 of how much likelier a candidate is when the article uses it elsewhere.
OWN_VOCABULARY = 1.0
#: The shortest word judged (two-letter words have too many neighbours to tell apart).
MIN_LENGTH = 3


class Slip(NamedTuple):
    """A word judged a slip: its index among the document's read words, the word meant, and the
    log10 odds that it was meant."""

    index: int
    meant: str
    odds: float


class Suspect(NamedTuple):
    """What the run knows of a word type before reading its context: its model form and its
    candidates (model form, word, log10 chance of the slip)."""

    form: str
    candidates: tuple[tuple[str, str, float], ...]


def _suspect(word: str, lm: LanguageModel) -> Suspect | None:
    """The word's candidates, judged once per run: the words one slip away that the model knows,
    that are no form of the same word, and not two function words unless a classic confusion."""
    if len(word) < MIN_LENGTH or not word.replace("'", "").replace("’", "").isalpha() or not word.islower():
        return None
    form = lm.lookup(word)
    if form is None:
        return None
    function_words = closed_class()
    found = []
    for c in confusables.candidates(word):
        slip = log_slip(word, c)
        c_form = lm.lookup(c) if slip is not None else None
        if c_form is None or same_lemma(word, c):
            continue
        if word in function_words and c in function_words and slip < -0.5:
            continue  # (a classic confusion of function words, "their"/"there", is judged)
        found.append((c_form, c, slip))
    return Suspect(form, tuple(found)) if found else None


def _window(lm: LanguageModel, seq: list[str | None], j: int, x: str) -> float:
    """log10 P of the trigrams word j takes part in, with `x` in its place."""
    total = 0.0
    h2, h1 = seq[j - 2] if j >= 2 else None, seq[j - 1]
    for word in (x, seq[j + 1] if j + 1 < len(seq) else None, seq[j + 2] if j + 2 < len(seq) else None):
        if word is None:
            break
        total += lm.logprob(word, (h1, h2))
        h2, h1 = h1, word
    return total


def slips(doc: Document, ctx: Context, skip: set[int]) -> Iterator[Slip]:
    """The read words of the document that the model judges slips (words starting at an offset
    in `skip` are left alone: the frames have judged them)."""
    lm = model()
    words = doc.read_words
    texts = words.texts
    suspects = ctx.run.memo("T002 suspects", lambda: Verdicts(lambda w: _suspect(w, lm))).hits_among(texts)
    if not suspects:
        return
    counts = Counter(t.lower() for t in texts)
    spans = [(p.start, p.end) for p in doc.parts if p.kind != "byline"] + [(s.start, s.end) for s in doc.sentences]
    for a, b in spans:
        lo, hi = bisect_left(words.starts, a), bisect_left(words.starts, b)
        if not any(t in suspects for t in texts[lo:hi]):
            continue
        seq, place = _sequence(doc, lm, lo, hi)
        for k in range(lo, hi):
            suspect = suspects.get(texts[k])
            if suspect is None or words.starts[k] in skip or counts[texts[k]] > 1:
                continue
            found = _best(lm, seq, place[k - lo], suspect, counts, texts, k)
            if found is not None:
                yield Slip(k, *found)


#: Characters that part two words into different phrases: the model has no punctuation, so words
#: on either side of one are no trigram ("Locally, too, analysts say" is not "locally too analysts").
BREAKS = frozenset(',;:()[]"“”—–/…!?.')


def _sequence(doc: Document, lm: LanguageModel, lo: int, hi: int) -> tuple[list[str | None], list[int]]:
    """The model's view of the read words [lo, hi) of one sentence: their model forms (None for
    a word it does not know), a None wherever punctuation parts two words, between the sentence
    boundaries; and where each word stands in that sequence."""
    words = doc.read_words
    seq: list[str | None] = [START]
    place = []
    for k in range(lo, hi):
        if k > lo and any(ch in BREAKS for ch in doc.text[words.ends[k - 1] : words.starts[k]]):
            seq.append(None)
        t = words.texts[k]
        seq.append(lm.lookup(t) if t.isalpha() or "'" in t or "’" in t else None)
        place.append(len(seq) - 1)
    seq.append(END)
    return seq, place


def _best(
    lm: LanguageModel, seq: list[str | None], j: int, suspect: Suspect, counts: Counter[str], texts: list[str], k: int
) -> tuple[str, float] | None:
    """The candidate meant at position j, and its log10 odds, if they pass ODDS."""
    base = _window(lm, seq, j, suspect.form)
    best: tuple[float, str] | None = None
    for c_form, c, slip in suspect.candidates:
        odds = _window(lm, seq, j, c_form) - base + slip + (OWN_VOCABULARY if counts[c] else 0.0)
        if odds > ODDS and (best is None or odds > best[0]):
            best = (odds, c)
    if best is None or not _pairs_agree(texts, k, best[1]):
        return None
    return best[1], best[0]


def _pairs_agree(texts: list[str], k: int, meant: str) -> bool:
    """Whether the Google Books pair counts also prefer the candidate beside the word's
    neighbours (an unlisted pair counts as rare)."""
    word = texts[k].lower()
    before = texts[k - 1].lower() if k else None
    after = texts[k + 1].lower() if k + 1 < len(texts) else None

    def fit(x: str) -> float:
        return (pair_log(before, x) if before else 0.0) + (pair_log(x, after) if after else 0.0)

    return fit(meant) > fit(word)
