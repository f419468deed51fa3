"""The time a pack rule's own patterns may take on one file.

A newsroom's pattern can backtrack without end (`(a|a)+$` before forty a's and a "!"). A limit
per call is not enough: a rule searches every paragraph, and 300 paragraphs each just under a
one-second limit hang a commit for minutes with nothing reported. So each rule gets one budget
per file, spent by every call to any of its patterns (its matches, its exceptions, the lines of
a leftover rule alike), and the rule that spends it is skipped for that file and reported
(`RuleSkipped`), never left to hang the run or to pass in silence.

How the budget reaches the patterns: the engine runs each rule on each file inside
`spending(PatternBudget())`, and every pattern a pack compiles (`compile_pattern` in rule.py
returns a `UserPattern`) charges its calls to the budget in force. A rule type therefore needs
nothing of its own: `pattern.search(text)`, `pattern.finditer(text, pos, endpos)`, `.match`,
`.fullmatch` are bounded wherever it calls them. Outside a run (a test calling `check` itself)
each call gets a budget of its own. `active()` is the budget in force, and a `PatternBudget`'s
methods bound any pattern, the tool's own `Lazy` ones included.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextvars import ContextVar
from time import process_time
from typing import Any, NoReturn

import regex

from ..errors import RuleSkipped

#: Seconds (of CPU time) matching one rule's patterns may take on one file (each piece of a file
#: over 2 MB, each pass of --fix).
SECONDS = 1.0

#: What a call gets when the budget is spent: the regex module wants a positive timeout.
_NOTHING_LEFT = 1e-6


class PatternBudget:
    """What is left of one rule's time on one file, spent by each call through it.

    The regex module's own `timeout` bounds each call by what is left; the time the call took
    (the matching only, not the rule's own work between matches) then comes off it. Both count
    the process's CPU time, as the regex module does: on a busy machine a second of the clock
    on the wall may be a tenth of one of work, and whether a rule runs must not depend on the
    load (a pre-commit hook beside a build would lose findings).
    """

    __slots__ = ("left", "seconds")

    def __init__(self, seconds: float = SECONDS) -> None:
        self.seconds = seconds
        self.left = seconds

    def finditer(self, pattern: Any, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[regex.Match]:
        """pattern.finditer(text, pos, endpos), within the budget."""
        raw = getattr(pattern, "compiled", pattern)
        end = len(text) if endpos is None else endpos
        started = process_time()
        try:
            matches = raw.finditer(text, pos, end, timeout=self._timeout(pattern))
            while True:
                match = next(matches, None)
                self.left -= process_time() - started
                if match is None:
                    return
                yield match
                started = process_time()
        except TimeoutError:
            self._spent(pattern)

    def all(self, pattern: Any, text: str, pos: int = 0, endpos: int | None = None) -> list[regex.Match]:
        """Every match of a pattern in a text, as a list: one timed call where a rule searches
        many short parts (`finditer` times each step, for a rule that reads matches as it goes)."""
        raw = getattr(pattern, "compiled", pattern)
        end = len(text) if endpos is None else endpos
        started = process_time()
        try:
            found = list(raw.finditer(text, pos, end, timeout=self._timeout(pattern)))
        except TimeoutError:
            self._spent(pattern)
        self.left -= process_time() - started
        return found

    def search(self, pattern: Any, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        return self._call(pattern, "search", text, pos, endpos)

    def match(self, pattern: Any, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        return self._call(pattern, "match", text, pos, endpos)

    def fullmatch(self, pattern: Any, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        return self._call(pattern, "fullmatch", text, pos, endpos)

    def _call(self, pattern: Any, method: str, text: str, pos: int, endpos: int | None) -> regex.Match | None:
        raw = getattr(pattern, "compiled", pattern)
        started = process_time()
        try:
            found = getattr(raw, method)(
                text, pos, len(text) if endpos is None else endpos, timeout=self._timeout(pattern)
            )
        except TimeoutError:
            self._spent(pattern)
        self.left -= process_time() - started
        return found

    def _timeout(self, pattern: Any) -> float:
        if self.left <= 0:
            self._spent(pattern)
        return max(self.left, _NOTHING_LEFT)

    def _spent(self, pattern: Any) -> NoReturn:
        self.left = 0.0
        raise RuleSkipped(
            f"its patterns ran for over {self.seconds:g} s on this file, the limit for one rule on one file "
            f"(the last: {pattern.pattern[:60]!r})"
        ) from None


_ACTIVE: ContextVar[PatternBudget | None] = ContextVar("stylelint_news_pattern_budget", default=None)


class spending:  # noqa: N801 - used as a function: `with spending(PatternBudget()):`
    """Charge every pack pattern called in this block to `budget` (the engine's part: one
    budget for each rule on each file). A class, not a generator: the engine enters it for every
    rule on every file."""

    __slots__ = ("budget", "token")

    def __init__(self, budget: PatternBudget) -> None:
        self.budget = budget

    def __enter__(self) -> PatternBudget:
        self.token = _ACTIVE.set(self.budget)
        return self.budget

    def __exit__(self, *exc: object) -> None:
        _ACTIVE.reset(self.token)


def in_force() -> PatternBudget | None:
    """The budget the engine set for the rule running now (None outside a run)."""
    return _ACTIVE.get()


def active() -> PatternBudget:
    """The budget in force, or (outside a run) a fresh one for this one call."""
    budget = _ACTIVE.get()
    return budget if budget is not None else PatternBudget()


class UserPattern:
    """A pattern from a pack: the methods of a compiled pattern, each call charged to the budget
    in force, so no rule type can run a writer's pattern without a limit."""

    __slots__ = ("compiled", "flags", "groupindex", "groups", "pattern", "plan")

    def __init__(self, compiled: regex.Pattern) -> None:
        self.compiled = compiled
        #: What its searches may use (literals.Plan), worked out on the first (rule.py, `plan_of`).
        self.plan: Any = None
        self.pattern: str = compiled.pattern
        self.flags: int = compiled.flags
        self.groups: int = compiled.groups
        self.groupindex: dict[str, int] = dict(compiled.groupindex)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[regex.Match]:
        return active().finditer(self.compiled, text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        return active().search(self.compiled, text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        return active().match(self.compiled, text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        return active().fullmatch(self.compiled, text, pos, endpos)

    def __repr__(self) -> str:
        return f"UserPattern({self.pattern!r})"
