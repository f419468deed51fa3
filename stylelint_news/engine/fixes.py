"""Turning fixes into edits of the text without touching anything else.

Fixes are applied in order of position; one that overlaps an edit already taken waits for the
next pass (the engine lints again and repeats, with a bound), so two rules can never garble each
other's words.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..finding import Edit, Finding


def choose(findings: Iterable[Finding], unsafe: bool) -> tuple[list[Edit], list[Finding]]:
    """The edits of non-overlapping fixes (safe ones, or all with `unsafe`), and their findings."""
    taken: list[Edit] = []
    fixed: list[Finding] = []
    candidates = sorted(
        ((f, f.fix) for f in findings if f.fix and (f.fix.safe or unsafe)),
        key=lambda pair: (min(e.start for e in pair[1].edits), pair[0].code),
    )
    for f, fix in candidates:
        edits = sorted(fix.edits)
        if any(
            (e.start < t.end and t.start < e.end) or e.start == t.start == e.end == t.end for e in edits for t in taken
        ):
            continue
        taken.extend(edits)
        fixed.append(f)
    return sorted(taken), fixed


def apply(text: str, edits: list[Edit]) -> str:
    """The text with non-overlapping edits made, from the end so offsets stay valid."""
    out = text
    for e in sorted(edits, reverse=True):
        out = out[: e.start] + e.text + out[e.end :]
    return out
