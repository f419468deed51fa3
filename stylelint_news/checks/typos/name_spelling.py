"""T004: a name spelt one letter differently from where the article names someone in full."""

from __future__ import annotations

from collections.abc import Iterator

from ...engine.context import Context
from ...engine.patterns import Lazy
from ...finding import Finding
from ...language.lexicon import zipf
from ...language.people import KNOWN_SURNAME_RANK, full_namings, is_slip_of, surname_rank
from ...rule import Rule
from ...text.document import Document

NAME_WORD = Lazy(r"(?<![\p{L}-])\p{Lu}\p{Ll}{4,}(?![\p{L}-])")

#: A name rarer than this (wordfreq Zipf of its lowercase form) and past people.KNOWN_SURNAME_RANK
#: is no word or common surname of its own ("Wierzbiki", not "Clark" beside "Clarke").
RARE = 2.5


class NameSpelling(Rule):
    code = "T004"
    name = "name-spelling"
    summary = "A name spelt one letter differently from where the article names someone in full."
    what = (
        "Flags a capitalised word that is never part of a full name itself but is one letter "
        "away (dropped, added, changed or two swapped, first letter kept) from a name the "
        'article gives in full: "Grace Okafor" ... "Ms Okafro". Words and common '
        'surnames pass ("Clark" beside "Clarke" may be a second person), and so does a '
        "word that is named in full itself."
    )
    why = (
        "A misspelt name is the error readers and the people named notice first; a spell "
        "checker cannot see it, and the bare-surname rule would wrongly ask for a full name. Off by "
        "default for now (--extend-select T004): on 2,337 published articles it finds 25 names "
        "spelt two ways and one pair of different people, but every one "
        "counts against the family's measured precision on the labelled drafts."
    )
    default = False
    bad = "The inquiry was chaired by Lindiwe Abernathy.\n\nMrs Abernaty said the findings were clear."
    good = "The inquiry was chaired by Lindiwe Abernathy.\n\nMrs Abernathy said the findings were clear."
    fix_safety = (
        "Unsafe: the article spells the name one way at its full naming, but either spelling may be "
        "the person's own; `--unsafe-fixes` writes the full naming's."
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        prose = doc.prose
        firsts: dict[str, int] | None = None
        verdicts: dict[str, str | None] = {}
        own = set(ctx.words)
        for block in doc.blocks:
            for m in NAME_WORD.finditer(prose, block.start, block.end):
                word = m.group()
                if word not in verdicts:
                    if firsts is None:
                        headline = doc.headline.text if doc.headline is not None else ""
                        firsts = full_namings(headline, prose)
                    verdicts[word] = None
                    rank = surname_rank(word) if word not in firsts and word not in own else 0
                    if (rank is not None and rank <= KNOWN_SURNAME_RANK) or zipf(word.lower()) >= RARE:
                        continue
                    verdicts[word] = next(
                        (k for k in firsts if is_slip_of(word, k) and _same_person(word, k, rank)), None
                    )
                right = verdicts[word]
                if right is not None and firsts is not None:
                    line = doc.position(max(0, firsts[right]))[0]
                    yield self.report(
                        doc,
                        m.start(),
                        m.end(),
                        f'"{word}" is spelt "{right}" at line {line}: use one spelling',
                        suggestions=[right],
                        replacement=right,
                        safe=False,
                    )


def _same_person(word: str, known: str, rank: int | None) -> bool:
    """Whether a near-identical name is a slip rather than someone else: not a plural or a family
    ("the Wierzbickis", "two Emmys"), and not a real surname beside a common one ("Parter" and
    "Porter" may be two people)."""
    if word in (known + "s", known + "es") or known in (word + "s", word + "es"):
        return False
    return not (rank is not None and zipf(known.lower()) >= 3.0)
