"""T003: a word written twice in a row."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress, count, islice
from operator import eq

from ...engine.context import Context
from ...finding import Edit, Finding
from ...language.inflections import parts_of_speech
from ...language.lm import model
from ...language.wordlists import determiners_of, word_class
from ...rule import Rule
from ...text.document import Document
from .wordfit import local, run_logprob, sentence_around

#: How much likelier (log10) the sentence must be with one copy than with two for the double of
#: a word no grammar below covers to be a slip ("it it", "very very"): the trigram model of
#: general English has heard "very very" and "really really" in speech, not "it it would".
SLIP = 1.5
#: The verbs English doubles in a pseudo-cleft: "what it is is a mess", "what they do do is ...".
CLEFT_VERBS = frozenset({"is", "was", "are", "were", "do", "does", "did"})
#: The words that open such a cleft's subject, a few words before the double.
CLEFT_OPENERS = frozenset({"what", "whatever", "all"})


def _never_doubled(word: str) -> bool:
    """An article, a coordinator, "to" or a preposition that is never an adverb particle: English
    has no sentence with two of them in a row, so deleting one copy can mean nothing else."""
    return (
        word in determiners_of("article")
        or word in ("and", "or", "nor", "to")
        or word in word_class("preposition-only")
    )


def _verdict(doc: Document, i: int, lower: list[str]) -> bool:
    """Whether words i and i+1, the same word twice, are a slip. The grammar of doubling first,
    then the language model for the words it does not cover."""
    word = lower[i]
    if _never_doubled(word):
        return True
    if word == "had":
        return False  # the past perfect of "have": "she had had enough"
    following = lower[i + 2] if i + 2 < len(lower) else ""
    if word == "that":
        # After a verb the first "that" opens a clause, and the second is its subject or
        # determiner: "he said that that plan failed", "she said that that was final". After a
        # noun the first is a relative pronoun, and a second before a verb has nothing to do:
        # "the plan that that failed".
        before = parts_of_speech(lower[i - 1]) if i else ""
        if ("v" in before or "p" in before or "x" in before) and "n" not in before:
            return False
        return parts_of_speech(following) in ("v", "vx", "px", "pv", "x", "pvx")
    if word in CLEFT_VERBS:
        return not any(w in CLEFT_OPENERS for w in lower[max(0, i - 4) : i])
    return not _grammatical(doc, i)


class RepeatedWord(Rule):
    code = "T003"
    level = "error"
    name = "repeated-word"
    summary = "A word written twice in a row."
    what = (
        'Flags a word followed at once by the same word, also across a line break: "the the", '
        '"to to", "the plan is is unpopular", in the headline and standfirst as in the body. '
        'English doubles some words itself, and those pass: the past perfect ("she had had '
        'enough"), "that" before what it introduces ("he said that that plan failed"), a '
        'pseudo-cleft ("what it is is a mess"); other doubles ("very very", "it it") are judged by '
        'the language model of general English; names repeat ("Duran Duran").'
    )
    why = "The eye skips a doubled word, especially across a line break; readers do not."
    bad = "The council will meet to to discuss the budget."
    good = "The council will meet to discuss the budget. What it is is a matter of money."
    fix_safety = (
        "Safe for an article, a coordinator or a preposition that is never an adverb particle "
        '("the the", "and and", "of of"): deleting one copy can mean nothing else. Unsafe for any '
        'other word, which may want a comma instead ("if he said it it would"). The fix deletes the '
        "second copy (the first, across a line break, so the break stays where it was)."
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        words = doc.read_words
        prose = doc.prose
        lower = doc.read_lower
        for i in compress(count(), map(eq, lower, islice(lower, 1, None))):  # only the doubles reach Python
            a, b = words[i], words[i + 1]
            if len(a.text) != len(b.text) or not a.text.isalpha():
                continue
            gap = doc.text[a.end : b.start]
            if gap.strip():
                continue  # the file's own text, not the prose view: a blanked link or URL is not a space
            if b.text[:1].isupper():
                continue  # "Duran Duran", "Sirhan Sirhan": a name, not a slip
            if not _verdict(doc, i, lower):
                continue
            if "\n" in gap:  # keep the line break where the writer put it: drop the first copy
                cut = Edit(len(prose[: a.start].rstrip(" \t")), a.end, "")
            else:
                cut = Edit(a.end, b.end, "")
            safe = _never_doubled(lower[i])
            yield self.report(
                doc,
                a.start,
                b.end,
                f'repeated word "{b.text}": delete the second one'
                + ("" if safe else " (or, if a clause ends between them, add a comma)"),
                suggestions=[a.text],
                edits=[cut],
                safe=safe,
            )


def _grammatical(doc: Document, i: int) -> bool:
    """Whether the model reads words i and i+1 doubled as English: the sentence with both copies
    is at most SLIP less likely than with one. A word the model does not know is judged a slip."""
    lm = model()
    words = doc.read_words
    if lm.lookup(words.texts[i]) is None:
        return False
    lo, hi = sentence_around(doc, i)
    double, j = local(doc, lm, i + 1, lo, hi)  # j: the second copy
    single = double[:j] + double[j + 1 :]
    return run_logprob(lm, double, j, 3) - run_logprob(lm, single, j, 2) >= -SLIP
