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

- a typo is made once: a word the article uses twice, or in another form ("sued", "sues"), is meant;
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
from collections.abc import Callable, Container, Iterator
from typing import NamedTuple

from ...engine.context import Context
from ...language.inflections import same_lemma
from ...language.lexicon import pair_counts
from ...language.lm import END, START, LanguageModel, model
from ...language.people import is_common_name
from ...language.slips import slips_for, typed_logprob, words_with_slips
from ...text.document import Document
from ...text.words import Words

#: log10 of the odds the candidate must have over the word as written, all evidence counted.
ODDS = 2.15
#: log10 of how much likelier a candidate is when the article uses it elsewhere.
OWN_VOCABULARY = 1.0


class Slip(NamedTuple):
    """A word judged a slip: its place among the document's read words, the word meant, and the
    log10 odds that it was meant."""

    at: int
    meant: str
    odds: float


class Suspect(NamedTuple):
    """What the run knows of a word type before reading its context: its model form (None for a
    word the model does not know), for such a word how common it is without context (log10,
    slips.typed_logprob: the model's back-off; 0.0 and unread for a word the model knows, which
    its trigrams score) and its candidates (model form, word, log10 chance of the slip)."""

    form: str | None
    unigram: float
    candidates: tuple[tuple[str, str, float], ...]


def _suspect(word: str, lm: LanguageModel) -> Suspect:
    """A word's model form and its candidates (language/slips.py), for a word that has some
    (slips.words_with_slips), worked out once per run where an article has it. The table holds
    only candidates the model knows, so their forms are a spelling away, not a question to the
    model each."""
    form = lm.lookup(word)
    unigram = typed_logprob(word, form) if form is None else 0.0
    found = slips_for(word.replace("’", "'"))
    return Suspect(form, unigram, tuple((lm.spelling(c), c, slip) for c, slip in found))


def run_logprob(lm: LanguageModel, seq: list[str | None], first: int, n: int) -> float:
    """log10 P of up to `n` words of a `local` sequence from index `first` on, each given the two
    before it (a break starts a phrase), stopping at the phrase's end or a word the model does
    not know: what T003 compares a double and a single copy by."""
    total = 0.0
    for m in range(first, min(first + n, len(seq))):
        word = seq[m]
        if word is None:
            break
        word = END if word is BREAK else word
        h1, h2 = _history(seq, m)
        if h1 is not None:
            total += lm.logprob(word, h1, h2)
        if word is END:
            break
    return total


def slips(doc: Document, ctx: Context, skip: set[int]) -> Iterator[Slip]:
    """The read words of the document that the model judges slips (words starting at an offset
    in `skip` are left alone: the frames have judged them)."""
    lm = model()
    words = doc.read_words
    texts = words.texts
    spans = [(p.start, p.end) for p in doc.parts if p.kind != "byline"] + [(s.start, s.end) for s in doc.sentences]
    ranges = [(bisect_left(words.starts, a), bisect_left(words.starts, b)) for a, b in spans]
    suspects: dict[str, Suspect] = ctx.run.memo("T002 suspects", dict)  # of the words met so far
    firsts = {lo: texts[lo].lower() for lo, hi in ranges if lo < hi and texts[lo][:1].isupper()}
    counts = doc.read_counts
    typed = words_with_slips(doc.read_types | set(firsts.values()))
    openers = _openers(texts, firsts, typed, counts)
    at = words.where(typed)  # the suspects, in order: the rest of a range is skipped
    starts, ends, text = words.starts, words.ends, doc.text
    count = pair_counts()
    for lo, hi in ranges:
        todo = at[bisect_left(at, lo) : bisect_left(at, hi)]
        if lo in openers:
            todo.insert(0, lo)
        for k in todo:
            word = openers[k] if k == lo and k in openers else texts[k]
            if counts[word] > 1 or starts[k] in skip:
                continue
            suspect = suspects.get(word)
            if suspect is None:
                suspect = suspects[word] = _suspect(word, lm)
            # the pairs see no neighbour across an edge or punctuation, as the trigrams see none;
            # a name they read as its lowercase word, where the trigrams see a word they do not
            # know: a second model, it only ever holds a flag back
            before = texts[k - 1].lower() + " " if k > lo and not _apart(text, ends, starts, k) else ""
            after = " " + texts[k + 1].lower() if k + 1 < hi and not _apart(text, ends, starts, k + 1) else ""
            agreed = _pairs_prefer(count, before, word, after, suspect.candidates)
            if not agreed:
                continue  # the pair counts must prefer the candidate too, and prefer none
            found = _best(lm, _around(doc, lm, k, lo, hi), suspect, agreed, counts)
            if found is not None and not _uses_another_form(word, counts):
                meant, odds = found
                yield Slip(k, meant.capitalize() if word is not texts[k] else meant, odds)


