"""Capitalisation (C): a stray capital mid-sentence, and one term capitalised two ways.

Most capitals mid-sentence are right: names, titles of works, quotations that open a sentence,
the first word after a colon. So a capital is only a suspect when it is not at any kind of
start, and only flagged with evidence that it is wrong: a function word (never capitalised
mid-sentence, see data/closed_class.txt) that does not begin a name or title, or a word the
article itself writes in lowercase elsewhere.
"""

from __future__ import annotations

import calendar
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ..document import Document, Word
from ..finding import Finding
from ..hookspecs import hookimpl
from ..patterns import Lazy
from ..rule import Context, Rule
from ..words import auxiliaries, closed_class

#: Characters that make the next word a start: a colon, an opening quote or bracket, a dash,
#: a bullet, or sentence punctuation the splitter did not cut at.
OPENERS = frozenset(":“\"‘'([{•*.!?…;/|")
#: A dash or a closing bracket opens only after a dateline ("LONDON (Reuters) - The") or a list
#: number ("1) If"); elsewhere "the match - Which has" is mid-sentence.
DATELINE_DASH = Lazy(r"(?:\p{Lu}{2,}|\))\s*[-–—]\s*$")
LIST_NUMBER = Lazy(r"(?:^|\s)(?:\d{1,2}|\p{L})\)\s*$")
#: A function word capitalised this often mid-sentence in one article is a name ("Which?").
NAME_REPEATS = 3
#: Lowercase words that join the capitalised words of a name or title: "Bank of England",
#: "Not the End of the World", "Will and Grace", "Who is Sylvia?".
CONNECTORS = frozenset("of for and or the a an & de du da del der van von la le in on at to with".split())
#: Joining forwards only: "Who is Sylvia?", "Where is the Love?" (but not "Holloway is Also").
FORWARD_CONNECTORS = CONNECTORS | {"is", "are", "was", "were"}
#: Kinds of work whose title follows them: "the TV programme The OC", "the film The Aviator".
WORKS = frozenset(
    {
        "programme",
        "program",
        "show",
        "series",
        "sitcom",
        "soap",
        "documentary",
        "drama",
        "comedy",
        "film",
        "movie",
        "album",
        "single",
        "song",
        "track",
        "book",
        "novel",
        "play",
        "musical",
        "opera",
        "magazine",
        "newspaper",
        "game",
        "poem",
        "painting",
        "exhibition",
        "title",
    }
)
#: Function words that are also month names ("in May"), from the calendar itself.
MONTHS = frozenset(m.lower() for m in calendar.month_name if m)


@lru_cache(maxsize=4)
def _capitalised(words: frozenset[str]) -> frozenset[str]:
    """The words as a capital starts them ("their" -> "Their"), worked out once per list."""
    return frozenset(w.capitalize() for w in words if len(w) > 1)


def is_capitalised(word: str) -> bool:
    """Title-case word: "Whose", "The"; not "NATO", "McDonald", "iPhone" or "I"."""
    return (
        len(word) > 1 and word[0].isupper() and (word[1:].islower() or "-" in word and word.split("-")[0][1:].islower())
    )


@dataclass(frozen=True)
class Slot:
    """A word mid-sentence, with its neighbours when nothing but spaces parts them."""

    word: Word
    prev: Word | None
    next: Word | None
    start: bool  # the first word of a sentence, or after a colon, quote, bracket or dash
    after: Word | None = None  # the word after `next`, when only spaces part them
    before: Word | None = None  # the word before `prev`, when only spaces part them

    def in_name(self) -> bool:
        """Whether the word belongs to a run of capitalised words, possibly joined by connectors."""

        def cap(w: Word | None) -> bool:
            return w is not None and w.text[:1].isupper()

        return (
            cap(self.next)
            or self.next is not None
            and self.next.text[:1].isdigit()
            or cap(self.prev)
            or self.next is not None
            and self.next.text in FORWARD_CONNECTORS
            and cap(self.after)
            or self.prev is not None
            and self.prev.text in CONNECTORS
            and cap(self.before)
        )


