"""TOML rule packs: a newsroom's rules as data, never executed.

A pack is a TOML file of `[[rule]]` tables. Each names a `type`; the type (built in here, or added
by a plugin through `stylelint_news_rule_types`) validates the table and builds the Rule. All
matching uses the `regex` module with a time limit, so a writer's pattern that backtracks
badly costs one skipped rule on one file, reported, never a hung commit.
"""

from __future__ import annotations

import contextvars
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import regex

from .. import patterns
from ..document import Document
from ..errors import RuleSkipped, UsageError
from ..finding import Finding
from ..hookspecs import hookimpl
from ..patterns import Lazy
from ..rule import Context, Rule

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
}
#: Packs shipped with the tool, loaded on every run (their S rules are off by default).
SHIPPED = ("scrape-leftovers.toml", "house-style.toml", "spelling-consistency.toml")


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


def _strings(table: Mapping[str, Any], key: str, required: bool = False) -> list[str]:
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
        self.ignore_case = bool(table.get("ignore-case", False))
        self.scope = tuple(_strings(table, "scope")) or ("headline", "body")
        bad_scope = set(self.scope) - set(SCOPES)
        if bad_scope:
            raise PackError(f"unknown scope {', '.join(sorted(bad_scope))} (choose from {', '.join(SCOPES)})")
        self.level = table.get("level", "warning")
        if self.level not in LEVELS:
            raise PackError(f"`level` must be one of {', '.join(LEVELS)}")
        self.quotes = table.get("quotes", "include")
        if self.quotes not in QUOTES:
            raise PackError(f"`quotes` must be one of {', '.join(QUOTES)}")
        self.exceptions = [compile_pattern(p, True, "exceptions") for p in _strings(table, "exceptions")]
        examples = table.get("examples", {})
        if not isinstance(examples, dict) or set(examples) - {"bad", "good"}:
            raise PackError("`examples` must be a table with `bad` and `good` lists")
        self._bad = _strings(examples, "bad")
        self._good = _strings(examples, "good")
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


class Existence(PackRule):
    """Words, phrases or patterns that should not appear."""

    type_name = "existence"
    type_keys = frozenset({"tokens", "patterns"})

    def __init__(self, table: Mapping[str, Any], where: str) -> None:
        super().__init__(table, where)
        tokens, patterns = _strings(table, "tokens"), _strings(table, "patterns")
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


def match_case(model: str, word: str) -> str:
    """`word` cased like `model`: "kiev" -> "kyiv", "KIEV" -> "KYIV", "Kiev" -> "Kyiv"."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    if model.islower() and word[:1].isupper() and not word.isupper():
        return word  # the right form is a name: keep its capital
    return word


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
    type_keys = frozenset({"terms"})

    def __init__(self, table: Mapping[str, Any], where: str) -> None:
        super().__init__(table, where)
        terms = _strings(table, "terms", required=True)
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


def parse_pack(text: str, where: str) -> dict[str, Any]:
    """A pack's TOML as data (the parser imported only by a run that reads a pack's text)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise UsageError(where, f"invalid TOML: {err}") from None


def read_pack(
    text: str, where: str, rule_types: Mapping[str, Callable[[Mapping[str, Any], str], Rule]], shipped: bool = False
) -> list[Rule]:
    """Rules from a pack's text; every problem is a UsageError naming the file and the rule."""
    return rules_from(parse_pack(text, where), where, rule_types, shipped)


def rules_from(
    data: dict[str, Any],
    where: str,
    rule_types: Mapping[str, Callable[[Mapping[str, Any], str], Rule]],
    shipped: bool = False,
) -> list[Rule]:
    """Rules from a pack's parsed TOML."""
    token = SHIPPED_LOADING.set(shipped)
    try:
        return _rules_from(data, where, rule_types)
    finally:
        SHIPPED_LOADING.reset(token)


def _rules_from(
    data: dict[str, Any], where: str, rule_types: Mapping[str, Callable[[Mapping[str, Any], str], Rule]]
) -> list[Rule]:
    unknown = set(data) - {"rule", "pack"}
    if unknown:
        raise UsageError(
            where, f"unknown top-level key(s) {', '.join(sorted(unknown))} (a pack has [pack] and [[rule]] tables)"
        )
    tables = data.get("rule", [])
    if not isinstance(tables, list):
        raise UsageError(where, "`rule` must be an array of tables: write [[rule]]")
    rules: list[Rule] = []
    seen: dict[str, int] = {}
    for n, table in enumerate(tables, 1):
        label = f"rule {n}" + (f" ({table.get('code')})" if isinstance(table.get("code"), str) else "")
        kind = table.get("type")
        if kind not in rule_types:
            raise UsageError(where, f"{label}: unknown type {kind!r} (known types: {', '.join(sorted(rule_types))})")
        try:
            rule = rule_types[kind](table, where)
        except (PackError, ValueError, TypeError) as err:
            raise UsageError(where, f"{label}: {err}") from None
        if rule.code in seen:
            raise UsageError(
                where, f"{label}: code {rule.code} is used twice in this pack (also rule {seen[rule.code]})"
            )
        seen[rule.code] = n
        rules.append(rule)
    return rules


def load_pack(path: Path, rule_types: Mapping[str, Callable[[Mapping[str, Any], str], Rule]]) -> list[Rule]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise UsageError(str(path), f"cannot read the rule pack: {getattr(err, 'strerror', None) or err}") from None
    return read_pack(text, str(path), rule_types)


def shipped_packs() -> Iterator[tuple[str, dict[str, Any]]]:
    """(name, parsed TOML) of each pack that ships with the tool. The parse is kept in the data
    cache (keyed by the file), so a run neither parses the packs again nor imports a TOML parser."""
    from ..cache import built

    folder = Path(__file__).parent.parent / "rules"
    for name in SHIPPED:
        path, where = folder / name, f"stylelint_news/rules/{name}"
        yield (
            where,
            built(f"pack-{path.stem}", path, lambda p=path, w=where: parse_pack(p.read_text(encoding="utf-8"), w)),
        )
