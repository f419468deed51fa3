"""stylelint-news: a linter for news copy.

The public API: `lint_text()` for a string, `Rule`, `Finding` and `Document` (what a rule
reads: see docs/writing-rules.md) for writing rules, `hookimpl` for plugins. Everything heavy is imported on first use, so `import stylelint_news` stays cheap.
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING, Any

from .hookspecs import hookimpl

if TYPE_CHECKING:
    from .engine.linter import lint_text
    from .finding import Edit, Finding, Fix
    from .rule import Context, Rule
    from .text.document import Document

__all__ = ["Context", "Document", "Edit", "Finding", "Fix", "Rule", "__version__", "hookimpl", "lint_text"]
_LAZY = {
    "lint_text": "engine.linter",
    "Finding": "finding",
    "Fix": "finding",
    "Edit": "finding",
    "Rule": "rule",
    "Context": "rule",
    "Document": "text.document",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(name)