def _uses_another_form(word: str, counts: Counter[str]) -> bool:
    """Whether the article has another form of the word ("sued" where it has "sues", "rang"
    where it has "rung"): the word is part of the story, as a word used twice is. Asked only of
    a word the model has judged a slip, and only of the article's words with its first letter
    (every form of an English word has it but a few irregular verbs': "went", "was")."""
    first = word[:1]
    return any(other[:1] == first and other != word and same_lemma(word, other) for other in counts)


def sentence_around(doc: Document, k: int) -> tuple[int, int]:
    """The read words [lo, hi) of the sentence (or article part) that holds read word k."""
    words = doc.read_words
    at = words.starts[k]
    spans = [(p.start, p.end) for p in doc.parts] + [(s.start, s.end) for s in doc.sentences]
    for start, end in spans:
        if start <= at < end:
            return bisect_left(words.starts, start), bisect_left(words.starts, end)
    return k, k + 1


def _openers(
    texts: list[str], firsts: dict[int, str], suspects: Container[str], counts: Counter[str]
) -> dict[int, str]:
    """The capitalised first words of sentences that may be common words, lowercased, by index:
    "Principle reasons ..." is judged as "principle". A word the article uses again (capitalised
    mid-sentence, it is a name; in lowercase, it is meant) or that is a common name
    (people.is_common_name) is left alone."""
    return {
        lo: w
        for lo, w in firsts.items()
        if w in suspects and counts[w] == 1 and texts[lo][1:].islower() and not is_common_name(texts[lo])
    }


#: Characters that part two words into different phrases: the model has no punctuation, so words
#: on either side of one are no trigram ("Locally, too, analysts say" is not "locally too analysts").
#: Where punctuation parts two words in the model's view of a sentence.
BREAK = "|"
BREAKS = frozenset(',;:()[]"“”—–/…!?.-')


def _apart(text: str, ends: list[int], starts: list[int], i: int) -> bool:
    """Whether punctuation parts read word i from the word before it (given the read words'
    ends and starts): a phrase boundary in the model's view, and no pair for the pair counts."""
    return not BREAKS.isdisjoint(text[ends[i - 1] : starts[i]])


def local(doc: Document, lm: LanguageModel, k: int, lo: int, hi: int) -> tuple[list[str | None], int]:
    """The model's view of the words around word k of the sentence [lo, hi): the two before and
    the two after it (model forms; None for a word the model does not know or a name), BREAK wherever
    punctuation parts two words, and the sentence's boundaries where they fall; and where word k
    stands in it. Five words are all the trigrams around word k can see."""
    words = doc.read_words
    texts, starts, ends, text = words.texts, words.starts, words.ends, doc.text
    seq: list[str | None] = [START] if k - 2 <= lo else []
    j = 0
    for i in range(max(lo, k - 2), min(hi, k + 3)):
        if i > lo and i > k - 2 and _apart(text, ends, starts, i):
            seq.append(BREAK)
        if i == k:
            j = len(seq)
        seq.append(_form(lm, texts[i]) if i == k else _neighbour(lm, words, text, i, lo))
    if k + 3 >= hi:
        seq.append(END)
    return seq, j


def _around(doc: Document, lm: LanguageModel, k: int, lo: int, hi: int) -> tuple[str | None, ...]:
    """What the trigrams around word k of the sentence [lo, hi) see, as `local` builds it but
    without the sequence: the word's history (h1 just before, h2 before that; START where the
    sentence or a phrase begins, None for a word the model does not know) and the next two
    words (END where the phrase ends, None past a word the model does not know). T002 asks
    this of every suspect in an archive, so it reads only the four neighbours it needs."""
    words = doc.read_words
    starts, ends, text = words.starts, words.ends, doc.text
    h1: str | None
    h2: str | None
    if k == lo or _apart(text, ends, starts, k):
        h1, h2 = START, None
    else:
        h1 = _neighbour(lm, words, text, k - 1, lo)
        if h1 is None:
            h2 = None
        elif k - 1 == lo or _apart(text, ends, starts, k - 1):
            h2 = START
        else:
            h2 = _neighbour(lm, words, text, k - 2, lo)
    if k + 1 >= hi or _apart(text, ends, starts, k + 1):
        return h1, h2, END, None
    n1 = _neighbour(lm, words, text, k + 1, lo)
    if n1 is None:
        return h1, h2, None, None
    if k + 2 >= hi or _apart(text, ends, starts, k + 2):
        return h1, h2, n1, END
    return h1, h2, n1, _neighbour(lm, words, text, k + 2, lo)


