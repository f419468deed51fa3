"""Findings as an editor shows them: diagnostics, quick fixes, the fix-all and disable actions,
and the hover that explains a rule.

Every place goes through `Lines` (positions.py), so a finding after an emoji, on a line ended by
`\\r\\n`, or in a file with a BOM lands where the command line says it is.
"""

from __future__ import annotations

import difflib
import re

from lsprotocol import types as lsp

from ..finding import Edit, Finding
from ..rule import Rule
from .linters import Outcome
from .positions import Lines

SOURCE = "stylelint-news"
FIX_ALL = f"{lsp.CodeActionKind.SourceFixAll.value}.{SOURCE}"
SEVERITY = {
    "error": lsp.DiagnosticSeverity.Error,
    "warning": lsp.DiagnosticSeverity.Warning,
    "info": lsp.DiagnosticSeverity.Information,
    "information": lsp.DiagnosticSeverity.Information,
    "hint": lsp.DiagnosticSeverity.Hint,
}
#: How much of the text a fix removes or replaces its title quotes.
TITLE_QUOTE = 40


def _range(lines: Lines, start: int, end: int) -> lsp.Range:
    """The LSP range of [start, end), offsets in the editor's text."""
    return lsp.Range(lsp.Position(*lines.position(start)), lsp.Position(*lines.position(end)))


def span(finding: Finding, lines: Lines) -> tuple[int, int]:
    """Where a finding is, as offsets in the editor's text (from its line and column, which every
    rule sets; a plugin's finding need not carry offsets)."""
    start = lines.engine_offset(finding.line, finding.column)
    return start, max(start, lines.engine_offset(finding.end_line, finding.end_column))


def level(finding: Finding, rule: Rule | None) -> str:
    """The finding's own level where the engine gives one, else its rule's."""
    return getattr(finding, "level", None) or (rule.level if rule is not None else "warning")


def docs_url(rule: Rule | None, template: str | None) -> str | None:
    """Where a rule is documented: its own `url`, else the server's `--docs-url` template."""
    if rule is None:
        return None
    own = getattr(rule, "url", None)
    if isinstance(own, str) and own:
        return own
    return template.format(code=rule.code, name=rule.name) if template else None


def diagnostic(finding: Finding, rule: Rule | None, lines: Lines, template: str | None = None) -> lsp.Diagnostic:
    href = docs_url(rule, template)
    return lsp.Diagnostic(
        range=_range(lines, *span(finding, lines)),
        message=finding.message,
        severity=SEVERITY.get(level(finding, rule), lsp.DiagnosticSeverity.Warning),
        code=finding.code,
        code_description=lsp.CodeDescription(href=href) if href else None,
        source=SOURCE,
    )


#: An engine problem that has a place: `path:line:col: message` (a malformed directive).
PLACED = re.compile(r":(\d+):(\d+): (.*)$", re.DOTALL)


def diagnostics(outcome: Outcome, template: str | None = None) -> list[lsp.Diagnostic]:
    """The findings, and the problems that have a place in the text (a directive the engine
    cannot read) as errors with no code, as the command line reports them with exit 2."""
    lines = outcome.lines
    found = [diagnostic(f, outcome.rules.get(f.code), lines, template) for f in outcome.findings]
    for problem in outcome.problems:
        m = PLACED.match(problem, len(outcome.doc.path)) if problem.startswith(outcome.doc.path) else None
        if m is not None:
            at = lines.engine_offset(int(m.group(1)), int(m.group(2)))
            found.append(
                lsp.Diagnostic(_range(lines, at, at), m.group(3), severity=lsp.DiagnosticSeverity.Error, source=SOURCE)
            )
    return found


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return f"“{text[:TITLE_QUOTE]}…”" if len(text) > TITLE_QUOTE else f"“{text}”"


def fix_title(finding: Finding, text: str) -> str:
    """What a quick fix does, in the writer's words: replace, delete or insert what."""
    edits = finding.fix.edits if finding.fix else ()
    if len(edits) == 1:
        e = edits[0]
        old = text[e.start : e.end]
        if old and e.text:
            return f"{finding.code}: replace {_quote(old)} with {_quote(e.text)}"
        if old:
            return f"{finding.code}: delete {_quote(old)}"
        return f"{finding.code}: insert {_quote(e.text)}"
    return f"{finding.code}: apply the suggested fix"


def _edits(lines: Lines, edits: list[Edit]) -> list[lsp.TextEdit]:
    """TextEdits from edits of the linted text."""
    return [
        lsp.TextEdit(_range(lines, lines.linted_offset(e.start), lines.linted_offset(e.end)), e.text)
        for e in sorted(edits)
    ]


