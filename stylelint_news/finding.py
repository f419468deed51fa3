"""What a rule reports: where, which rule, what is wrong, what to write instead, and a fix."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Edit:
    """Replace the characters in [start, end) of the text with `text`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Fix:
    """Edits that resolve one finding. Only `safe` fixes are applied by plain `--fix`:
    a safe fix cannot change what the writer meant (a doubled word removed), an unsafe one
    might (a word replaced by the one we think was meant)."""

    edits: tuple[Edit, ...]
    safe: bool = True

    def as_dict(self) -> dict:
        return {"safe": self.safe, "edits": [{"start": e.start, "end": e.end, "text": e.text} for e in self.edits]}


#: How much a finding matters, least first: `fail-level` fails a run on findings at or above it.
LEVELS = ("info", "warning", "error")


@dataclass(frozen=True)
class Finding:
    """One problem at one place. Lines and columns are 1-based and count characters. `level` is
    the rule's, as the configuration sets it: the engine fills it in on every finding of a run,
    so a rule need not ("" until then: a reader of a bare finding falls back on its rule's)."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    message: str
    start: int = 0
    end: int = 0
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = field(default=None, compare=False)
    level: str = field(default="", compare=False)

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code)

    def as_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "name": self.name,
            "level": self.level,
            "message": self.message,
            "suggestions": list(self.suggestions),
            "fix": self.fix.as_dict() if self.fix else None,
        }
