"""The desk's vocabulary, as Vale keeps one: terms no rule may flag, and terms always flagged.

An accepted term ("Kiev" at a desk that keeps the old spelling, a minister's name the speller
does not know) silences every rule whose finding lies within it: the spelling rule, a pack's
substitution, a capitalisation rule alike. The engine applies it to every rule's findings, so
no rule needs to know of it. A rejected term is flagged wherever a reader would see it, by S001,
a rule of its own so that it can be selected, ignored and given a level like any other; an
accepted term never hides a rejected one.

Each term is a word, a phrase or a regular expression, matched case-sensitively (`(?i)` at its
start ignores case) and never inside a longer word: "Kiev" is not found in "Kievan".
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex

from ..config import Vocabulary
from ..errors import RuleSkipped, UsageError
from ..finding import Finding
from ..hookspecs import hookimpl
from ..packs.budget import PatternBudget, active
from ..rule import Rule
from ..text.document import Document
from . import patterns
from .context import Context
from .patterns import Lazy

#: At a term's edges: never between two letters or digits (a term is not found inside a word, and
#: "%" is still found after "50").
NOT_MID_WORD = r"(?:(?<![\p{L}\p{N}])|(?![\p{L}\p{N}]))"

#: How far around a finding an accepted term that covers it is looked for, in characters.
REACH = 100

#: A term that is a plain word: the spelling rule learns it too (it knows its possessive).
PLAIN_WORD = Lazy(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’\-][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*")

CODE = "S001"


def compile_terms(terms: Sequence[str], where: str) -> regex.Pattern | None:
    """One pattern for a list of terms, each matched whole; a bad one is named."""
    if not terms:
        return None
    for term in terms:
        try:
            patterns.compile(term)
        except regex.error as err:
            raise UsageError(where, f"bad regular expression in the vocabulary: {term!r}: {err}") from None
    alternatives = "|".join(f"(?:{t})" for t in sorted(terms, key=len, reverse=True))
    return patterns.compile(f"{NOT_MID_WORD}(?:{alternatives}){NOT_MID_WORD}")


def plain_words(terms: Sequence[str]) -> frozenset[str]:
    """The terms that are single words, for the rules that keep a word list of their own."""
    return frozenset(t for t in terms if PLAIN_WORD.fullmatch(t))


class Accepted:
    """The accept list, applied to a file's findings."""

    def __init__(self, vocabulary: Vocabulary, where: str) -> None:
        both = set(vocabulary.accept) & set(vocabulary.reject)
        if both:
            raise UsageError(where, f"term(s) both accepted and rejected: {', '.join(sorted(both))}")
        self.pattern = compile_terms(vocabulary.accept, where)

    def __bool__(self) -> bool:
        return self.pattern is not None

    def apply(self, doc: Document, findings: list[Finding]) -> list[Finding]:
        """The findings no accepted term covers (S001's are kept: a rejection is never hidden)."""
        if self.pattern is None or not findings:
            return findings
        budget = PatternBudget()
        text = doc.text
        kept = []
        for f in findings:
            if f.code == CODE or f.end <= f.start:
                kept.append(f)
                continue
            window = (max(0, f.start - REACH), min(len(text), f.end + REACH))
            covered = any(
                m.start() <= f.start and f.end <= m.end() for m in budget.finditer(self.pattern, text, *window)
            )
            if not covered:
                kept.append(f)
        return kept


class RejectedTerm(Rule):
    """S001: the configuration's rejected terms, wherever a reader sees them. The engine hands
    the rule the compiled terms as its `terms` option (see Linter); with none it flags nothing."""

    code = CODE
    name = "rejected-term"
    level = "error"
    summary = "A term the desk's vocabulary rejects."
    what = (
        "Flags every use of a term in the configuration's `vocabulary.reject` list or in the reject.txt of a "
        "`vocabularies` folder, in the headline, the other parts and the body, quoted or not. The example "
        'assumes `reject = ["Kiev"]`.'
    )
    why = "A desk rejects a term it never wants printed (a slur, a banned brand name, an old spelling); one slip is one too many."
    bad = "The council sold the Kiev building."
    good = "The council sold the Kyiv building."
    fix_safety = "No fix: the vocabulary says what not to write, not what to write instead."

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        pattern = ctx.options.get("terms")
        if pattern is None:
            return
        budget = active()
        stretches = [(p.start, p.end) for p in doc.parts] + [(b.start, b.end) for b in doc.blocks]
        for start, end in stretches:
            text = doc.text if not doc.prose[start:end].strip() else doc.prose
            for m in budget.finditer(pattern, text, start, end):
                yield self.report(doc, m.start(), m.end(), f'"{m.group()}" is on the desk\'s reject list')


@hookimpl
def stylelint_news_rules() -> list[Rule]:
    """S001 joins the rules through the same hook as every other rule."""
    return [RejectedTerm()]


def budgeted(accepted: Accepted, doc: Document, findings: list[Finding]) -> tuple[list[Finding], str | None]:
    """The accept list applied within its own budget; a problem to report when it ran out."""
    try:
        return accepted.apply(doc, findings), None
    except RuleSkipped as err:
        return findings, f"{doc.path}: the vocabulary's accepted terms were not applied: {err}"
