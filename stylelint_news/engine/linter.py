"""Running rules on a document, and everything done to their findings afterwards.

Rules yield findings; the engine owns the rest: which rules run for which file, what a rule's
crash means (an error naming the rule, never a finding), inline suppression, sorting, and the
fix-and-lint-again loop behind `--fix`.
"""

from __future__ import annotations

import copy
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import accumulate
from time import perf_counter

import regex

from ..config import Settings
from ..errors import RuleSkipped, UsageError
from ..finding import Finding
from ..packs.budget import PatternBudget, spending
from ..rule import Rule
from ..text.document import Document
from ..text.source import Source
from . import fixes, selection, suppression, vocabulary
from .context import Context, RunContext
from .patterns import Lazy
from .plugins import Registry

#: How many fix-and-lint passes at most: each pass applies fixes that do not overlap.
MAX_FIX_PASSES = 10
#: A file longer than twice this (in characters) is linted in pieces of about this size, cut at
#: blank lines, so memory stays bounded (a Document holds every word, sentence and quotation of
#: its text). Rules that compare across a whole article see one piece at a time; no article comes
#: near this size, so only dumps and archives concatenated into one file are cut.
PIECE = 1_000_000
#: Where a piece may end, best first: after a blank line, a line break, a space.
PIECE_BREAKS = (Lazy(r"\n[ \t\r]*\n"), Lazy(r"\n"), Lazy(r" "))
#: A unified diff's hunk header, whose line numbers move with a unit placed in its file.
HUNK = Lazy(r"^@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@", regex.MULTILINE)


@dataclass
class Result:
    """What linting one file gave: findings, problems to report (exit 2), notices to print once,
    and with `--fix` the fixed text. The output stage (output/report.py) fills in the rest where
    the file was linted: the fixes it wrote, the diff, the source lines the report shows."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    fixed_text: str | None = None
    fixed_count: int = 0
    written: int = 0
    diff: str | None = None
    passthrough: str | None = None
    lines: dict[int, str] = field(default_factory=dict)
    #: The id of the JSON record linted, which JSON output adds to each of its findings.
    record: str | int | None = None
    #: Seconds each rule took on the file (only when the flags ask: `rules try`).
    timings: dict[str, float] = field(default_factory=dict)
    #: With a baseline or a format that asks: each finding's fingerprint and the text it flags.
    fingerprints: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Flags:
    """The run's switches that change what linting a file does."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = ()
    report_unused_suppressions: bool = False
    fix: bool = False
    unsafe_fixes: bool = False
    #: A crashing rule's problem carries its traceback (else one line).
    show_traceback: bool = False
    #: Time each rule on each file (Result.timings).
    time_rules: bool = False


