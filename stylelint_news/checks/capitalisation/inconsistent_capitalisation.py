"""C002: one term capitalised two ways in one article."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ...engine.context import Context
from ...engine.patterns import Lazy
from ...finding import Finding
from ...language.wordlists import closed_class
from ...rule import Rule
from ...text.document import Document
from .casing import CONNECTORS, casing, is_capitalised

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
    fix_safety = "No fix: which form is right (the proper name or the common noun) is the editor's call."

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        c = casing(doc)
        function_words = closed_class()
        forms: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for slot in c.slots:
            if (
                slot.start
                or not is_capitalised(slot.word.text)
                or (slot.prev is not None and slot.prev.text[:1].isupper())
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
