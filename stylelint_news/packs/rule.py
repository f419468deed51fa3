"""What every pack rule shares: validating its table, scoping and excepting its matches, and
rendering its message. A rule type subclasses `PackRule` and finds candidate matches.

All matching of a pack's own patterns goes through the rule's budget (see budget.py), so a
writer's pattern that backtracks badly costs one skipped rule on one file, reported, never a
hung commit.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, cast

import regex

from ..engine import patterns
from ..engine.patterns import Lazy
from ..rule import Rule
from ..text.document import Document
from . import budget as budgets
from . import literals, scopes
from .budget import PatternBudget, UserPattern
from .scopes import SCOPES, Segment

#: True while the packs that ship with the tool are read (see compile_pattern).
SHIPPED_LOADING: contextvars.ContextVar[bool] = contextvars.ContextVar("shipped_loading", default=False)

LEVELS = ("info", "warning", "error")

#: How far around a match an exception phrase is looked for, in characters.
EXCEPTION_REACH = 120

QUOTES = ("include", "exclude", "only")

COMMON_KEYS = frozenset(
    {
        "code",
        "name",
        "type",
        "message",
        "summary",
        "what",
        "why",
        "source",
        "level",
        "scope",
        "quotes",
        "ignore-case",
        "exceptions",
        "examples",
        "default",
        "fix-safety",
    }
)

#: Texts a pattern is tried on at load, at every inner position, to catch one that matches an
#: empty stretch anywhere (`x*`, `(?!foo)`, `\b`): it would flag every such position.
_PROBES = ("Ab cd", "A. B", "1 2")


class PackError(ValueError):
    """What is wrong with one rule table; the loader adds the file and the rule."""


class _Values(dict):
    def __missing__(self, key: str) -> str:
        raise PackError(f"message uses {{{key}}}, which this rule type does not provide")


def render(template: str, **values: str) -> str:
    return template.format_map(_Values(values))


def compile_pattern(pattern: str, ignore_case: bool, what: str = "pattern") -> regex.Pattern:
    """A pack's pattern, compiled now so a bad one fails at load naming the rule. What comes
    back answers as a compiled pattern does (`search`, `match`, `fullmatch`, `finditer`, `pattern`,
    `groups`), and every call is charged to the running rule's budget (budget.py). The packs that
    ship with the tool are tested, so theirs compile on first use instead (start-up is short)."""
    flags = regex.IGNORECASE if ignore_case else 0
    if SHIPPED_LOADING.get():
        compiled = cast(regex.Pattern, Lazy(pattern, flags))
        setattr(compiled, "plan", None)  # noqa: B010 - else a Lazy compiles to answer `plan_of`
        return compiled
    try:
        return cast(regex.Pattern, UserPattern(patterns.compile(pattern, flags)))
    except regex.error as err:
        raise PackError(f"bad regular expression in {what} {pattern!r}: {err}") from None


def plan_of(pattern: regex.Pattern) -> literals.Plan:
    """What a pattern's searches may use (literals.py): worked out on its first search, not at
    load, as most runs load packs whose rules are off, and kept with the pattern."""
    found = getattr(pattern, "plan", None)
    if found is None:
        found = literals.plan(pattern.pattern)
        setattr(pattern, "plan", found)  # noqa: B010 - a UserPattern's slot, or a Lazy's attribute
    return cast(literals.Plan, found)


def may_match(doc: Document, pattern: regex.Pattern) -> bool:
    """Whether the document holds one of the texts each match of the pattern contains (True
    when the pattern shows none), asked once per document and pattern."""
    found = plan_of(pattern).literals
    if found is None:
        return True

    def build(d: Document) -> bool:
        # the file's text and its prose view: the view blanks marks, which can bring words together
        text = d.memo("pack-folded", lambda d: literals.fold(f"{d.text}\n{d.prose}"))
        return any(literal in text for literal in found)

    return doc.memo(f"pack-may-match:{pattern.pattern}", build)


def not_empty_anywhere(pattern: regex.Pattern, what: str = "pattern") -> regex.Pattern:
    """Refuse a pattern that matches nothing at all in the middle of a text: every such place
    would be a finding. One anchored to a part's start or end (`^(?!LONDON)`) is fine: it finds
    the part that lacks something, once."""
    if SHIPPED_LOADING.get():
        return pattern
    raw = getattr(pattern, "compiled", pattern)
    for probe in _PROBES:
        for pos in range(1, len(probe)):
            try:
                m = raw.match(probe, pos, timeout=0.1)
            except TimeoutError:
                return pattern  # a slow pattern is the budget's business, at run time
            if m is not None and m.end() == m.start():
                raise PackError(
                    f"{what} {pattern.pattern!r} matches an empty stretch in the middle of text, so every "
                    "such place would be flagged: give it something to match, or anchor it with ^ or $"
                )
    return pattern


def _is_word_edge(char: str) -> bool:
    return char.isalnum()


def words_pattern(words: list[str], ignore_case: bool, what: str = "tokens") -> regex.Pattern:
    """Whole-word alternatives, longest first, so "any more" wins over "any". A word's edge
    that is a letter or digit must not touch another ("Kiev" is not found in "Kievan"); an edge
    that is not ("%", "£") needs no boundary, so "%" finds the sign in "50%"."""
    blank = [w for w in words if not w.strip()]
    if blank:
        raise PackError(f"an empty word in `{what}`: each must have something to match")
    ordered = sorted(words, key=len, reverse=True)
    before, after = r"(?<![\p{L}\p{N}'’-])", r"(?![\p{L}\p{N}]|['’-]\p{L})"
    if all(_is_word_edge(w[0]) and _is_word_edge(w[-1]) for w in words):
        alts = "|".join(regex.escape(w) for w in ordered)
        compiled = compile_pattern(f"{before}(?:{alts}){after}", ignore_case, what)
    else:
        alts = "|".join(
            (before if _is_word_edge(w[0]) else "") + regex.escape(w) + (after if _is_word_edge(w[-1]) else "")
            for w in ordered
        )
        compiled = compile_pattern(f"(?:{alts})", ignore_case, what)
    setattr(compiled, "plan", literals.words(words))  # noqa: B010 - see plan_of
    return compiled


def strings(table: Mapping[str, Any], key: str, required: bool = False) -> list[str]:
    value = table.get(key)
    if value is None:
        if required:
            raise PackError(f"missing `{key}`")
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise PackError(f"`{key}` must be a string or a list of strings")
    return list(value)


def boolean(table: Mapping[str, Any], key: str, default: bool) -> bool:
    """A true/false key: a string "false" would otherwise count as true."""
    value = table.get(key, default)
    if not isinstance(value, bool):
        raise PackError(f"`{key}` must be true or false, not {value!r}")
    return value


class Hit:
    """A match found in one segment of the article, with its offsets in the file: what
    `PackRule.search` yields. It answers as a regex match does (`start()`, `end()`, `group()`,
    `groups()`, `expand()`), and `string` is the whole text the offsets index."""

    __slots__ = ("match", "offset", "string")

    def __init__(self, match: regex.Match, segment: Segment) -> None:
        self.match = match
        self.offset = segment.start
        self.string = segment.source

    def start(self, group: int | str = 0) -> int:
        at = self.match.start(group)
        return at + self.offset if at >= 0 else at

    def end(self, group: int | str = 0) -> int:
        at = self.match.end(group)
        return at + self.offset if at >= 0 else at

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return self.start(group), self.end(group)

    def group(self, *groups: int | str) -> Any:
        return self.match.group(*groups)

    def groups(self, default: Any = None) -> tuple[Any, ...]:
        return self.match.groups(default)

    def expand(self, template: str) -> str:
        return self.match.expand(template)


class PackRule(Rule):
    """A rule declared in a pack. Subclasses find candidate matches; this class scopes them,
    drops exceptions and quoted or unquoted text as asked, and renders the message."""

    type_name = ""
    type_keys: frozenset[str] = frozenset()

    def __init__(self, table: Mapping[str, Any], where: str) -> None:
        problems = []
        unknown = set(table) - COMMON_KEYS - self.type_keys
        if unknown:
            valid = ", ".join(sorted(COMMON_KEYS | self.type_keys))
            problems.append(f"unknown key(s) {', '.join(sorted(unknown))} for type {self.type_name!r} (valid: {valid})")
        for key in ("code", "name", "message"):
            if not isinstance(table.get(key), str) or not table[key]:
                problems.append(f"missing `{key}` (a string)")
        for key in ("summary", "what", "why", "source", "fix-safety"):
            if key in table and not isinstance(table[key], str):
                problems.append(f"`{key}` must be a string")
        self.code = str(table.get("code", ""))
        self.name = str(table.get("name", ""))
        self.message = str(table.get("message", ""))
        self.summary = table.get("summary") or regex.sub(r"\{\w+\}", "…", self.message)
        self.what = table.get("what", "")
        self.why = table.get("why", "") or (f"Source: {table['source']}" if table.get("source") else "")
        if isinstance(table.get("fix-safety"), str):
            self.fix_safety = table["fix-safety"]
        try:
            self.default = boolean(table, "default", True)
            self.ignore_case = boolean(table, "ignore-case", False)
            self.scope = tuple(strings(table, "scope")) or ("headline", "body")
        except PackError as err:
            problems.append(str(err))
            self.scope, self.ignore_case = ("headline", "body"), False
        bad_scope = set(self.scope) - set(SCOPES)
        if bad_scope:
            problems.append(f"unknown scope {', '.join(sorted(bad_scope))} (choose from {', '.join(SCOPES)})")
        self.level = table.get("level", "warning")
        if self.level not in LEVELS:
            problems.append(f"`level` must be one of {', '.join(LEVELS)}, not {self.level!r}")
        self.quotes = table.get("quotes", "include")
        if self.quotes not in QUOTES:
            problems.append(f"`quotes` must be one of {', '.join(QUOTES)}, not {self.quotes!r}")
        elif self.quotes == "exclude" and set(self.scope) == {"quotation"}:
            problems.append('`quotes = "exclude"` with `scope = ["quotation"]` leaves nothing to search')
        self.exceptions = []
        try:
            self.exceptions = [compile_pattern(p, True, "exceptions") for p in strings(table, "exceptions")]
        except PackError as err:
            problems.append(str(err))
        examples = table.get("examples", {})
        self._bad: list[str] = []
        self._good: list[str] = []
        if not isinstance(examples, dict) or set(examples) - {"bad", "good"}:
            problems.append("`examples` must be a table with `bad` and `good` lists")
        else:
            try:
                self._bad, self._good = strings(examples, "bad"), strings(examples, "good")
            except PackError as err:
                problems.append(f"in `examples`: {err}")
        if problems:
            raise PackError("; ".join(problems))
        self.bad = self._bad[0] if self._bad else ""
        self.good = self._good[0] if self._good else ""
        self.origin = where

    def examples(self) -> tuple[list[str], list[str]]:
        return self._bad, self._good

    # -- matching ----------------------------------------------------------------------------

    def budget(self, doc: Document) -> PatternBudget:
        """This rule's time for its patterns on this document: the one the engine set for the
        rule and the file, or (a test calling `check` itself) one kept with the document."""
        found = budgets.in_force()
        return found if found is not None else doc.memo(f"pack-budget:{self.code}", lambda _: PatternBudget())

    def segments(self, doc: Document) -> list[Segment]:
        """The stretches of the article the rule's scope covers, each a text of its own."""
        return scopes.segments(doc, self.scope)

    def search(self, doc: Document, pattern: regex.Pattern) -> Iterator[Hit]:
        """Matches of a pattern in scope, within the budget, with exceptions and the quote
        setting applied. A match found twice (in a lead and in the body) is given once. A file
        that holds none of the texts every match contains is not searched (literals.py)."""
        if not may_match(doc, pattern):
            return iter(())  # nor are its parts cut
        return self.search_in(doc, pattern, self.segments(doc), dedupe=len(self.scope) > 1)

    def search_in(
        self, doc: Document, pattern: regex.Pattern, segments: Iterable[Segment], dedupe: bool = False
    ) -> Iterator[Hit]:
        """Matches of a pattern in the given segments (one unit's, say), as `search` gives them."""
        if not may_match(doc, pattern):
            return
        budget = self.budget(doc)
        seen: set[tuple[int, int]] = set()
        for segment in segments:
            for m in budget.all(pattern, segment.source[segment.start : segment.end]):
                hit = Hit(m, segment)
                if dedupe:
                    key = (hit.start(), hit.end())
                    if key in seen:
                        continue
                    seen.add(key)
                if self.stands(doc, hit.start(), hit.end(), hit.string):
                    yield hit

    def stands(self, doc: Document, start: int, end: int, source: str) -> bool:
        """Whether what was found at [start, end) of `source` stands: the quote setting, then
        the exceptions (phrases that cover it: "Kievan Rus" covers "Kievan")."""
        if self.quotes != "include":
            inside = doc.in_quote(start) is not None
            if inside != (self.quotes == "only"):
                return False
        if not self.exceptions:
            return True
        budget = self.budget(doc)
        window = (max(0, start - EXCEPTION_REACH), min(len(source), end + EXCEPTION_REACH))
        return not any(
            e.start() <= start and end <= e.end()
            for exception in self.exceptions
            for e in budget.finditer(exception, source, *window)
        )


def match_case(model: str, word: str) -> str:
    """`word` cased like `model`: "kiev" -> "kyiv", "KIEV" -> "KYIV", "Kiev" -> "Kyiv"."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    if model.islower() and word[:1].isupper() and not word.isupper():
        return word  # the right form is a name: keep its capital
    return word
