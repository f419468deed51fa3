"""Inline suppression: the writer's way to say "I meant this" next to the words concerned.

    <!-- stylelint-news: disable A001 -->   ...   <!-- stylelint-news: enable -->
    <!-- stylelint-news: disable-next-line T -->
    A sentence with the the slip. <!-- stylelint-news: disable-line T003 -->
    # stylelint-news: disable-next-line T001      (a line of its own, for plain text)

With no codes a directive covers every rule. A directive that suppressed nothing is reported on
request (`--report-unused-suppressions`, code X001), so stale ones do not pile up.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..finding import Finding
from ..hookspecs import hookimpl
from ..rule import Rule
from ..text.document import Document
from ..text.prose import DIRECTIVE
from .selection import specificity

VERBS = ("disable", "enable", "disable-line", "disable-next-line")


@dataclass
class Directive:
    """One suppression: the lines it covers, what it names, and whether it was used."""

    verb: str
    selectors: tuple[str, ...]
    line: int
    column: int
    start: int
    end: int
    first_line: int = 0
    last_line: int = 0
    used: bool = field(default=False)

    def covers(self, finding: Finding, rule: Rule) -> bool:
        if not self.first_line <= finding.line <= self.last_line:
            return False
        return not self.selectors or any(specificity(s, rule) for s in self.selectors)


class UnusedSuppression(Rule):
    code = "X001"
    name = "unused-suppression"
    summary = "An inline suppression that suppressed nothing."
    what = "Reports `stylelint-news: disable...` directives that no finding was under, when run with --report-unused-suppressions."
    why = "A suppression outlives the slip it excused; left in place it would hide the next real one."
    bad = "<!-- stylelint-news: disable-next-line T003 -->\nA line with nothing wrong in it."
    good = "<!-- stylelint-news: disable-next-line T003 -->\nA line with the the slip it excuses."
    fix_safety = "No fix: delete the directive by hand once you are sure nothing needs it."
    default = False

    def check(self, doc, ctx):  # the engine reports these: they depend on the other rules' findings
        return ()


def parse(doc: Document) -> tuple[list[Directive], list[str]]:
    """The document's directives with the lines each covers, and messages for malformed ones."""
    directives: list[Directive] = []
    problems: list[str] = []
    last_line = len(doc.line_starts)
    open_: list[Directive] = []
    if "stylelint-news:" not in doc.text:  # as DIRECTIVE needs it: most files have no directive
        return directives, problems
    for m in DIRECTIVE.finditer(doc.text):
        verb = m.group("verb") or m.group("verb2")
        args = (m.group("args") if m.group("verb") else m.group("args2")) or ""
        line, column = doc.position(m.start())
        if verb not in VERBS:
            problems.append(f"{doc.path}:{line}:{column}: unknown suppression `{verb}` (use {', '.join(VERBS)})")
            continue
        selectors = tuple(s for s in args.replace(",", " ").split() if s)
        d = Directive(verb, selectors, line, column, m.start(), m.end())
        if verb == "disable-next-line":
            end_line = doc.position(m.end())[0]
            nxt = end_line + 1
            while nxt <= last_line and not doc.line_text(nxt).strip():
                nxt += 1
            d.first_line = d.last_line = nxt
            directives.append(d)
        elif verb == "disable-line":  # the line(s) the comment itself is on: the words beside it
            d.first_line, d.last_line = line, doc.position(m.end())[0]
            directives.append(d)
        elif verb == "disable":
            d.first_line, d.last_line = line, last_line
            open_.append(d)
            directives.append(d)
        else:  # enable: closes the disables it names (all, with no codes)
            for o in list(open_):
                if not selectors or set(o.selectors) & set(selectors) or not o.selectors:
                    o.last_line = line
                    open_.remove(o)
    return directives, problems


def apply(findings: list[Finding], rules: dict[str, Rule], directives: list[Directive]) -> list[Finding]:
    """The findings no directive covers; marks the directives that covered something."""
    kept = []
    for f in findings:
        rule = rules.get(f.code)
        covering = [d for d in directives if rule is not None and d.covers(f, rule)]
        for d in covering:
            d.used = True
        if not covering:
            kept.append(f)
    return kept


@hookimpl
def stylelint_news_rules() -> list[Rule]:
    """The engine's own rule (X001), registered through the same hook as every other rule."""
    return [UnusedSuppression()]
