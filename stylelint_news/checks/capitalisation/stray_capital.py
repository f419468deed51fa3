"""C001: a word capitalised mid-sentence that is lowercase there."""

from __future__ import annotations

import calendar
from collections.abc import Iterator

from ...engine.context import Context
from ...finding import Edit, Finding
from ...language.wordlists import auxiliaries, closed_class
from ...rule import Rule
from ...text.document import Document
from .casing import FORWARD_CONNECTORS, Slot, casing, is_capitalised
from .evidence import before_body_or_place, clause_break, raw_prev, stray_beside_name, titled

#: A function word capitalised this often mid-sentence in one article is a name ("Which?").
NAME_REPEATS = 3

#: Function words that are also month names ("in May"), from the calendar itself.
MONTHS = frozenset(m.lower() for m in calendar.month_name if m)


class StrayCapital(Rule):
    code = "C001"
    name = "stray-capital"
    summary = "A word capitalised mid-sentence that is lowercase there."
    what = (
        "Flags a capital on a function word in the middle of a sentence: a pronoun, determiner, "
        'preposition, conjunction, auxiliary or such adverb ("Themselves", "The" before a common '
        'noun, "Their", "Also"), which English never capitalises there; a function word beside a '
        'name that no name holds there ("Luxembourg With five each", "a move For France"); and '
        '"The" before the name of a place, body or event ("across The North Sea"). Where a new '
        'sentence seems to start at the capital ("at high speed They spend") it says that a full '
        "stop is missing. Sentence starts, the first word after a colon or an opening quote, "
        'names and titles of works ("The Hague", "Of Mice and Men", "the Who", "the show Later... '
        'With Jools Holland"), headings, numbered headings, datelines, "I" and initialisms pass.'
    )
    why = "A stray capital reads as a typo or as a name that is not there; readers stumble on it."
    bad = "The council said the decision was Their own and would stand."
    good = 'The council said the decision was their own, and Mr Jones said: "They will appeal."'
    fix_safety = (
        "Safe only for a function word with lowercase words on both sides and no clause of its own "
        'after it ("was Their own"): lowercasing it then changes no name and makes no run-on '
        'sentence. Unsafe next to a capital (the word may begin or end a name: "The Who"), for "The" '
        "before a place or body, and where a new sentence seems to start: there the fix adds the "
        'missing full stop ("speed. They spend"), which an editor should read.'
    )

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
            if titled(doc, slot):
                continue
            prev_cap = slot.prev is not None and slot.prev.text[:1].isupper()
            next_cap = slot.next is not None and slot.next.text[:1].isupper()
            if (
                next_cap
                and not prev_cap
                and slot.next is not None
                and slot.next.text.isupper()
                and len(slot.next.text) > 1
            ):
                pass  # "in The UK": an article before an initialism is not part of a name
            elif (
                lower in verbs
                and prev_cap
                and not next_cap
                and slot.next is not None
                and slot.next.text not in FORWARD_CONNECTORS
            ):
                pass  # "America Would be", "Microsoft Has unveiled": a name does not end in an auxiliary
            elif before_body_or_place(doc, slot):
                yield self.report(
                    doc,
                    slot.word.start,
                    slot.word.end,
                    'capital "The" before the name of a place, body or event: news style writes "the"',
                    suggestions=["the"],
                    replacement="the",
                    safe=False,
                )
                continue
            elif slot.in_name() and not stray_beside_name(doc, slot):
                continue  # "The Hague", "Of Mice and Men", "Bank of England": a name or title
            yield self._finding(doc, slot, self._may_touch_name(doc, slot, lower in verbs))

    @staticmethod
    def _may_touch_name(doc: Document, slot: Slot, auxiliary: bool) -> bool:
        """Whether lowercasing the word could change a name: a capital follows it (but not an
        initialism: "in The UK" is no name), or one comes before it (but not before an
        auxiliary and a lowercase verb: "Lisbon Would not")."""
        nxt, prev = slot.next, raw_prev(doc, slot)
        if nxt is not None and nxt.text[:1].isupper() and not (nxt.text.isupper() and len(nxt.text) > 1):
            return True
        return prev is not None and prev.text[:1].isupper() and not auxiliary

    def _finding(self, doc: Document, slot: Slot, beside_capital: bool) -> Finding:
        """The finding: a missing full stop when a sentence seems to start at the word; else a
        stray capital, whose fix is safe only with lowercase words on both sides (next to a
        capital the word may yet begin or end a name) and no clause of its own after it."""
        w = slot.word
        lower = w.text.lower()
        sentence = clause_break(doc, slot)
        if sentence == "missing":
            words = doc.words
            gap_start = words.ends[slot.index - 1]
            gap = doc.prose[gap_start : w.start]
            edits = [Edit(gap_start, w.start, ". ")] if gap.strip() in ("", ",") else None
            return self.report(
                doc,
                w.start,
                w.end,
                f'capital "{w.text}" mid-sentence: a full stop seems to be missing before it (or write "{lower}")',
                suggestions=[lower],
                edits=edits,
                safe=False,
            )
        return self.report(
            doc,
            w.start,
            w.end,
            f'stray capital "{w.text}" mid-sentence: write "{lower}"',
            suggestions=[lower],
            replacement=lower,
            safe=not beside_capital and not sentence,
        )
