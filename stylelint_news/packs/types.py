"""The pack rule types that ship with the tool: existence, substitution, consistency and
capitalisation (the `leftover` and `spelling-variants` types have modules of their own)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from ..engine.context import Context
from ..finding import Finding
from ..hookspecs import hookimpl
from ..rule import Rule
from ..text.document import Document
from .rule import PackError, PackRule, compile_pattern, match_case, render, strings, words_pattern


class Existence(PackRule):
    """Words, phrases or patterns that should not appear."""

    type_name = "existence"
    type_keys = frozenset({"tokens", "patterns"})
    fix_safety = "No fix: the rule names what to avoid, not what to write instead."

    def __init__(self, table: Mapping[str, Any], where: str) -> None:
        super().__init__(table, where)
        tokens, patterns = strings(table, "tokens"), strings(table, "patterns")
        if not tokens and not patterns:
            raise PackError("an existence rule needs `tokens` or `patterns`")
        self.patterns = ([words_pattern(tokens, self.ignore_case)] if tokens else []) + [
            compile_pattern(p, self.ignore_case) for p in patterns
        ]
        render(self.message, match="x")

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        for pattern in self.patterns:
            for m in self.search(doc, pattern):
                yield self.report(doc, m.start(), m.end(), render(self.message, match=m.group()))


class Substitution(PackRule):
    """Wrong -> right pairs, fixed with the case of the original."""

    type_name = "substitution"
    type_keys = frozenset({"swap", "safe"})

    def __init__(self, table: Mapping[str, Any], where: str) -> None:
        super().__init__(table, where)
        swap = table.get("swap")
        if not isinstance(swap, dict) or not swap or not all(isinstance(v, str) for v in swap.values()):
            raise PackError("a substitution rule needs `swap`, a table of wrong = right strings")
        self.swap = {k.lower() if self.ignore_case else k: v for k, v in swap.items()}
        self.safe = bool(table.get("safe", True))
        if "fix-safety" not in table:
            self.fix_safety = (
                "Safe: the pack's one replacement for the word, in the word's own case."
                if self.safe
                else "Unsafe (the pack says so): the replacement may not fit every use; `--unsafe-fixes` applies it."
            )
        self.pattern = words_pattern(list(swap), self.ignore_case)
        render(self.message, match="x", replacement="y")

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        for m in self.search(doc, self.pattern):
            found = m.group()
            right = self.swap.get(found.lower() if self.ignore_case else found)
            if right is None:
                continue
            right = match_case(found, right) if self.ignore_case else right
            yield self.report(
                doc,
                m.start(),
                m.end(),
                render(self.message, match=found, replacement=right),
                suggestions=[right],
                replacement=right,
                safe=self.safe,
            )


class Consistency(PackRule):
    """Either form, but one per article: later uses of another form are flagged."""

    type_name = "consistency"
    fix_safety = "No fix: either form is right; the editor chooses the one the article keeps."
    type_keys = frozenset({"forms"})

    def __init__(self, table: Mapping[str, Any], where: str) -> None:
        super().__init__(table, where)
        forms = table.get("forms")
        if (
            not isinstance(forms, list)
            or not forms
            or not all(isinstance(g, list) and len(g) >= 2 and all(isinstance(x, str) for x in g) for g in forms)
        ):
            raise PackError("a consistency rule needs `forms`, a list of groups of two or more patterns")
        self.groups = [[compile_pattern(p, self.ignore_case, "forms") for p in group] for group in forms]
        render(self.message, match="x", other="y", line="1")

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        for group in self.groups:
            hits = sorted((m.start(), i, m) for i, p in enumerate(group) for m in self.search(doc, p))
            if not hits:
                continue
            first_start, first_form, first = hits[0]
            line = doc.position(first_start)[0]
            for _, form, m in hits[1:]:
                if form != first_form:
                    yield self.report(
                        doc,
                        m.start(),
                        m.end(),
                        render(self.message, match=m.group(), other=first.group(), line=str(line)),
                        suggestions=[first.group()],
                    )


class Capitalisation(PackRule):
    """Terms with one right capitalisation ("NATO", not "Nato")."""

    type_name = "capitalisation"
    fix_safety = "Safe: the term has one right form, which the fix writes."
    type_keys = frozenset({"terms"})

    def __init__(self, table: Mapping[str, Any], where: str) -> None:
        super().__init__(table, where)
        terms = strings(table, "terms", required=True)
        self.terms = {t.lower(): t for t in terms}
        self.pattern = words_pattern(terms, ignore_case=True)
        render(self.message, match="x", replacement="y")

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        for m in self.search(doc, self.pattern):
            right = self.terms[m.group().lower()]
            if m.group() != right and not (
                m.group().isupper() and doc.headline and doc.headline.start <= m.start() < doc.headline.end
            ):
                yield self.report(
                    doc,
                    m.start(),
                    m.end(),
                    render(self.message, match=m.group(), replacement=right),
                    suggestions=[right],
                    replacement=right,
                )


BUILTIN_TYPES: dict[str, Callable[[Mapping[str, Any], str], Rule]] = {
    cls.type_name: cls for cls in (Existence, Substitution, Consistency, Capitalisation)
}


@hookimpl
def stylelint_news_rule_types():
    return dict(BUILTIN_TYPES)
