"""What a rule is: a declaration the engine runs, with its documentation beside its logic.

The engine, not the rule, decides whether a rule runs (selection), what happens to its findings
(suppression, sorting, fixing) and what a crash in it means. A rule only reads a Document and its
own options and yields Findings, so it can run in any process and be tested on its own examples.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from .engine.context import Context
from .engine.patterns import Lazy
from .finding import Edit, Finding, Fix
from .text.document import Document

__all__ = ["Context", "Rule", "validate"]

CODE = Lazy(r"^[A-Z]{1,3}[0-9]{3}$")
NAME = Lazy(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


class Rule:
    """Base class of every rule. Subclasses set the class attributes and implement `check`.

    The documentation fields follow one template ("What it does / Why it matters / Example /
    Fix safety"), which is at once `--explain`, the generated rule list and the rule's example
    tests: `bad` must be flagged and `good` must not.
    """

    code: str = ""
    name: str = ""
    summary: str = ""
    what: str = ""
    why: str = ""
    bad: str = ""
    good: str = ""
    #: When the rule's fix is safe (plain `--fix` applies it: a copy editor would accept it
    #: without reading the sentence), when it is not, and why; or that it offers no fix.
    fix_safety: str = ""
    default: bool = True
    #: How much the rule's findings matter by default: info, warning or error. The configuration's
    #: `severity` changes it, `fail-level` decides which fail a run, and every format shows it.
    level: str = "warning"
    options: Mapping[str, Any] = {}
    #: Whether this rule's findings cover text that repeats earlier text (a pasted paragraph):
    #: the engine then drops other findings inside that copy that the original already has.
    marks_copies: bool = False
    #: Where the rule came from ("builtin", a plugin's name, a file); set by the plugin manager.
    origin: str = "builtin"

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        raise NotImplementedError

    def examples(self) -> tuple[list[str], list[str]]:
        """Texts the rule must flag, and texts it must leave alone (linted as Markdown bodies)."""
        return ([self.bad] if self.bad else []), ([self.good] if self.good else [])

    # -- helpers for subclasses --------------------------------------------------------------

    def report(
        self,
        doc: Document,
        start: int,
        end: int,
        message: str,
        suggestions: Iterable[str] = (),
        replacement: str | None = None,
        safe: bool = True,
        edits: Iterable[Edit] | None = None,
    ) -> Finding:
        """A Finding at [start, end) of the document; `replacement` makes a one-edit fix."""
        line, column = doc.position(start)
        end_line, end_column = doc.position(max(start, end))
        fix = None
        if edits is not None:
            fix = Fix(tuple(edits), safe)
        elif replacement is not None:
            fix = Fix((Edit(start, end, replacement),), safe)
        return Finding(
            path=doc.path,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            code=self.code,
            name=self.name,
            message=message,
            start=start,
            end=end,
            suggestions=tuple(suggestions),
            fix=fix,
        )

    def explain(self) -> str:
        """The rule's documentation as `--explain` prints it."""
        state = "on" if self.default else "off"
        parts = [
            f"{self.code} ({self.name}): {self.summary}",
            f"Default: {state}, level {self.level}. Origin: {self.origin}.",
        ]
        if self.what:
            parts.append("What it does\n" + _indent(self.what))
        if self.why:
            parts.append("Why it matters\n" + _indent(self.why))
        if self.bad or self.good:
            parts.append("Example\n" + _indent(f"Flagged: {self.bad}\nClean:   {self.good}"))
        if self.fix_safety:
            parts.append("Fix safety\n" + _indent(self.fix_safety))
        if self.options:
            lines = [f"{k} = {v!r}" for k, v in self.options.items()]
            parts.append(f"Options ([tool.stylelint-news.options.{self.code}])\n" + _indent("\n".join(lines)))
        return "\n\n".join(parts) + "\n"


def _indent(text: str) -> str:
    return "\n".join("    " + ln if ln else ln for ln in text.strip("\n").splitlines())


def validate(rule: Rule) -> Iterator[str]:
    """What is wrong with a rule's declaration (nothing, for a good one)."""
    if not CODE.match(rule.code or ""):
        yield f"code {rule.code!r} is not like T001 (1-3 capitals and 3 digits)"
    if not NAME.match(rule.name or ""):
        yield f"name {rule.name!r} is not kebab-case"
    if not rule.summary:
        yield "it has no summary"
