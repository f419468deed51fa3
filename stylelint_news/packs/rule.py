"""What every pack rule shares: validating its table, scoping and excepting its matches, and
rendering its message. A rule type subclasses `PackRule` and finds candidate matches.

All matching uses the `regex` module with a time limit, so a writer's pattern that backtracks
badly costs one skipped rule on one file, reported, never a hung commit.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator, Mapping
from typing import Any

import regex

from ..engine import patterns
from ..engine.patterns import Lazy
from ..errors import RuleSkipped
from ..rule import Rule
from ..text.document import Document

#: True while the packs that ship with the tool are read (see compile_pattern).
SHIPPED_LOADING: contextvars.ContextVar[bool] = contextvars.ContextVar("shipped_loading", default=False)

#: Seconds a pattern may take on one file before the rule is skipped for it.
TIMEOUT = 1.0

SCOPES = ("headline", "lead", "body")

LEVELS = ("info", "warning", "error")

#: How far around a match an exception phrase is looked for, in characters.
EXCEPTION_REACH = 120

QUOTES = ("include", "exclude", "only")

COMMON_KEYS = {
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


class PackError(ValueError):
    """What is wrong with one rule table; the loader adds the file and the rule."""


class _Values(dict):
    def __missing__(self, key: str) -> str:
        raise PackError(f"message uses {{{key}}}, which this rule type does not provide")


def render(template: str, **values: str) -> str:
    return template.format_map(_Values(values))


def compile_pattern(pattern: str, ignore_case: bool, what: str = "pattern") -> regex.Pattern:
    """A pack's pattern, compiled now so a bad one fails at load naming the rule; the packs that
    ship with the tool are tested, so theirs compile on first use instead (start-up is short)."""
    flags = regex.IGNORECASE if ignore_case else 0
    if SHIPPED_LOADING.get():
        return Lazy(pattern, flags)  # type: ignore[return-value]
    try:
        return patterns.compile(pattern, flags)
    except regex.error as err:
        raise PackError(f"bad regular expression in {what} {pattern!r}: {err}") from None


def words_pattern(words: list[str], ignore_case: bool) -> regex.Pattern:
    """Whole-word alternatives, longest first, so "any more" wins over "any"."""
    alts = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    return compile_pattern(rf"(?<![\p{{L}}\p{{N}}'’-])(?:{alts})(?![\p{{L}}\p{{N}}]|['’-]\p{{L}})", ignore_case)


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


class PackRule(Rule):
    """A rule declared in a pack. Subclasses find candidate matches; this class scopes them,
    drops exceptions and quoted or unquoted text as asked, and renders the message."""

    type_name = ""
    type_keys: frozenset[str] = frozenset()

    def __init__(self, table: Mapping[str, Any], where: str) -> None:
        unknown = set(table) - COMMON_KEYS - self.type_keys
        if unknown:
            raise PackError(f"unknown key(s) {', '.join(sorted(unknown))} for type {self.type_name!r}")
        for key in ("code", "name", "message"):
            if not isinstance(table.get(key), str) or not table[key]:
                raise PackError(f"missing `{key}` (a string)")
        self.code = table["code"]
        self.name = table["name"]
        self.message = table["message"]
        self.summary = table.get("summary") or regex.sub(r"\{\w+\}", "…", self.message)
        self.what = table.get("what", "")
        self.why = table.get("why", "") or (f"Source: {table['source']}" if table.get("source") else "")
        self.default = bool(table.get("default", True))
        if isinstance(table.get("fix-safety"), str):
            self.fix_safety = table["fix-safety"]
        self.ignore_case = bool(table.get("ignore-case", False))
        self.scope = tuple(strings(table, "scope")) or ("headline", "body")
        bad_scope = set(self.scope) - set(SCOPES)
        if bad_scope:
            raise PackError(f"unknown scope {', '.join(sorted(bad_scope))} (choose from {', '.join(SCOPES)})")
        self.level = table.get("level", "warning")
        if self.level not in LEVELS:
            raise PackError(f"`level` must be one of {', '.join(LEVELS)}")
        self.quotes = table.get("quotes", "include")
        if self.quotes not in QUOTES:
            raise PackError(f"`quotes` must be one of {', '.join(QUOTES)}")
        self.exceptions = [compile_pattern(p, True, "exceptions") for p in strings(table, "exceptions")]
        examples = table.get("examples", {})
        if not isinstance(examples, dict) or set(examples) - {"bad", "good"}:
            raise PackError("`examples` must be a table with `bad` and `good` lists")
        self._bad = strings(examples, "bad")
        self._good = strings(examples, "good")
        self.bad = self._bad[0] if self._bad else ""
        self.good = self._good[0] if self._good else ""
        self.origin = where

    def examples(self) -> tuple[list[str], list[str]]:
        return self._bad, self._good

    # -- matching ----------------------------------------------------------------------------

    def regions(self, doc: Document) -> Iterator[tuple[int, int]]:
        """The stretches of prose the rule's scope covers."""
        if "headline" in self.scope and doc.headline is not None:
            yield doc.headline.start, doc.headline.end
        if "body" in self.scope:
            for b in doc.blocks:
                yield b.start, b.end
        elif "lead" in self.scope and doc.lead is not None:
            yield doc.lead.start, doc.lead.end

    def text_of(self, doc: Document, start: int) -> str:
        """The headline's text comes from the file (it may sit in front matter); the rest from the prose."""
        h = doc.headline
        return doc.text if h is not None and h.start <= start < h.end else doc.prose

    def search(self, doc: Document, pattern: regex.Pattern) -> Iterator[regex.Match]:
        """Matches of a pattern in scope, with the time limit, exceptions and quote setting applied."""
        for start, end in self.regions(doc):
            text = self.text_of(doc, start)
            try:
                for m in pattern.finditer(text, start, end, timeout=TIMEOUT):
                    if self.keep(doc, m):
                        yield m
            except TimeoutError:
                raise RuleSkipped(
                    f"a pattern ran for over {TIMEOUT:g} s on this file: {pattern.pattern[:60]!r}"
                ) from None

    def keep(self, doc: Document, m: regex.Match) -> bool:
        if self.quotes != "include":
            inside = doc.in_quote(m.start()) is not None
            if inside != (self.quotes == "only"):
                return False
        return not any(self._excepted(doc, e, m) for e in self.exceptions)

    @staticmethod
    def _excepted(doc: Document, exception: regex.Pattern, m: regex.Match) -> bool:
        """Whether an exception phrase covers the match ("Kievan Rus" covers "Kievan")."""
        text = m.string
        window = (max(0, m.start() - EXCEPTION_REACH), min(len(text), m.end() + EXCEPTION_REACH))
        return any(e.start() <= m.start() and m.end() <= e.end() for e in exception.finditer(text, *window))


def match_case(model: str, word: str) -> str:
    """`word` cased like `model`: "kiev" -> "kyiv", "KIEV" -> "KYIV", "Kiev" -> "Kyiv"."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    if model.islower() and word[:1].isupper() and not word.isupper():
        return word  # the right form is a name: keep its capital
    return word
