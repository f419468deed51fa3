"""Typos (T): misspellings, real-word errors, and a word written twice."""
from __future__ import annotations

from collections.abc import Iterator

from ..document import Document
from ..finding import Edit, Finding
from ..hookspecs import hookimpl
from ..rule import Context, Rule

#: Words English allows twice in a row ("what he had had", "he said that that was all"),
#: and reduplications that are words in their own right.
GRAMMATICAL_DOUBLES = frozenset({"had", "that", "is", "do", "bye", "no", "so", "tut", "knock", "ha", "chop", "pooh", "boo"})


class RepeatedWord(Rule):
    code = "T003"
    name = "repeated-word"
    summary = "A word written twice in a row."
    what = ("Flags a word followed at once by the same word, also across a line break: \"the the\", "
            "\"to to\". English allows a few doubles (\"had had\", \"that that\") and names repeat "
            "(\"Duran Duran\"); those pass.")
    why = "The eye skips a doubled word, especially across a line break; readers do not."
    bad = "The council will meet to to discuss the budget."
    good = "The council will meet to discuss the budget."

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        words = doc.words
        prose = doc.prose
        for a, b in zip(words, words[1:]):
            if a.text.lower() != b.text.lower() or not a.text.isalpha():
                continue
            if prose[a.end:b.start].strip() or a.text.lower() in GRAMMATICAL_DOUBLES:
                continue
            if b.text[:1].isupper():
                continue  # "Duran Duran", "Sirhan Sirhan": a name, not a slip
            gap = prose[a.end:b.start]
            if "\n" in gap:  # keep the line break where the writer put it: drop the first copy
                cut = Edit(len(prose[:a.start].rstrip(" \t")), a.end, "")
            else:
                cut = Edit(a.end, b.end, "")
            yield self.report(doc, a.start, b.end, f'repeated word "{b.text}": delete the second one',
                              suggestions=[a.text], edits=[cut])


@hookimpl
def stylelint_news_rules():
    return [RepeatedWord()]
