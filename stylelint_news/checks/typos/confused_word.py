"""T002: a real word that is wrong where it stands."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from ...engine.context import Context, built
from ...engine.datastore import package_file
from ...finding import Finding
from ...language import confusables
from ...language.channel import edit
from ...language.lexicon import UNIGRAMS, Lines, StoredLines, pack_lines, pair_log, zipf
from ...language.slips import MIN_LENGTH
from ...language.wordlists import DATA, closed_class
from ...rule import Rule
from ...text.document import Document
from . import wordfit
from .frames import (
    ADVERBS_AFTER_THERE,
    BE,
    COMPARATIVES,
    DETERMINERS,
    PERFECT,
    POSSESSIVES,
    PREPOSITIONS,
    SAYING,
    _is_verb,
    _joined,
    _noun_phrase,
    _now_or_not,
    _place_after,
    _preposition,
    _saying_frame,
    _that_clause,
)


class ConfusedWord(Rule):
    code = "T002"
    name = "confused-word"
    summary = "A real word that is wrong where it stands."
    what = (
        "Flags a correctly spelt word that its context shows is a slip for another: any word, not "
        "a list. Its candidates are the common words one slip of the keys away (a letter dropped, "
        'added, changed or two swapped) and the classic confusions ("affect"/"effect"); a '
        "trigram model of general English (pocketsphinx's) weighs how well the word and each "
        "candidate fit the words around them (a word typed that the model does not know by its "
        "frequency in wordfreq), and a noisy channel, learnt from codespell's record "
        "of real misspellings, how likely each slip is. It flags a word when the candidate is over "
        "a hundred times likelier, the Google Books word pairs agree, and the word is used once, in "
        "one form "
        '("the union has serious concerns abut that", "a fund manger at the bank"). News frames '
        'add what trigrams miss: a near-miss of a verb of saying after a subject ("the minister '
        'adder that"), "there" before a noun, a comparative before "then", "now"/"not". It reads the '
        'headline and standfirst as well as the body. Forms of one word ("matched"/"matches"), '
        "two function words and numbers are left alone: those are grammar or choices, not slips."
    )
    why = (
        "A spell checker passes these, so they reach print; readers see them at once. The model "
        "knows little of a rare word's company, so the rule asks for strong odds and tells how "
        "strong they are, and reads a name beside the word as no context: on 2,124 clean BBC "
        "articles it flags 0.65 words in 10,000, over two fifths of them the articles' own slips."
    )
    bad = "The minister adder that the talks would resume on Monday."
    good = "The minister added that the talks would resume on Monday. An adder was seen on the heath."
    fix_safety = (
        "Unsafe: the suggestion is the word the context makes likelier, and a writer may mean the "
        "word they wrote; `--unsafe-fixes` applies it."
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        framed: set[int] = set()
        for finding in self._frames(doc):
            framed.add(finding.start)
            yield finding
        read = doc.read_words
        for slip in wordfit.slips(doc, ctx, framed):
            start, end, word = read.starts[slip.at], read.ends[slip.at], read.texts[slip.at]
            yield self.report(
                doc,
                start,
                end,
                f'"{word}" looks like a slip for "{slip.meant}" here '
                f"({_odds(slip.odds)} times likelier in this context)",
                suggestions=[slip.meant],
                replacement=slip.meant,
                safe=False,
            )

    def _frames(self, doc: Document) -> Iterator[Finding]:
        """The news frames (frames.py): a verb of saying, a possessive, a comparative, a
        preposition, "now"/"not", judged from their neighbours in the body."""
        prose = doc.prose
        words = doc.words
        for i in words.where(_confusable().among(doc.read_types)):
            w = words[i]
            x = w.text
            text = doc.text  # gaps read in the file: a blanked link or URL is not a space
            before = words[i - 1] if i and _joined(text, words[i - 1], w) else None
            after = words[i + 1] if i + 1 < len(words) and _joined(text, w, words[i + 1]) else None
            if x in ("now", "not"):
                found = _now_or_not(x, text, words, i, before, prose[w.end : w.end + 1])
            else:
                # "the Wales fold,": a determiner before a capitalised word makes it a modifier
                determined = (
                    before is not None
                    and i >= 2
                    and _joined(text, words[i - 2], before)
                    and words[i - 2].text.lower() in DETERMINERS
                )
                found = _meant(
                    x,
                    before,
                    after,
                    prose[max(0, w.start - 3) : w.start],
                    prose[w.end : w.end + 1],
                    _noun_phrase(text, words, i),
                    determined,
                    _that_clause(text, words, i),
                )
            if found is not None:
                right, frame = found
                yield self.report(
                    doc,
                    w.start,
                    w.end,
                    f'"{x}" looks like a slip for "{right}" here ({frame})',
                    suggestions=[right],
                    replacement=right,
                    safe=False,
                )


#: The rules of the stored set of confusable words: raise it whenever `_may_be_confused` or the
#: frames' word lists written in code change (the store keys its entries by their sources only).
CONFUSABLE_REVISION = 3


@cache
def _confusable() -> Lines:
    """The words a frame may apply to: `_may_be_confused` asked once per install of every word
    that has candidates (no other word can be one) and stored, so that an article's are found
    with one look-up per distinct word, with no verdict on each in each run."""
    sources = (
        UNIGRAMS(),
        DATA / "confusion_sets.txt",
        DATA / "closed_class.txt",
        DATA / "reporting_verbs.txt",
        package_file("wordfreq", "data", "large_en.msgpack.gz"),
    )
    return Lines(built(f"frames-confusable{CONFUSABLE_REVISION}", sources, _build_confusable))


def _build_confusable() -> StoredLines:
    words = {*POSSESSIVES, "then", "now", "not", *confusables.words_with_candidates()}
    return pack_lines(dict.fromkeys((w for w in words if _may_be_confused(w)), ""))


def _may_be_confused(x: str) -> bool:
    """The test of a word before any context is read: can a frame of `_meant` apply to it at
    all? The same conditions on the word and its candidates as the frames, so that only words
    with a chance reach them (half of those a looser test let through)."""
    if x in POSSESSIVES or x in ("then", "now", "not"):
        return True
    if not x.islower() or len(x) < 3 or not x.isalpha():
        return False
    candidates = confusables.candidates(x)  # most words have none: no frequency to look up
    zx = zipf(x) if candidates else 0
    if not zx:
        return False
    function_words = closed_class()
    for c in candidates:
        gap = zipf(c) - zx
        if (
            (c in SAYING and x not in SAYING and gap >= 0.7)  # the verb-of-saying frame
            or (
                x not in function_words
                and (
                    (c in PREPOSITIONS and gap >= 1.0)  # the preposition frame
                    or (zx <= 3.5 and gap >= 2.0 and c not in function_words)  # a rare word
                )
            )
        ) and _frame_candidate(x, c):  # asked last: the edit costs most
            return True
    return False


def _meant(
    x: str, before, after, lead: str, trail: str, phrase: bool = False, determined: bool = False, clause: bool = False
) -> tuple[str, str] | None:
    """The word meant instead of `x` and the frame that shows it, or None. `phrase`: a noun
    phrase opened by a determiner ends just before `x`; `determined`: the word before `x` is
    itself preceded by a determiner; `clause`: "that" follows within three words."""
    p = before.text.lower() if before is not None else None
    q = after.text.lower() if after is not None else None
    x_left = pair_log(p, x) if p else 0.0
    x_right = pair_log(x, q) if q else 0.0
    if (
        q is not None
        and x in POSSESSIVES
        and p not in BE
        and not after.text[:1].isupper()
        and not (p is not None and _place_after(p, x, POSSESSIVES[x]))
    ):
        right = POSSESSIVES[x]
        c_right = pair_log(right, q)
        if c_right >= 7.0 and x_right < c_right - 1.5 and q not in ADVERBS_AFTER_THERE:
            return right, f'"{right} {q}"'
        if (
            not x_right
            and q.isalpha()
            and q not in closed_class()
            and q not in ADVERBS_AFTER_THERE
            and not q.endswith(("ing", "ed"))
            and not _is_verb(q)
            and p is not None
            and p not in PERFECT
        ):
            return right, f'"{right} {q}": "there" does not go before "{q}"'
    if (
        x == "then"
        and p is not None
        and (p.endswith("er") or p in COMPARATIVES)
        and pair_log(p, "than") >= 7.0
        and not pair_log(p, "then")
    ):
        return "than", f'"{p} than"'
    candidates = _frame_candidates(x)
    function_words = closed_class()
    zx = zipf(x)
    found = _preposition(x, p, q, after, candidates, x_left, x_right, zx, function_words)
    if found is not None:
        return found
    for c in candidates:
        gap = zipf(c) - zx
        if (
            c in SAYING
            and x not in SAYING
            and not x_left
            and gap >= 0.7
            and not _is_verb(x, clause)
            and not (q is not None and q[:1].isdigit())
        ):
            frame = _saying_frame(x, p, q, before, after, lead, trail, phrase, determined, x_right, c)
            if frame is not None:
                return c, frame
        if (
            x not in function_words
            and c not in function_words
            and p is not None
            and q is not None
            and not x_left
            and not x_right
            and zx <= 3.5
            and gap >= 2.0
            and pair_log(p, c) >= 7.5
            and pair_log(c, q) >= 7.5
            and (p not in function_words or q not in function_words)
        ):
            # a content word beside it says what fits ("public transport"); between two function
            # words ("a rock and") the counts only say which word is commoner
            return c, f'"{p} {c} {q}"'
    return None


def _frame_candidate(x: str, c: str) -> bool:
    """Whether a candidate of `x` is one the frames judge: one slip of the keys away (three
    letters or more). The classic confusions further apart, or of two-letter words ("two"/"to"),
    are the contextual model's to judge: a frame's neighbours cannot tell them apart."""
    return len(c) >= MIN_LENGTH and edit(x, c) is not None


@cache
def _frame_candidates(x: str) -> tuple[str, ...]:
    """The frames' candidates for `x` (see `_frame_candidate`), worked out once per word in a
    process: on an archive the edits of each candidate were nearly a third of the frames' time, asked
    again at every occurrence. Only the stored confusable words (`_confusable`) are asked, so
    the cache holds at most those."""
    return tuple(c for c in confusables.candidates(x) if _frame_candidate(x, c))


def _odds(log_odds: float) -> str:
    """Odds for a reader, rounded and said so: "about 300", "about 2,000", "over a million"."""
    if log_odds >= 6:
        return "over a million"
    value = 10**log_odds
    digits = max(0, len(str(int(value))) - 1)
    rounded = round(value, -digits) if value >= 10 else round(value)
    return f"about {int(rounded):,}"
