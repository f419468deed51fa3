"""T001: a word that is not English."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from functools import partial

from ...engine.context import Context
from ...engine.patterns import Lazy
from ...engine.verdicts import Verdicts
from ...finding import Finding
from ...language import spelling
from ...rule import Rule
from ...text.document import CLITIC, Document

ENTITY_BEFORE = Lazy(r"&#?\w+;$")  # "B&#233;ziers": "ziers" is half a word


CAPITALISED = Lazy(r"\p{Lu}[\p{L}'’-]*")


class Misspelling(Rule):
    code = "T001"
    level = "error"
    name = "misspelling"
    summary = "A word that is not English."
    what = (
        "Flags a lowercase word that is not in the lexicon (wordfreq's 321,000 English words, "
        "with productive affixes and compounds) or that codespell lists as a misspelling, and "
        "suggests the likeliest correction (the commonest word one edit away). Names and other "
        "capitalised words, words the article capitalises elsewhere, initialisms, hyphenated "
        "compounds, contractions and possessives, numbers and units, URLs, e-mail addresses, "
        "handles, hashtags and the newsroom's own `words` pass. British and American spellings "
        "both pass unless `dialect` is set."
    )
    why = "A misspelt word is the first thing a reader notices and the last thing a writer sees."
    bad = "The harbour authority was finaly listening to the recomendations of residents."
    good = "The harbour authority was finally listening to the recommendations of residents."
    fix_safety = (
        "Unsafe: the suggestion is the likeliest word one edit away, and a slip can stand for more "
        'than one word ("nto" may be "not" or "into"); `--unsafe-fixes` applies it.'
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        prose = doc.prose
        words = doc.words
        judge = ctx.run.memo(
            ("T001 suspects", ctx.dialect, ctx.words),
            lambda: Verdicts(
                partial(
                    _suspect,
                    own=frozenset(w.lower() for w in ctx.words),
                    wrong_dialect=spelling.wrong_dialect(ctx.dialect),
                )
            ),
        )
        suspects = judge.hits_among(words.texts)
        if not suspects:
            return
        wrong_dialect = spelling.wrong_dialect(ctx.dialect)
        context = _Context(doc)
        for i in words.where(suspects):
            w = words[i]
            base, right = suspects[w.text]
            if (
                base in context.capitalised
                or prose[w.start - 1 : w.start] in ("@", "#", "&")
                or prose[w.end : w.end + 1] == "&"
                or ENTITY_BEFORE.search(doc.text, max(0, w.start - 10), w.start)
            ):
                continue
            if base in wrong_dialect:
                yield self.report(
                    doc,
                    w.start,
                    w.start + len(base),
                    f'"{base}" is not {ctx.dialect} spelling: write "{right}"',
                    suggestions=[right],
                    replacement=right,
                    safe=False,
                )
                continue
            if context.counts[w.text.lower()] > 1 and not spelling.is_listed(base):
                continue  # a typo is made once; a word written the same way twice is meant
            yield self.report(
                doc,
                w.start,
                w.start + len(base),
                f'misspelt "{base}": did you mean "{right}"?',
                suggestions=[right],
                replacement=right,
                safe=False,
            )


def _suspect(text: str, own: frozenset[str], wrong_dialect: Mapping[str, str]) -> tuple[str, str] | None:
    """(the word without its clitic, the correction) if a token looks misspelt out of context."""
    if "'" not in text and "’" not in text:
        base = text
    elif text.endswith(("n't", "n’t")):
        base = text[:-3]
    else:
        base = CLITIC.sub("", text)
    if len(base) < 3 or not base.isalpha() or not base.islower() or "-" in text or base in own:
        return None
    right = wrong_dialect.get(base)
    if right is None:
        wrong, right = spelling.misspelling(base)
        if not wrong or not right:
            return None
    return base, right


class _Context:
    """What T001 needs of the whole article to clear a suspect: the words it capitalises
    somewhere (names) and how often each word occurs (a typo is made once)."""

    def __init__(self, doc: Document) -> None:
        texts = doc.words.texts
        self.capitalised = {t.lower() for t in texts if t[:1].isupper()}
        if doc.headline is not None:
            self.capitalised.update(t.lower() for t in CAPITALISED.findall(doc.headline.text))
        self.counts = Counter(map(str.lower, texts))