class Linter:
    """Lints sources with one configuration. Build once per process; it holds no per-file state."""

    def __init__(
        self, settings: Settings, registry: Registry, flags: Flags = Flags(), run: RunContext | None = None
    ) -> None:
        self.settings = settings
        self.registry = registry
        self.flags = flags
        self.run = run if run is not None else RunContext.uncached()
        rules = registry.rules
        where = settings.path or "command line"
        self.layers = (
            selection.Layer(settings.select, settings.ignore, settings.extend_select, settings.extend_ignore),
            selection.Layer(flags.select, flags.ignore, flags.extend_select, flags.extend_ignore),
        )
        for layer in self.layers:
            for selectors in (layer.select or (), layer.ignore, layer.extend_select, layer.extend_ignore):
                selection.check_selectors(selectors, rules, where)
        for _, selectors in settings.per_file_ignores:
            selection.check_selectors(selectors, rules, where)
        selection.check_selectors((s for s, _ in settings.severity), rules, where)
        self.rules = selection.enabled(rules, self.layers)
        #: Each rule's level: the most specific `severity` selector's, or the rule's own.
        self.levels = {code: _level(rule, settings.severity) for code, rule in rules.items()}
        terms = settings.terms()
        with self.run.active():
            self.accepted = vocabulary.Accepted(terms, where)
            rejected = vocabulary.compile_terms(terms.reject, where)
        words = settings.all_words() | vocabulary.plain_words(terms.accept)
        self.contexts = {
            r.code: Context(
                {"terms": rejected} if isinstance(r, vocabulary.RejectedTerm) else self._options(r, where),
                settings.dialect,
                words,
                self.run,
            )
            for r in rules.values()
        }

    def _options(self, rule: Rule, where: str) -> dict:
        given = self.settings.rule_options(rule.code)
        unknown = set(given) - set(rule.options)
        if unknown:
            known = ", ".join(sorted(rule.options)) or "none"
            raise UsageError(
                where, f"unknown option(s) {', '.join(sorted(unknown))} for {rule.code} (its options: {known})"
            )
        return {**rule.options, **given}

    def rules_for(self, path: str) -> list[Rule]:
        ignored = selection.per_file_ignores(path, self.settings.per_file_ignores, self.settings.root)
        if not ignored:
            return self.rules
        return [r for r in self.rules if not selection.best(ignored, r)]

    def lint(self, source: Source) -> Result:
        """Findings for one source; with `fix` set, the text after fixing and what was left."""
        with self.run.active():
            result = self._lint(source)
        result.notices.extend(self.run.take_notices())
        return result

    def _lint(self, source: Source) -> Result:
        if not (self.flags.fix or self.flags.unsafe_fixes):
            return self._lint_once(source)
        text = source.text
        fixed = 0
        first = None
        for _ in range(MAX_FIX_PASSES):
            result = self._lint_once(replace(source, text=text))
            first = first or result
            edits, done = fixes.choose(result.findings, self.flags.unsafe_fixes)
            if not edits:
                break
            new = fixes.apply(text, edits)
            if new == text:
                break
            text, fixed = new, fixed + len(done)
        result = self._lint_once(replace(source, text=text)) if source.editable or first is None else first
        result.fixed_text = text if text != source.text else None
        result.fixed_count = fixed
        return result

    def lint_parts(self, source: Source) -> Iterator[Result]:
        """The results of a file piece by piece, each placed in the whole file: a report can
        write a huge file's findings as they come instead of holding them all. One result for a
        file linted whole, and with --fix (which needs the whole text)."""
        if self.flags.fix or self.flags.unsafe_fixes or not _cut(source):
            yield self.lint(source)
            return
        parts = self._parts(source)
        while True:
            with self.run.active():
                part = next(parts, None)
            if part is None:
                return
            part.notices.extend(self.run.take_notices())
            yield part

    def _lint_once(self, source: Source) -> Result:
        if not _cut(source):
            return self._lint_piece(source)
        result = Result(source.path)
        for part in self._parts(source):
            result.findings.extend(part.findings)
            result.problems.extend(part.problems)
        return result

    def _parts(self, source: Source) -> Iterator[Result]:
        line, column = 1, 1  # where the next piece starts
        for start, piece in _pieces(source.text):
            part = self._lint_piece(replace(source, text=piece, continuation=source.continuation or start > 0))
            part.findings = [_shifted(f, start, line, column) for f in part.findings]
            yield part
            breaks = piece.count("\n")
            line, column = line + breaks, (len(piece) - piece.rfind("\n") if breaks else column + len(piece))

    def _lint_piece(self, source: Source) -> Result:
        result = Result(source.path)
        try:
            doc = Document.parse(source, self.settings.field_names)
        except RecursionError:
            result.problems.append(f"{source.path}: not read: the markup nests too deeply")
            return result
        result.record = doc.record
        findings: list[Finding] = []
        for rule in self.rules_for(source.path):
            started = perf_counter() if self.flags.time_rules else 0.0
            try:
                with spending(PatternBudget()):  # a pack's patterns: one budget per rule and file
                    findings.extend(rule.check(doc, self.contexts[rule.code]))
            except RuleSkipped as err:
                result.problems.append(f"{source.path}: rule {rule.code} ({rule.name}) skipped: {err}")
            except RecursionError:
                result.problems.append(
                    f"{source.path}: rule {rule.code} ({rule.name}) skipped: the text nests too deeply"
                )
            except Exception as err:  # a rule's bug must not look like a clean file or a finding
                problem = (
                    f"{source.path}: rule {rule.code} ({rule.name}, from {rule.origin}) crashed: "
                    f"{type(err).__name__}: {err}"
                )
                if self.flags.show_traceback:
                    import traceback  # here: its import (textwrap with it) cost every run 8 ms

                    problem += "\n" + "".join(traceback.format_exception(err)).rstrip("\n")
                result.problems.append(problem)
            if self.flags.time_rules:
                result.timings[rule.code] = result.timings.get(rule.code, 0.0) + perf_counter() - started
        findings = _without_repeats_in_copies(findings, self.registry.rules)
        if self.accepted:
            findings, unapplied = vocabulary.budgeted(self.accepted, doc, findings)
            if unapplied:
                result.problems.append(unapplied)
        findings, directives = self._suppressed(doc, findings, result)
        if self.flags.report_unused_suppressions:
            unused = self.registry.rules["X001"]
            for d in directives:
                if not d.used:
                    what = " ".join(d.selectors) or "all rules"
                    findings.append(
                        unused.report(doc, d.start, d.end, f"suppression of {what} suppresses nothing; remove it")
                    )
        findings = doc.placed(findings)
        levels = self.levels
        findings = [f if f.level == levels.get(f.code, f.level) else replace(f, level=levels[f.code]) for f in findings]
        findings.sort(key=lambda f: f.sort_key)
        result.findings = findings
        return result

    def _suppressed(
        self, doc: Document, findings: list[Finding], result: Result
    ) -> tuple[list[Finding], list[suppression.Directive]]:
        """The findings no inline directive covers, and the directives. A directive covers lines
        of the article: for an article a reader put together from a file (JSON, HTML), lines of
        its text, not of the file (a JSON body is one line of the file), so both are read there."""
        if doc.origin is None:
            directives, bad = suppression.parse(doc)
            result.problems.extend(bad)
            return suppression.apply(findings, self.registry.rules, directives), directives
        local = copy.copy(doc)
        local.origin = None
        directives, bad = suppression.parse(local)
        result.problems.extend(bad)
        inside = [replace(f, line=local.position(f.start)[0]) for f in findings]
        kept = {id(f) for f in suppression.apply(inside, self.registry.rules, directives)}
        return [f for f, g in zip(findings, inside) if id(g) in kept], directives