def _action(
    title: str,
    kind: str,
    uri: str,
    edits: list[lsp.TextEdit],
    diagnostics: list[lsp.Diagnostic] | None = None,
    preferred: bool | None = None,
) -> lsp.CodeAction:
    edit = lsp.WorkspaceEdit(changes={uri: edits})
    return lsp.CodeAction(title=title, kind=kind, diagnostics=diagnostics, is_preferred=preferred, edit=edit)


def wanted(kind: str, only: list[str] | None) -> bool:
    """Whether the client asked for actions of this kind (`only` holds kinds and their parents)."""
    return not only or any(kind == o or kind.startswith(f"{o}.") for o in only)


def code_actions(
    outcome: Outcome, start: int, end: int, only: list[str] | None, template: str | None = None
) -> list[lsp.CodeAction]:
    """The actions for the findings that touch [start, end) (offsets in the editor's text), and
    the file's fix-all. Run in the worker thread: the fix-all lints the text again."""
    engine, lines, doc = outcome.engine, outcome.lines, outcome.doc
    if engine is None:
        return []
    actions: list[lsp.CodeAction] = []
    for f in outcome.findings if wanted(lsp.CodeActionKind.QuickFix.value, only) else ():
        at, to = span(f, lines)
        if to < start or at > end:
            continue
        diag = [diagnostic(f, outcome.rules.get(f.code), lines, template)]
        if f.fix is not None:
            title = fix_title(f, lines.linted)
            edits = _edits(lines, list(f.fix.edits))
            actions.append(_action(title, "quickfix", doc.uri, edits, diag, f.fix.safe))
        directive = engine.disable(doc.path, lines.linted, f.line, f.code)
        title = f"Disable {f.code} for this line"
        actions.append(_action(title, "quickfix", doc.uri, _edits(lines, [directive]), diag))
    kinds = [lsp.CodeActionKind.QuickFix.value] if actions else []  # beside the quick fixes under the cursor
    if only and wanted(FIX_ALL, only):
        kinds.append(FIX_ALL)  # asked for by name: a "fix all" key, or fix on save
    if kinds and any(f.fix is not None and f.fix.safe for f in outcome.findings):
        fixed = engine.fixed(doc.path, lines.linted)
        if fixed.fixed_text is not None:
            edits = minimal_edits(lines, fixed.fixed_text)
            title = f"Apply every safe fix in this file ({fixed.fixed_count})"
            actions.extend(_action(title, kind, doc.uri, edits) for kind in kinds)
    return actions


def minimal_edits(lines: Lines, new: str) -> list[lsp.TextEdit]:
    """Edits that turn the linted text into `new`, each only as long as what changed (lines that
    did not change, and the writer's cursor and marks in them, are left alone)."""
    old = lines.linted
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    starts_a = [0]
    for line in a:
        starts_a.append(starts_a[-1] + len(line))
    edits = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        before, after = "".join(a[i1:i2]), "".join(b[j1:j2])
        head = _shared(before, after)
        tail = _shared(before[head:][::-1], after[head:][::-1])
        at = starts_a[i1] + head
        edits.append(Edit(at, starts_a[i2] - tail, after[head : len(after) - tail]))
    return _edits(lines, edits)


def _shared(x: str, y: str) -> int:
    """How many characters `x` and `y` start with alike."""
    return next((i for i, (c, d) in enumerate(zip(x, y)) if c != d), min(len(x), len(y)))


def hover(outcome: Outcome, offset: int, markdown: bool) -> lsp.Hover | None:
    """The explanation (`--explain`) of each rule whose finding is under the pointer."""
    under = [f for f in outcome.findings if (s := span(f, outcome.lines))[0] <= offset <= s[1]]
    if not under:
        return None
    parts = []
    for f in under:
        rule = outcome.rules.get(f.code)
        explained = rule.explain() if rule is not None else ""
        if markdown:
            parts.append(f"**{f.code}** {f.message}\n\n```text\n{explained.rstrip()}\n```")
        else:
            parts.append(f"{f.code} {f.message}\n\n{explained.rstrip()}")
    kind = lsp.MarkupKind.Markdown if markdown else lsp.MarkupKind.PlainText
    value = ("\n\n---\n\n" if markdown else "\n\n").join(parts)
    return lsp.Hover(lsp.MarkupContent(kind, value), _range(outcome.lines, *span(under[0], outcome.lines)))
