"""Turning fixes into edits of the text without touching anything else.

Fixes are applied in order of position; one that overlaps an edit already taken waits for the
next pass (the engine lints again and repeats, with a bound), so two rules can never garble each
other's words.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable

from ..finding import Edit, Finding


def choose(findings: Iterable[Finding], unsafe: bool) -> tuple[list[Edit], list[Finding]]:
    """The edits of non-overlapping fixes (safe ones, or all with `unsafe`), and their findings.
    The spans taken are kept sorted, so each edit is checked against its neighbours only: a
    large file with thousands of fixes would otherwise cost the square of their number."""
    taken: list[tuple[int, int]] = []
    chosen: list[Edit] = []
    fixed: list[Finding] = []
    candidates = sorted(
        ((f, f.fix) for f in findings if f.fix and (f.fix.safe or unsafe)),
        key=lambda pair: (min(e.start for e in pair[1].edits), pair[0].code),
    )
    for f, fix in candidates:
        edits = sorted(fix.edits)
        if any(_clashes(taken, e) for e in edits):
            continue
        for e in edits:
            insort(taken, (e.start, e.end))
        chosen.extend(edits)
        fixed.append(f)
    return sorted(chosen), fixed


def _clashes(taken: list[tuple[int, int]], e: Edit) -> bool:
    """Whether an edit overlaps a taken span, or inserts where another insertion was taken.
    Taken spans never overlap, so in start order their ends are in order too: of the spans that
    start before the edit ends, the last one reaches furthest."""
    i = bisect_left(taken, (e.end, -1))
    if i and taken[i - 1][1] > e.start:
        return True
    return e.start == e.end and i < len(taken) and taken[i] == (e.start, e.end)


def apply(text: str, edits: list[Edit]) -> str:
    """The text with non-overlapping edits made, from the end so offsets stay valid."""
    out = text
    for e in sorted(edits, reverse=True):
        out = out[: e.start] + e.text + out[e.end :]
    return out
