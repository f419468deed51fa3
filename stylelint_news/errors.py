"""The one exception type the command line turns into a one-line message and exit status 2.

Everything a user can get wrong (a path, a file's bytes, the configuration, a rule pack) raises
`UsageError` with the file it concerns, so the message always says where to look.
"""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    """Each status means one thing, so CI can tell a dirty draft from a broken run."""

    CLEAN = 0
    FINDINGS = 1
    ERROR = 2


class UsageError(Exception):
    """A problem with the input or the configuration, reported as `where: what`."""

    def __init__(self, where: str | None, what: str) -> None:
        super().__init__(f"{where}: {what}" if where else what)
        self.where = where
        self.what = what

    def lines(self) -> list[str]:
        """The message as the command line prints it, a line each (a rule pack reports every
        one of its problems at once, each naming the file)."""
        return [str(self)]


class RuleSkipped(Exception):
    """Raised by a rule that gave up on one file (a pattern that ran out of time); reported."""
