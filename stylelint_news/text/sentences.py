"""A sentence splitter that knows how news is written.

News is full of full stops that end nothing: "Mr.", "Gen.", "U.S.", "J. K. Rowling", "3.5%",
"No. 10". A split in the wrong place makes every capital after it look like a sentence start
(hiding stray capitals) and a missed split makes a real sentence start look stray, so the
capitalisation and attribution rules are only as good as this.
"""

from __future__ import annotations

from ..engine.patterns import Lazy
from ..language.wordlists import CLOSED_CLASS

#: Titles and abbreviations after which a full stop never ends a sentence.
TITLES = frozenset(
    """mr mrs ms mx dr prof gen col lt sgt capt cpt cmdr adm maj rev fr st mt sen rep gov pres supt
    insp det cllr hon rt jr sr no nos vs v etc al approx dept est fig inc ltd co corp bros univ
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun""".split()
)
# Words that end a sentence with a full stop and never end an abbreviation in news copy.
NOT_ABBREVIATIONS = frozenset({"etc"})
#: Abbreviations that are also everyday words: "He said no.", "She sat.", "the sun.". Before a
#: number they are abbreviations ("No. 10", "fig. 3"); otherwise "no" is always the word, and the
#: others are when written in lower case (the abbreviations of days and months take a capital).
WORDS_TOO = frozenset({"no", "nos", "sat", "sun", "wed", "mar", "fig", "rep"})
NUMBERS_ONLY = frozenset({"no", "nos"})
NUMBER_NEXT = Lazy(r"\s+\(?\p{N}")

END = Lazy(r"""[.!?…]+['"”’)\]]*(?=\s+['"“‘(\[]?[\p{Lu}\p{N}])""")
#: Searched backwards ((?r)) from the mark: the token that ends there, found without trying every
#: position of the 60 characters before it.
LAST_TOKEN = Lazy(r"(?r)(\S+)$")
NEXT_WORD = Lazy(r"\s+['\"“‘(\[]?(\p{L}+)")
INITIALISM = Lazy(r"(?:\p{L}\.)+\p{L}?$")
SOFT_BREAK = Lazy(r"(?<=[^\s.!?:;,'\"”’)\-–—])[ \t]*\r?\n(?=[ \t]*['\"“‘(]?\p{Lu})")


def _is_boundary(text: str, end: int) -> bool:
    """Whether the punctuation that ends at `end` closes a sentence."""
    mark = text[end - 1]
    before = LAST_TOKEN.search(text, max(0, end - 60), end)
    token = before.group(1) if before else ""
    core = token.rstrip(".!?…'\"”’)]").lstrip("'\"“‘([")
    if "." not in text[end - len(token) : end].rstrip("'\"”’)]")[-1:] and mark not in ".":
        return True
    lower = core.lower()
    if lower in NOT_ABBREVIATIONS:
        return True
    following = NEXT_WORD.match(text, end)
    next_word = following.group(1) if following else ""
    if lower in WORDS_TOO and (lower in NUMBERS_ONLY or core.islower()) and not NUMBER_NEXT.match(text, end):
        return True
    if lower in TITLES:
        return False
    if (len(core) == 1 and core.isalpha() and core.isupper()) or INITIALISM.search(core):
        # "J. K. Rowling", "the U.S. Senate": a split only when a function word follows,
        # as in "talks with the U.S. The deal ...".
        return next_word.lower() in CLOSED_CLASS
    return True


def split(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in text[start:end], trimmed of surrounding whitespace."""
    end = len(text) if end is None else end
    cuts = [m.end() for m in END.finditer(text, start, end) if _is_boundary(text, m.end())]
    cuts += [m.start() for m in SOFT_BREAK.finditer(text, start, end)]
    spans = []
    a = start
    for cut in sorted(set(cuts)) + [end]:
        s, e = a, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        a = cut
    return spans
