"""The pack rule types that ship with the tool: existence, substitution, consistency and
capitalisation. The others have modules of their own (occurrence, required and conditional,
repetition, leftover, spelling-variants); this module's hook offers them all but `leftover` and
`spelling-variants`, which register themselves."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

import regex

from ..engine.context import Context
from ..engine.patterns import Lazy
from ..finding import Finding
from ..hookspecs import hookimpl
from ..rule import Rule
from ..text.document import Document
from .counts import Occurrence
from .repetition import Repetition
from .required import Conditional, Required
from .rule import (
    Hit,
    PackError,
    PackRule,
    boolean,
    compile_pattern,
    match_case,
    not_empty_anywhere,
    render,
    strings,
    words_pattern,
)

#: A group reference in a replacement: \1, \g<1>, \g<name>.
GROUP_REFERENCE = Lazy(r"\\(\d+)|\\g<([^>]*)>")


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
            not_empty_anywhere(compile_pattern(p, self.ignore_case)) for p in patterns
        ]
        render(self.message, match="x")

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        for pattern in self.patterns:
            for m in self.search(doc, pattern):
                yield self.report(doc, m.start(), m.end(), render(self.message, match=m.group()))


class Substitution(PackRule):
    """Wrong -> right: words (`swap`, fixed in the case of the original) or patterns whose
    replacement may use their groups (`patterns`, `"(\\d+)%" = "\\1 per cent"`)."""

    type_name = "substitution"
    type_keys = frozenset({"swap", "patterns", "safe"})

    def __init__(self, table: Mapping[str, Any], where: str) -> None:
        super().__init__(table, where)
        swap, by_pattern = table.get("swap"), table.get("patterns")
        for key, value in (("swap", swap), ("patterns", by_pattern)):
            if value is not None and (
                not isinstance(value, dict) or not value or not all(isinstance(v, str) for v in value.values())
            ):
                raise PackError(f"`{key}` must be a table of wrong = right strings")
        if not swap and not by_pattern:
            raise PackError(
                "a substitution rule needs `swap` (words: wrong = right) or `patterns` (pattern = replacement)"
            )
        self.swap = {k.lower() if self.ignore_case else k: v for k, v in (swap or {}).items()}
        self.pattern = words_pattern(list(swap), self.ignore_case, "swap") if swap else None
        self.replacements: list[tuple[regex.Pattern, str]] = []
        for source, template in (by_pattern or {}).items():
            compiled = compile_pattern(source, self.ignore_case, "patterns")
            _check_template(compiled, template)
            self.replacements.append((not_empty_anywhere(compiled, "patterns key"), template))
        given = table.get("safe")
        self.safe = boolean(table, "safe", True)
        #: Whether a pattern's replacement is safe: only when the pack says so, as a pattern may
        #: match more than its writer pictured.
        self.patterns_safe = self.safe if given is not None else False
        if "fix-safety" not in table:
            self.fix_safety = self._fix_safety()
        render(self.message, match="x", replacement="y")

    def _fix_safety(self) -> str:
        parts = []
        if self.swap:
            parts.append(
                "Safe: the pack's one replacement for the word, in the word's own case."
                if self.safe
                else "Unsafe (the pack says so): the replacement may not fit every use; `--unsafe-fixes` applies it."
            )
        if self.replacements:
            parts.append(
                "A pattern's replacement is safe because the pack says so (`safe = true`)."
                if self.patterns_safe
                else "A pattern's replacement is unsafe unless the pack says `safe = true`: a pattern may match "
                "more than its writer pictured; `--unsafe-fixes` applies it."
            )
        return " ".join(parts)

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        if self.pattern is not None:
            for m in self.search(doc, self.pattern):
                found = m.group()
                right = self.swap.get(found.lower() if self.ignore_case else found)
                if right is None:
                    continue
                right = match_case(found, right) if self.ignore_case else right
                yield self._finding(doc, m, right, self.safe)
        for pattern, template in self.replacements:
            for m in self.search(doc, pattern):
                right = m.expand(template)
                if right != m.group():
                    yield self._finding(doc, m, right, self.patterns_safe)

    def _finding(self, doc: Document, m: Hit, right: str, safe: bool) -> Finding:
        return self.report(
            doc,
            m.start(),
            m.end(),
            render(self.message, match=m.group(), replacement=right),
            suggestions=[right],
            replacement=right,
            safe=safe,
        )


def _check_template(pattern: regex.Pattern, template: str) -> None:
    """Refuse a replacement that names a group its pattern does not have (it would fail on the
    first match, in the middle of a run)."""
    for m in GROUP_REFERENCE.finditer(template):
        ref = m.group(1) or m.group(2)
        known = (ref.isdigit() and int(ref) <= pattern.groups) or ref in pattern.groupindex
        if not known:
            raise PackError(
                f"the replacement {template!r} uses group {ref}, which {pattern.pattern!r} does not have "
                f"(it has {pattern.groups})"
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
        self.groups = [
            [not_empty_anywhere(compile_pattern(p, self.ignore_case, "forms"), "forms") for p in group]
            for group in forms
        ]
        render(self.message, match="x", other="y", line="1")

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        for group in self.groups:
            hits = sorted(
                ((m.start(), i, m) for i, p in enumerate(group) for m in self.search(doc, p)), key=lambda h: h[:2]
            )
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
        self.pattern = words_pattern(terms, ignore_case=True, what="terms")
        render(self.message, match="x", replacement="y")

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        headline = doc.headline
        # A headline set in capitals says nothing about how its terms are written.
        shouted = headline is not None and headline.text.isupper()
        for m in self.search(doc, self.pattern):
            right = self.terms[m.group().lower()]
            if m.group() != right and not (
                shouted and headline is not None and headline.start <= m.start() < headline.end
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
    cls.type_name: cls
    for cls in (Existence, Substitution, Consistency, Capitalisation, Occurrence, Required, Conditional, Repetition)
}


@hookimpl
def stylelint_news_rule_types():
    return dict(BUILTIN_TYPES)