def lint_text(
    text: str, path: str = "<text>", settings: Settings | None = None, flags: Flags = Flags()
) -> list[Finding]:
    """Lint a string with the default configuration (or the one given): the public entry point."""
    from . import plugins
    from .context import current

    settings = settings or Settings()
    run = current()
    with run.active():
        _, registry = plugins.build(settings)
    return Linter(settings, registry, flags, run).lint(Source(path, text)).findings


def _level(rule: Rule, severity: tuple[tuple[str, str], ...]) -> str:
    """A rule's level: the configuration's most specific selector that names it, or its own."""
    named = [(selection.specificity(s, rule), level) for s, level in severity]
    chosen = max((n for n in named if n[0]), default=None, key=lambda n: n[0])
    return chosen[1] if chosen is not None else rule.level


def _without_repeats_in_copies(findings: list[Finding], rules: dict[str, Rule]) -> list[Finding]:
    """Drop findings inside a pasted copy that say what a finding outside it already says.

    A paragraph pasted twice carries its slips twice; the duplication finding on the copy tells
    the editor to delete it, so reporting its "critics say" a second time is noise.
    """
    copies = sorted((f.start, f.end) for f in findings if (r := rules.get(f.code)) is not None and r.marks_copies)
    if not copies:
        return findings
    starts = [a for a, _ in copies]
    reach = list(accumulate((b for _, b in copies), max))  # the furthest end among copies so far

    def inside(f: Finding) -> bool:
        i = bisect_right(starts, f.start) - 1
        return i >= 0 and f.end <= reach[i] and not rules[f.code].marks_copies

    seen_outside = {(f.code, f.message) for f in findings if not inside(f)}
    return [f for f in findings if not inside(f) or (f.code, f.message) not in seen_outside]


def _cut(source: Source) -> bool:
    """Whether a source is linted in pieces: a Markdown or plain-text file over 2 * PIECE
    characters (a structured format is never cut: a piece of HTML or JSON is no article)."""
    return len(source.text) > 2 * PIECE and source.format in ("markdown", "text")


def place(result: Result, line: int, column: int, offset: int) -> Result:
    """A unit's result placed in its file: the unit (a record of a JSON Lines archive, an article
    of a JSON array) starts at `line`, `column` and character `offset` of the file. Its findings,
    the lines kept for --show-source and the hunks of its diff move with it."""
    if (line, column, offset) == (1, 1, 0):
        return result
    result.findings = [_shifted(f, offset, line, column) for f in result.findings]
    result.lines = {n + line - 1: text for n, text in result.lines.items()}
    if result.diff:
        result.diff = HUNK.sub(
            lambda m: f"@@ -{int(m[1]) + line - 1}{m[2] or ''} +{int(m[3]) + line - 1}{m[4] or ''} @@", result.diff
        )
    return result


def _pieces(text: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of pieces of about PIECE characters, each cut after a blank line (or a line
    break, or a space, in a file with none) so no word and, where possible, no paragraph is split."""
    start = 0
    while len(text) - start > 2 * PIECE:
        cut = next((m for m in (b.search(text, start + PIECE, start + 2 * PIECE) for b in PIECE_BREAKS) if m), None)
        end = cut.end() if cut is not None else start + PIECE
        yield start, text[start:end]
        start = end
    yield start, text[start:]


def _shifted(finding: Finding, offset: int, line: int, column: int) -> Finding:
    """A piece's finding placed in the whole file (the piece starts at `offset`, `line`, `column`)."""

    def col(at_line: int, at_column: int) -> int:
        return at_column + column - 1 if at_line == 1 else at_column

    fix = finding.fix
    if fix is not None:
        fix = replace(fix, edits=tuple(replace(e, start=e.start + offset, end=e.end + offset) for e in fix.edits))
    return replace(
        finding,
        line=finding.line + line - 1,
        column=col(finding.line, finding.column),
        end_line=finding.end_line + line - 1,
        end_column=col(finding.end_line, finding.end_column),
        start=finding.start + offset,
        end=finding.end + offset,
        fix=fix,
    )