class Casing:
    """The article's capitalised words in sentence context, computed once for C001 and C002."""

    def __init__(self, doc: Document, only: frozenset[str] | None = None) -> None:
        """`only`: the lowercase words whose capitals matter, at no start (C001 reads function
        words mid-sentence alone, and skipping the rest, mostly names and the capital that opens
        every sentence, is most of its time); None for every capitalised word, starts too."""
        self.doc = doc
        self.slots: list[Slot] = []
        words = doc.words
        starts = words.starts
        prose = doc.prose
        function_words = closed_class()
        wanted = None if only is None else _capitalised(only)
        # both rules are about capitals: lowercase words are only neighbours, never looked at alone
        hits = (
            words.where(wanted) if wanted is not None else [j for j, t in enumerate(words.texts) if is_capitalised(t)]
        )
        sentences = doc.sentences
        sentence_starts = [s.start for s in sentences]
        headings = [(b.start, b.end) for b in doc.blocks if b.kind == "heading"]
        lo, hi, skip = 0, 0, True  # the words [lo, hi) of the last hit's sentence
        for j in hits:
            if not lo <= j < hi:
                k = bisect_right(sentence_starts, starts[j]) - 1
                if k < 0 or starts[j] >= sentences[k].end:
                    continue  # outside every sentence
                s = sentences[k]
                lo, hi = bisect_left(starts, s.start), bisect_left(starts, s.end)
                skip = bool(headings) and any(a <= s.start < b for a, b in headings)
            if skip:
                continue
            w, i = words[j], j - lo  # i: the word's place in its sentence
            gap_before = prose[words.ends[j - 1] : w.start] if i else ""
            start = (
                i == 0
                or any(c in OPENERS for c in gap_before)
                or bool(
                    ("-" in gap_before or "–" in gap_before or "—" in gap_before or ")" in gap_before)
                    and (
                        DATELINE_DASH.search(prose, max(s.start, w.start - 40), w.start)
                        or LIST_NUMBER.search(prose, max(s.start, w.start - 40), w.start)
                        or not prose[s.start : w.start].strip(" \t-–—•*")
                    )
                )
            )
            if start and only is not None:
                continue
            prev = words[j - 1] if i and not gap_before.strip() else None
            if prev is not None and i == 1 and prev.text.lower() in function_words:
                prev = None  # "Some of The world's": a capital at the start is no sign of a name
            nxt = None
            if j + 1 < hi and not prose[w.end : starts[j + 1]].strip():
                nxt = words[j + 1]
            after = before = None
            if nxt is not None and j + 2 < hi and not prose[nxt.end : starts[j + 2]].strip():
                after = words[j + 2]
            if prev is not None and i >= 2 and not prose[words.ends[j - 2] : prev.start].strip():
                before = words[j - 2]
                if i == 2 and before.text.lower() in function_words:
                    before = None
            self.slots.append(Slot(w, prev, nxt, start, after, before))

    @cached_property
    def capital_mid(self) -> Counter[str]:
        """How often each word appears capitalised mid-sentence, not as the first word of a name
        ("The" in "The Aviator" is not counted: a capital there says nothing about "The" alone)."""
        return Counter(
            s.word.text
            for s in self.slots
            if not s.start and is_capitalised(s.word.text) and not (s.next is not None and s.next.text[:1].isupper())
        )


def casing(doc: Document, function_words_only: bool = False) -> Casing:
    if function_words_only:
        return doc.memo("casing:function-words", lambda d: Casing(d, closed_class()))
    return doc.memo("casing", Casing)


