"""What the attribution rules share: cue words that open a window for a pattern, the words around
a match, and the vocabulary they read (reporting verbs, source nouns, honorifics, calendar names)."""

from __future__ import annotations

import calendar
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import NamedTuple

from ...engine.patterns import Lazy
from ...text.document import Document


def alternation(words: Iterable[str]) -> str:
    """A regular expression matching any of the words (plain words, or patterns like "a\\s+few")."""
    return "(?:" + "|".join(words) + ")"


def alternatives(pattern: str) -> frozenset[str]:
    """The words of a plain alternation such as GENERIC_NOUNS ("people|critics|...")."""
    return frozenset(pattern.strip("(?:)").split("|"))


class Cued(NamedTuple):
    """A pattern and where it can match: around one of its cue words (tokens it must contain),
    when the words beside the cue can belong to a match (`fits`, given the word texts and the
    cue's index), from `back` characters before the cue's start to `ahead` after its end. A
    pattern runs only in those windows, not over every block: the cues are rare, the patterns are
    long alternations, and scanning whole blocks made A001 the slowest rule. The neighbours count
    because the commonest cues ("it", "some", "said") mostly stand in no phrase at all. A window
    reaches back far enough for the longest lead-in ("a growing number of leading critics"), so
    the leftmost match in it is the whole phrase."""

    pattern: Lazy
    cues: frozenset[str]
    fits: Callable[[list[str], int], bool]
    back: int
    ahead: int


def next_in(words: frozenset[str]) -> Callable[[list[str], int], bool]:
    """`fits` for a pattern whose cue is followed by one of `words` (in any case)."""
    return lambda texts, k: k + 1 < len(texts) and texts[k + 1].lower() in words


#: The word, and the run of non-spaces, at the end of a stretch of text. The second is searched for
#: from the end, as its two parts (spaces, non-spaces) cannot trade characters; in the first a
#: trailing apostrophe could go to either part, and only the forward search keeps it in the word.
WORD_BEFORE = Lazy(r"([\p{L}'’-]+)[\s“\"‘']*$")

TOKEN_BEFORE = Lazy(r"(?r)(\S+)\s+$")

#: Blocks of running text: what the attribution rules read (headings are titles, not claims).
BODY = frozenset({"paragraph", "list", "quote"})


def cue_windows(
    doc: Document, cued: Mapping[str, list[int]], specs: Sequence[Cued], kinds: frozenset[str] = BODY
) -> list[list[tuple[int, int]]]:
    """For each pattern, the stretches of prose around its cue words (see Cued), within one block
    of the given kinds and never ending inside a word, merged where they overlap; found in one
    pass over the words."""
    prose = doc.prose
    out: list[list[tuple[int, int]]] = [[] for _ in specs]
    words = doc.words
    texts = words.texts
    for k in words.where(cued):
        w = words[k]
        block = doc.blocks[doc.block_at(w.start)]
        if block.kind not in kinds:
            continue
        for i in cued[w.text]:
            back, ahead, fits = specs[i].back, specs[i].ahead, specs[i].fits
            if not fits(texts, k):
                continue
            a, b = max(block.start, w.start - back), min(block.end, w.end + ahead)
            while b < block.end and prose[b].isalnum():
                b += 1  # never end a window inside a word: "claims" is not "claim"
            spans = out[i]
            if spans and a <= spans[-1][1] and spans[-1][0] >= block.start:
                spans[-1] = (spans[-1][0], max(b, spans[-1][1]))
            else:
                spans.append((a, b))
    return out


def sentence_index(doc: Document, offset: int) -> int | None:
    """The index in `doc.sentences` of the sentence holding an offset, or None."""
    sentences = doc.sentences
    i = bisect_right(sentences, (offset, float("inf"))) - 1
    return i if i >= 0 and sentences[i].start <= offset < sentences[i].end else None


CALENDAR = frozenset(n.lower() for n in (*calendar.day_name, *calendar.month_name) if n)
