"""The article's capitals in sentence context, built once for C001 and C002.

Most capitals mid-sentence are right: names, titles of works, quotations that open a sentence,
the first word after a colon. So a capital is only a suspect when it is not at any kind of start;
a `Slot` holds such a word with its neighbours, and says whether it belongs to a run of
capitalised words (a name or a title).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ...engine.patterns import Lazy
from ...language.wordlists import closed_class
from ...text.document import Document, Word

#: Characters that make the next word a start: a colon, an opening quote or bracket, a dash,
#: a bullet, or sentence punctuation the splitter did not cut at.
OPENERS = frozenset(":“\"‘'([{•*.!?…;/|")

#: A dash or a closing bracket opens only after a dateline ("LONDON (Reuters) - The") or a list
#: number ("1) If"); elsewhere "the match - Which has" is mid-sentence.
DATELINE_DASH = Lazy(r"(?:\p{Lu}{2,}|\))\s*[-–—]\s*$")

#: (A lookbehind, not "^": a search that starts at the sentence's start cannot see "^" there.)
LIST_NUMBER = Lazy(r"(?<![\p{L}\p{N}])(?:\d{1,2}|\p{L})\)\s*$")

#: A dateline of place names before a dash at the start of a story: "Evansville, Indiana, United
#: States - This past week", "ROME, 3 May (AP) - The".
_PLACE = r"\p{Lu}[\p{L}.'’]*(?:[ \t]+[\p{Lu}\p{N}][\p{L}\p{N}.'’]*)*"
DATELINE = Lazy(rf"{_PLACE}(?:,[ \t]*{_PLACE})*(?:,?[ \t]*\([^)\n]{{1,40}}\))?[ \t]*[-–—]+[ \t]*")

#: What may stand between the start of a line and its first word in a list or a numbered
#: heading: "2 The labradoodle", "- The bill", "iv) The", "[note 8] How", "(b) A".
LINE_MARKER = Lazy(r"[ \t]*(?:[-–—•*+>]|\(?\d{1,3}[.):]?|\(?\p{L}[.)]|[ivxIVX]{1,4}[.)]|\[[^\]\n]{1,40}\])[ \t]+$")

#: Lowercase words that join the capitalised words of a name or title: "Bank of England",
#: "Not the End of the World", "Will and Grace", "Who is Sylvia?".
CONNECTORS = frozenset("of for and or the a an & de du da del der van von la le in on at to with".split())

#: Joining forwards only: "Who is Sylvia?", "Where is the Love?" (but not "Holloway is Also").
FORWARD_CONNECTORS = CONNECTORS | {"is", "are", "was", "were"}


@lru_cache(maxsize=4)
def _capitalised(words: frozenset[str]) -> frozenset[str]:
    """The words as a capital starts them ("their" -> "Their"), worked out once per list."""
    return frozenset(w.capitalize() for w in words if len(w) > 1)


def is_capitalised(word: str) -> bool:
    """Title-case word: "Whose", "The"; not "NATO", "McDonald", "iPhone" or "I"."""
    return (
        len(word) > 1
        and word[0].isupper()
        and (word[1:].islower() or ("-" in word and word.split("-", maxsplit=1)[0][1:].islower()))
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
    index: int = -1  # the word's index in the document's words
    sentence: tuple[int, int] = (0, 0)  # the indexes [lo, hi) of its sentence's words

    def in_name(self) -> bool:
        """Whether the word belongs to a run of capitalised words, possibly joined by connectors."""

        def cap(w: Word | None) -> bool:
            return w is not None and w.text[:1].isupper()

        return (
            cap(self.next)
            or (self.next is not None and self.next.text[:1].isdigit())
            or cap(self.prev)
            or (self.next is not None and self.next.text in FORWARD_CONNECTORS and cap(self.after))
            or (self.prev is not None and self.prev.text in CONNECTORS and cap(self.before))
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
                or bool(LINE_MARKER.fullmatch(prose, prose.rfind("\n", 0, w.start) + 1, w.start))
                or bool(
                    ("-" in gap_before or "–" in gap_before or "—" in gap_before or ")" in gap_before)
                    and (
                        DATELINE_DASH.search(prose, max(s.start, w.start - 40), w.start)
                        or LIST_NUMBER.search(prose, max(s.start, w.start - 40), w.start)
                        or DATELINE.fullmatch(prose, s.start, w.start)
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
            self.slots.append(Slot(w, prev, nxt, start, after, before, j, (lo, hi)))

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
