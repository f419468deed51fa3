"""The command line: arguments in, exit status out. No rule logic and no output logic live here.

Exit status: 0 nothing found, 1 findings, 2 a usage, input or configuration error (reported as
one line naming the file). A problem with one file does not stop the others from being linted.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TextIO

from ..errors import ExitCode, UsageError


class Out:
    """Standard output that survives being piped into `head`."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def __call__(self, text: str) -> None:
        if not text:
            return
        try:
            self.stream.write(text)
            self.stream.flush()
        except BrokenPipeError:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise SystemExit(ExitCode.CLEAN) from None


def error(message: str) -> None:
    """One line on standard error, as every problem is reported."""
    try:
        sys.stderr.write(f"stylelint-news: {message}\n")
    except BrokenPipeError:
        pass


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["rules"]:
        from .rules import main as rules_main

        return rules_main(argv[1:])
    if argv[:1] == ["lsp"]:
        from ..lsp import main as lsp_main

        return lsp_main(argv[1:])
    from .args import parser
    from .lint import run

    args = parser().parse_args(argv)
    try:
        return run(args, Out(sys.stdout))
    except UsageError as err:
        error(str(err))
        return ExitCode.ERROR
    except KeyboardInterrupt:
        return 130