class StrayCapital(Rule):
    code = "C001"
    name = "stray-capital"
    summary = "A word capitalised mid-sentence that is lowercase there."
    what = (
        "Flags a capital on a function word in the middle of a sentence: a pronoun, determiner, "
        'preposition, conjunction, auxiliary or such adverb ("Themselves", "The" before a common '
        'noun, "Their", "Also"), which English never capitalises there. Sentence starts, the '
        'first word after a colon or an opening quote, names and titles of works ("The '
        'Hague", "Of Mice and Men"), headings, "I" and initialisms pass.'
    )
    why = "A stray capital reads as a typo or as a name that is not there; readers stumble on it."
    bad = "The council said the decision was Their own and would stand."
    good = 'The council said the decision was their own, and Mr Jones said: "They will appeal."'

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        c = casing(doc, function_words_only=True)
        function_words = closed_class()
        verbs = auxiliaries()
        for slot in c.slots:
            text = slot.word.text
            if slot.start or not is_capitalised(text) or "-" in text:
                continue
            lower = text.lower()
            if lower not in function_words or lower in MONTHS or c.capital_mid[text] >= NAME_REPEATS:
                continue
            prev_cap = slot.prev is not None and slot.prev.text[:1].isupper()
            next_cap = slot.next is not None and slot.next.text[:1].isupper()
            if doc.prose[slot.word.end : slot.word.end + 1] in ("?", "!"):
                continue  # a title that asks or exclaims: "Which?", "Are We There Yet?"
            if next_cap and slot.prev is not None and slot.prev.text.lower() in WORKS:
                continue  # a title after the kind of work it names: "the sitcom The Office"
            if next_cap and not prev_cap and slot.next.text.isupper() and len(slot.next.text) > 1:
                pass  # "in The UK": an article before an initialism is not part of a name
            elif (
                lower in verbs
                and prev_cap
                and not next_cap
                and slot.next is not None
                and slot.next.text not in FORWARD_CONNECTORS
            ):
                pass  # "America Would be", "Microsoft Has unveiled": a name does not end in an auxiliary
            elif slot.in_name():
                continue  # "The Hague", "Of Mice and Men", "Bank of England": a name or title
            yield self.report(
                doc,
                slot.word.start,
                slot.word.end,
                f'stray capital "{text}" mid-sentence: write "{lower}"',
                suggestions=[lower],
                replacement=lower,
            )


TERM = Lazy(r"\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+)+")


class InconsistentCapitalisation(Rule):
    code = "C002"
    name = "inconsistent-capitalisation"
    summary = "One term capitalised two ways in one article."
    what = (
        "Flags a term of two or more words written in title case in one place and in lowercase "
        'in another ("the Open Door Policy" ... "the open door policy"). The later form is '
        "reported, with the earlier one and its line."
    )
    why = (
        "Readers take a capitalised term for a proper name; two spellings make them wonder if there "
        "are two things. Off by default: many newsrooms capitalise an office before a name and not "
        'elsewhere ("Prime Minister Tony Blair", "the prime minister"), so this is a check an '
        "editor turns on for a consistency pass (--extend-select C002)."
    )
    default = False
    bad = "The Open Door Policy was agreed in May. Critics say the open door policy has failed."
    good = "The open door policy was agreed in May. Critics say the open door policy has failed."

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        c = casing(doc)
        function_words = closed_class()
        forms: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for slot in c.slots:
            if (
                slot.start
                or not is_capitalised(slot.word.text)
                or slot.prev is not None
                and slot.prev.text[:1].isupper()
            ):
                continue
            if (
                slot.prev is not None
                and slot.prev.text in CONNECTORS
                and slot.before is not None
                and slot.before.text[:1].isupper()
            ):
                continue  # "Office for National Statistics": the term is part of a longer name
            m = TERM.match(doc.prose, slot.word.start)
            if m is None:
                continue
            words = m.group().split()
            if words[0].lower() in function_words or all(w.lower() in function_words for w in words):
                continue
            key = " ".join(w.lower() for w in words)
            forms[key].append((m.start(), m.end(), m.group()))
        prose = doc.prose
        for key, capitals in forms.items():
            lowers = list(_lowercase_uses(prose, key))
            if not lowers:
                continue
            uses = sorted(capitals + lowers)
            first = uses[0]
            line = doc.position(first[0])[0]
            for start, end, text in uses[1:]:
                if (text[:1].isupper()) != (first[2][:1].isupper()):
                    yield self.report(
                        doc,
                        start,
                        end,
                        f'"{text}" is written "{first[2]}" at line {line}: use one form',
                        suggestions=[first[2]],
                    )


def _lowercase_uses(prose: str, term: str) -> Iterator[tuple[int, int, str]]:
    """Where a lowercase term stands as words of its own (plain string search: compiling a
    pattern per term made C002 the slowest rule)."""
    at = prose.find(term)
    while at >= 0:
        end = at + len(term)
        before = prose[at - 1] if at else " "
        after = prose[end] if end < len(prose) else " "
        if not (before.isalpha() or before == "-" or after.isalpha() or after == "-"):
            yield at, end, term
        at = prose.find(term, at + 1)


@hookimpl
def stylelint_news_rules():
    return [StrayCapital(), InconsistentCapitalisation()]
