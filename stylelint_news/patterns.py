"""Patterns compiled on first use.

The `regex` module parses patterns in Python: the attribution rules' patterns alone take a tenth
of a second to compile. Most runs need only some of them (an article with no "according to"
never needs that pattern), so each is compiled when a rule first matches with it, and a run
that never asks never pays.
"""
from __future__ import annotations

from typing import Any

import regex


class Lazy:
    """A stand-in for a compiled pattern: the same methods, compiled on first call."""

    __slots__ = ("source", "flags", "_compiled")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = flags
        self._compiled: regex.Pattern | None = None

    @property
    def compiled(self) -> regex.Pattern:
        if self._compiled is None:
            self._compiled = regex.compile(self.source, self.flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled, name)
