"""C001: a word capitalised mid-sentence that is lowercase there."""

from __future__ import annotations

import calendar
from collections.abc import Iterator

from ...engine.context import Context
from ...finding import Finding
from ...language.wordlists import auxiliaries, closed_class
from ...rule import Rule
from ...text.document import Document
from .casing import FORWARD_CONNECTORS, casing, is_capitalised

#: A function word capitalised this often mid-sentence in one article is a name ("Which?").
NAME_REPEATS = 3

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
    fix_safety = (
        "Safe: the fix lowercases a function word that is not the start of a sentence, a quotation, a name or a title."
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
            prev_cap = slot.prev is not None and slot.prev.text[:1].isupper()
            next_cap = slot.next is not None and slot.next.text[:1].isupper()
            if doc.prose[slot.word.end : slot.word.end + 1] in ("?", "!"):
                continue  # a title that asks or exclaims: "Which?", "Are We There Yet?"
            if next_cap and slot.prev is not None and slot.prev.text.lower() in WORKS:
                continue  # a title after the kind of work it names: "the sitcom The Office"
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
