"""The `required` and `conditional` rule types: what an article must hold, and what must come
with what it holds.

`required`: one of `patterns` (or `tokens`) must appear in the scope, a dateline in the lead or
a byline in the front matter; the finding is their absence, at the start of the scope (at the
top of the file when the article lacks the part altogether).

`conditional`: where `first` appears, `second` must have come first: an acronym spelt out at
its first use. When `first` captures a group, each thing it captures is followed on its own
("WHO" needs "World Health Organization (WHO)", "IMF" its own), and `second`'s group 1 must
capture the same.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..engine.context import Context
from ..finding import Finding
from ..text.document import Document
from .rule import Hit, PackError, PackRule, compile_pattern, not_empty_anywhere, render, strings, words_pattern
from .scopes import SINGLE, units


class Required(PackRule):
    """One of the patterns must appear somewhere in the scope."""

    type_name = "required"
    type_keys = frozenset({"tokens", "patterns"})
    fix_safety = "No fix: what is missing is the writer's to supply."

    def __init__(self, table: Mapping[str, Any], where: str) -> None:
        super().__init__(table, where)
        tokens, patterns = strings(table, "tokens"), strings(table, "patterns")
        if not tokens and not patterns:
            raise PackError("a required rule needs `tokens` or `patterns`, one of which must appear")
        self.patterns = ([words_pattern(tokens, self.ignore_case)] if tokens else []) + [
            compile_pattern(p, self.ignore_case) for p in patterns
        ]
        render(self.message, scope="x")

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        for pattern in self.patterns:
            for _ in self.search(doc, pattern):
                return
        found = [u for kind in self.scope for u in units(doc, kind)]
        if found:
            first = min(found, key=lambda u: u.start)
            line_end = doc.text.find("\n", first.start, first.end)
            yield self.report(
                doc, first.start, first.end if line_end < 0 else line_end, render(self.message, scope=first.kind)
            )
        elif any(kind in SINGLE for kind in self.scope):
            # the part itself is missing (no byline, no headline): the top of the file
            yield self.report(doc, 0, 0, render(self.message, scope=self.scope[0]))


class Conditional(PackRule):
    """Where `first` appears, `second` must have appeared at or before its first use."""

    type_name = "conditional"
    type_keys = frozenset({"first", "second"})
    fix_safety = "No fix: the writer supplies what should have come first."

    def __init__(self, table: Mapping[str, Any], where: str) -> None:
        super().__init__(table, where)
        for key in ("first", "second"):
            if not isinstance(table.get(key), str) or not table[key]:
                raise PackError(f"a conditional rule needs `{key}`, a pattern")
        self.first = not_empty_anywhere(compile_pattern(table["first"], self.ignore_case, "first"), "first")
        self.second = not_empty_anywhere(compile_pattern(table["second"], self.ignore_case, "second"), "second")
        self.keyed = self.first.groups > 0
        if self.keyed and self.second.groups == 0:
            raise PackError(
                "`first` captures a group, so `second` must capture the same thing in its group 1 "
                '(first = "\\\\b([A-Z]{2,})\\\\b", second = "\\\\(([A-Z]{2,})\\\\)")'
            )
        render(self.message, match="x")

    def _key(self, m: Hit) -> str:
        if not self.keyed:
            return ""
        key = m.group(1) or ""
        return key.casefold() if self.ignore_case else key

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        seconds = list(self.search(doc, self.second))
        defined: dict[str, int] = {}
        for m in seconds:
            defined.setdefault(self._key(m), m.start())
        covered = [(m.start(), m.end()) for m in seconds]
        flagged: set[str] = set()
        for m in self.search(doc, self.first):
            key = self._key(m)
            if key in flagged or any(a <= m.start() and m.end() <= b for a, b in covered):
                continue  # already reported, or part of the spelling-out itself
            flagged.add(key)
            if defined.get(key, m.end()) < m.end():
                continue  # spelt out before (or at) its first use
            yield self.report(doc, m.start(), m.end(), render(self.message, match=m.group()))
