"""Typos (T): misspellings, real-word errors, and a word written twice."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import regex

from .. import spelling
from ..document import Document
from ..finding import Edit, Finding
from ..hookspecs import hookimpl
from ..rule import Context, Rule

#: Words English allows twice in a row ("what he had had", "he said that that was all"),
#: and reduplications that are words in their own right.
GRAMMATICAL_DOUBLES = frozenset({"had", "that", "is", "do", "bye", "no", "so", "tut", "knock", "ha", "chop", "pooh", "boo"})


class Misspelling(Rule):
    code = "T001"
    name = "misspelling"
    summary = "A word that is not English."
    what = ("Flags a lowercase word that is not in the lexicon (wordfreq's 321,000 English words, "
            "with productive affixes and compounds) or that codespell lists as a misspelling, and "
            "suggests the likeliest correction (the commonest word one edit away). Names and other "
            "capitalised words, words the article capitalises elsewhere, initialisms, hyphenated "
            "compounds, contractions and possessives, numbers and units, URLs, e-mail addresses, "
            "handles, hashtags and the newsroom's own `words` pass. British and American spellings "
            "both pass unless `dialect` is set.")
    why = "A misspelt word is the first thing a reader notices and the last thing a writer sees."
    bad = "The harbour authority was finaly listening to the recomendations of residents."
    good = "The harbour authority was finally listening to the recommendations of residents."

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        prose = doc.prose
        words = doc.words
        capitalised = {w.text.lower() for w in words if w.text[:1].isupper()}
        if doc.headline is not None:
            capitalised.update(t.lower() for t in regex.findall(r"\p{Lu}[\p{L}'’-]*", doc.headline.text))
        own = {w.lower() for w in ctx.words}
        gb_us, us_gb = spelling.dialect_pairs()
        wrong_dialect = us_gb if ctx.dialect == "en-GB" else gb_us if ctx.dialect == "en-US" else {}
        verdicts: dict[str, tuple[bool, str | None]] = {}
        counts = Counter(w.text.lower() for w in words)
        for w in words:
            text = w.text
            if text.endswith(("n't", "n’t")):
                base = text[:-3]
            else:
                base = regex.sub(r"['’](?:s|d|ll|re|ve|m)$", "", text)
            if not base.isalpha() or not base.islower() or "-" in text or len(base) < 3:
                continue
            if base in own or base in capitalised or prose[w.start - 1:w.start] in ("@", "#", "&") \
                    or prose[w.end:w.end + 1] == "&":
                continue
            if base in wrong_dialect:
                right = wrong_dialect[base]
                yield self.report(doc, w.start, w.start + len(base),
                                  f'"{base}" is not {ctx.dialect} spelling: write "{right}"',
                                  suggestions=[right], replacement=right, safe=False)
                continue
            verdict = verdicts.get(base)
            if verdict is None:
                verdict = verdicts[base] = spelling.misspelling(base)
            wrong, right = verdict
            if not wrong or not right or counts[text.lower()] > 1 and not spelling.is_listed(base):
                continue  # a typo is made once; a word written the same way twice is meant
            yield self.report(doc, w.start, w.start + len(base), f'misspelt "{base}": did you mean "{right}"?',
                              suggestions=[right], replacement=right, safe=False)


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
    return [Misspelling(), RepeatedWord()]
