"""The command line: arguments in, exit status out. No rule logic and no output logic live here.

Exit status: 0 nothing found, 1 findings, 2 a usage, input or configuration error (reported as
one line naming the file), 128+N when signal N ended the run (130 for Ctrl-C, 143 for SIGTERM),
with one line saying so. A problem with one file does not stop the others from being linted.
"""

from __future__ import annotations

import os
import signal
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
    from ..output.escape import one_line

    try:
        sys.stderr.write(f"stylelint-news: {one_line(message)}\n")
    except BrokenPipeError:
        pass


class Stopped(BaseException):
    """A signal asked the run to end (SIGTERM, SIGHUP): raised where the run is, so that on the
    way out the pool is ended and no temporary file is left, then reported in one line."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _stop(signum: int, frame: object) -> None:
    raise Stopped(signum)


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
    handled = [getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n)]
    previous = {s: signal.signal(s, _stop) for s in handled} if _main_thread() else {}
    try:
        return run(args, Out(sys.stdout))
    except UsageError as err:
        for line in err.lines():
            error(line)
        return ExitCode.ERROR
    except KeyboardInterrupt:
        error("interrupted")
        return 128 + signal.SIGINT
    except Stopped as stop:
        error(f"stopped by {signal.Signals(stop.signum).name}")
        return 128 + stop.signum
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def _main_thread() -> bool:
    """Signal handlers can only be set from the main thread (an editor may call main elsewhere)."""
    import threading

    return threading.current_thread() is threading.main_thread()
