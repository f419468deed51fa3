"""What a pack pattern's search may skip: the prefilter that spares most pattern runs.

Most of what a pack cost was the regex engine scanning every part of every file for words the
file never holds: a desk's ban on "slams" runs on 2,000 articles to find it in a dozen. So each
pattern is asked, on its first search, for texts one of which every match contains ("per cent"
for `\\bper cent\\b`, "%" for `(\\d+) ?%`, the month names for a date pattern); a file whose
folded text holds none of them is not searched at all. A substring test on the file is a
thousand times cheaper than a scan.

The texts come from the standard library's own parser of regular expressions (the parse tree
`re` compiles from), not from a parser of our own. The `regex` module reads a few things that
parser reads differently or not at all; each costs the pattern its prefilter, so the prefilter
can only ever skip a search that would have found nothing: syntax `re` refuses (`\\p{L}`,
`(?V1)`), syntax it warns about (`[[:alpha:]]`, set operations) and a brace it took as a literal
character (the `regex` module's fuzzy matching, `(?:Kiev){e<=1}`).
"""

from __future__ import annotations

import functools
import importlib
import sys
import warnings
from typing import Any, NamedTuple


class Plan(NamedTuple):
    """What a pattern's searches may use."""

    #: Texts (folded, see `fold`) one of which every match contains; None: the pattern shows none.
    literals: tuple[str, ...] | None


#: Nothing to go on: the pattern is searched in every file.
NONE = Plan(None)


def fold(text: str) -> str:
    """Text as the prefilter compares it: casefolded, with the two differences between that and
    the regex engine's own matching without regard to case removed (it matches "İ" to "i", which
    casefold writes with a combining dot, and "ı" to "I")."""
    return text.casefold().replace("\u0307", "").replace("ı", "i")


def words(texts: list[str]) -> Plan:
    """The plan of a list of whole words (rule.py's `words_pattern`): each match is one of them."""
    return Plan(tuple(sorted({fold(t) for t in texts})))


@functools.cache
def plan(source: str) -> Plan:
    """The plan of a pattern, from its parse tree (once per pattern and process)."""
    parser, c = _parser()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # "possible nested set": regex reads it otherwise
            tree = list(parser.parse(source))
    except Exception:  # the regex module's own syntax, which re does not read
        return NONE
    if _has_literal(tree, c, ord("{")):
        return NONE  # regex's fuzzy matching, which re reads as characters
    found = _needed(tree, c)
    return Plan(tuple(sorted({fold(t) for t in found})) if found else None)


def _parser() -> tuple[Any, Any]:
    """The stdlib's parser and its opcodes (re._parser since 3.11, sre_parse before)."""
    if sys.version_info >= (3, 11):
        return importlib.import_module("re._parser"), importlib.import_module("re._constants")
    return importlib.import_module("sre_parse"), importlib.import_module("sre_constants")  # pragma: no cover


def _children(op: Any, av: Any, c: Any) -> list[list[tuple[Any, Any]]]:
    """The sequences nested in one item of a parse tree."""
    if op is c.SUBPATTERN:
        return [list(av[-1])]
    if op is c.BRANCH:
        return [list(b) for b in av[1]]
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
        return [list(av[2])]
    if op is getattr(c, "ATOMIC_GROUP", None):
        return [list(av)]
    if op in (c.ASSERT, c.ASSERT_NOT):
        return [list(av[1])]
    if op is c.GROUPREF_EXISTS:
        return [list(b) for b in av[1:] if b is not None]
    return []


def _has_literal(items: list[tuple[Any, Any]], c: Any, char: int) -> bool:
    return any(
        (op is c.LITERAL and av == char) or any(_has_literal(s, c, char) for s in _children(op, av, c))
        for op, av in items
    )


def _needed(items: list[tuple[Any, Any]], c: Any) -> set[str] | None:
    """The best set of alternative texts one of which a match of this sequence must contain:
    a run of literal characters, or what a group, a branch (every branch's) or a repeat of at
    least one needs. Anchors and lookarounds consume nothing and add nothing."""
    candidates: list[set[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            candidates.append({"".join(run)})
            run = []
        inner: set[str] | None = None
        if op is c.SUBPATTERN or op is getattr(c, "ATOMIC_GROUP", None):
            inner = _needed(_children(op, av, c)[0], c)
        elif op is c.BRANCH:
            branches = [_needed(b, c) for b in _children(op, av, c)]
            if branches and all(branches):
                inner = set().union(*branches)  # type: ignore[arg-type]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)) and av[0] >= 1:
            inner = _needed(_children(op, av, c)[0], c)
        if inner:
            candidates.append(inner)
    if run:
        candidates.append({"".join(run)})
    # the alternatives whose shortest text is longest: the rarest in a file
    return max(candidates, key=lambda s: min(map(len, s)), default=None)
