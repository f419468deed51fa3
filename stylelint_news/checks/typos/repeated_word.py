"""T003: a word written twice in a row."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress, count, islice
from operator import eq

from ...engine.context import Context
from ...finding import Edit, Finding
from ...rule import Rule
from ...text.document import Document

#: Words English allows twice in a row ("what he had had", "he said that that was all"),
#: and reduplications that are words in their own right.
GRAMMATICAL_DOUBLES = frozenset(
    {"had", "that", "is", "do", "bye", "no", "so", "tut", "knock", "ha", "chop", "pooh", "boo"}
)


class RepeatedWord(Rule):
    code = "T003"
    level = "error"
    name = "repeated-word"
    summary = "A word written twice in a row."
    what = (
        'Flags a word followed at once by the same word, also across a line break: "the the", '
        '"to to". English allows a few doubles ("had had", "that that") and names repeat '
        '("Duran Duran"); those pass.'
    )
    why = "The eye skips a doubled word, especially across a line break; readers do not."
    bad = "The council will meet to to discuss the budget."
    good = "The council will meet to discuss the budget."
    fix_safety = (
        "Safe: the fix deletes the second of two identical words (the first, across a line break, "
        "so the break stays where it was), which no reading of the sentence needs twice."
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        words = doc.words
        prose = doc.prose
        lower = list(map(str.lower, words.texts))
        for i in compress(count(), map(eq, lower, islice(lower, 1, None))):  # only the doubles reach Python
            a, b = words[i], words[i + 1]
            if len(a.text) != len(b.text) or not a.text.isalpha():
                continue
            if doc.text[a.end : b.start].strip() or a.text.lower() in GRAMMATICAL_DOUBLES:
                continue  # the file's own text, not the prose view: a blanked link or URL is not a space
            if b.text[:1].isupper():
                continue  # "Duran Duran", "Sirhan Sirhan": a name, not a slip
            gap = doc.text[a.end : b.start]
            if "\n" in gap:  # keep the line break where the writer put it: drop the first copy
                cut = Edit(len(prose[: a.start].rstrip(" \t")), a.end, "")
            else:
                cut = Edit(a.end, b.end, "")
            yield self.report(
                doc,
                a.start,
                b.end,
                f'repeated word "{b.text}": delete the second one',
                suggestions=[a.text],
                edits=[cut],
            )