#: What may open a sentence or a quotation within a span T002 reads (a headline, a standfirst of
#: several sentences, a quotation after a colon): a capital after one of these is no sign of a name.
OPENINGS = frozenset('.!?:"“‘(')


def _neighbour(lm: LanguageModel, words: Words, text: str, i: int, lo: int) -> str | None:
    """The model's form of read word i, a neighbour of a suspect in the span starting at lo. A
    capitalised word that opens nothing is a name, which the lowercase model would read as the
    common word ("Orange sued a supplier", "Ireland end their season", "Little Mix were the
    best-selling act"): to the model it is a word it does not know, as a surname is. "I" and its
    contractions are words."""
    t = words.texts[i]
    if (
        i > lo
        and t[:1].isupper()
        and not (t == "I" or t.startswith(("I'", "I’")))
        and OPENINGS.isdisjoint(text[words.ends[i - 1] : words.starts[i]])
    ):
        return None
    return _form(lm, t)


def _form(lm: LanguageModel, t: str) -> str | None:
    """The model's form of a token, None for one it does not know (a number, a name)."""
    return lm.lookup(t) if t.isalpha() or "'" in t or "’" in t else None


def _best(
    lm: LanguageModel,
    around: tuple[str | None, ...],
    suspect: Suspect,
    candidates: list[tuple[str, str, float]],
    counts: Counter[str],
) -> tuple[str, float] | None:
    """The candidate meant, and its log10 odds, if they pass ODDS: the three trigrams the word
    takes part in (itself given its history, then the next two words given it), scored with the
    word and with each candidate. A word the model does not know has only its frequency
    (`Suspect.unigram`), and the next words are scored as after an unknown word: with no history
    through it. A candidate's own term is asked first: the next words' terms can raise its odds
    at most by what they cost the word as written (a probability is at most 1), so a candidate
    that cannot reach ODDS even then is not asked about them."""
    h1, h2, n1, n2 = around
    logprob = lm.logprob
    x = suspect.form
    if h1 is None:
        own = 0.0  # no history known: no evidence
    else:
        own = logprob(x, h1, h2) if x is not None else suspect.unigram
    rest = 0.0
    if n1 is not None:
        rest += logprob(n1, x, h1)  # logprob reads a None history as none: no history through x
        if n1 is not END and n2 is not None:
            rest += logprob(n2, n1, x)
    best: tuple[str, float] | None = None
    for c_form, c, slip in candidates:
        prior = slip + (OWN_VOCABULARY if counts[c] else 0.0)
        fit = logprob(c_form, h1, h2) if h1 is not None else 0.0
        if fit - own - rest + prior <= ODDS:
            continue
        if n1 is not None:
            fit += logprob(n1, c_form, h1)
            if n1 is not END and n2 is not None:
                fit += logprob(n2, n1, c_form)
        odds = fit - own - rest + prior
        if odds > ODDS and (best is None or odds > best[1]):
            best = (c, odds)
    return best


def _history(seq: list[str | None], j: int) -> tuple[str | None, str | None]:
    """The two words before word j of a `local` sequence, most recent first (a break starts a
    phrase)."""
    h1 = START if seq[j - 1] is BREAK else seq[j - 1]
    h2 = None if h1 is START or j < 2 else (START if seq[j - 2] is BREAK else seq[j - 2])
    return h1, h2


def _pairs_prefer(
    count: Callable[[str], int | None],
    before: str,
    word: str,
    after: str,
    candidates: tuple[tuple[str, str, float], ...],
) -> list[tuple[str, str, float]]:
    """The candidates that fit beside the word's neighbours better than it by the Google Books
    pair counts (`before` is the word before and a space, `after` a space and the word after;
    "" where the trigrams see no neighbour): 20 x log10 of the counts of the pairs, summed, an
    unlisted pair counting as rare. The second model: a candidate the trigrams prefer is flagged
    only if the pairs prefer it too, and asking the pairs first spares the trigrams three
    positions in four. Every suspect of an archive asks this of the word and each candidate,
    hence the table's bare look-up, integer sums and one loop for each side present."""
    if before and after:
        as_written = (count(before + word) or 0) + (count(word + after) or 0)
        return [c for c in candidates if (count(before + c[1]) or 0) + (count(c[1] + after) or 0) > as_written]
    if before:
        as_written = count(before + word) or 0
        return [c for c in candidates if (count(before + c[1]) or 0) > as_written]
    if after:
        as_written = count(word + after) or 0
        return [c for c in candidates if (count(c[1] + after) or 0) > as_written]
    return []  # no neighbour the pairs can see: no evidence for any candidate
