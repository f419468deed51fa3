"""The command line's arguments: one parser, so `--help` is the reference."""

from __future__ import annotations

import argparse
import os
import sys


class Formatter(argparse.HelpFormatter):
    """argparse's own help formatter, told the terminal's width: left to find it, argparse
    imports shutil (bz2 and lzma with it) whenever a parser is built, 5-8 ms of every run, for
    help that is rarely printed. The width is found as shutil finds it."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=_columns() - 2)


def _columns() -> int:
    """$COLUMNS, else the width of the terminal on standard output, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def selectors(value: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in value.split(",") if s.strip())


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="stylelint-news",
        formatter_class=Formatter,
        description="Lint news copy (Markdown or plain text) for typos, duplication, capitalisation and attribution.",
        epilog="Exit status: 0 clean, 1 findings, 2 usage, input or configuration error. "
        "`stylelint-news rules test|try ...` tests rule packs (see `stylelint-news rules --help`).",
    )
    p.add_argument("paths", nargs="*", help="files or folders to lint (default: .); - reads standard input")
    p.add_argument(
        "--config",
        metavar="FILE",
        help="configuration file (default: found walking up from the paths to the project root or home folder)",
    )
    p.add_argument("--isolated", action="store_true", help="ignore every configuration file: the defaults only")
    p.add_argument(
        "--select", type=selectors, metavar="LIST", help="rules to run: codes, prefixes or names, comma-separated"
    )
    p.add_argument("--ignore", type=selectors, metavar="LIST", help="rules not to run")
    p.add_argument("--extend-select", type=selectors, metavar="LIST", default=(), help="rules to run as well")
    p.add_argument("--extend-ignore", type=selectors, metavar="LIST", default=(), help="more rules not to run")
    p.add_argument("--dialect", choices=["en", "en-GB", "en-US"], help="spelling to accept (default: both)")
    p.add_argument(
        "--format",
        default="flake8",
        metavar="NAME",
        help="flake8 (default), json, jsonl (a finding a line), github, sarif, gitlab, or a plugin's",
    )
    p.add_argument(
        "--show-source", action="store_true", help="print the words around each finding and a caret under it"
    )
    p.add_argument("--statistics", action="store_true", help="count findings by code at the end")
    p.add_argument("--count", action="store_true", help="print the number of findings at the end")
    p.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in FILE")
    p.add_argument(
        "--write-baseline",
        metavar="FILE",
        help="record today's findings in FILE (then --baseline FILE) and report none",
    )
    p.add_argument(
        "-q", "--quiet", action="count", default=0, help="print the findings and errors only (-qq: errors only)"
    )
    p.add_argument("-s", "--silent", action="store_true", help="print errors only, as -qq; the exit status tells")
    p.add_argument(
        "--color",
        choices=["auto", "always", "never"],
        default="auto",
        help="colour the findings: auto (default) at a terminal, unless NO_COLOR is set",
    )
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    p.add_argument(
        "--fail-level",
        choices=["info", "warning", "error"],
        help="exit 1 only for findings at this level or above; those below are reported (default: every finding)",
    )
    p.add_argument(
        "--show-traceback", action="store_true", help="print the traceback of a rule that crashes (else one line)"
    )
    p.add_argument("--output-file", metavar="FILE", help="write the report to FILE instead of standard output")
    p.add_argument(
        "--exclude", type=selectors, metavar="LIST", help="globs a folder run passes over, instead of the defaults"
    )
    p.add_argument("--extend-exclude", type=selectors, metavar="LIST", default=(), help="more globs to pass over")
    p.add_argument(
        "--force-exclude",
        action=argparse.BooleanOptionalAction,
        help="apply the exclusions (and .gitignore) to paths named on the command line too, as pre-commit needs",
    )
    p.add_argument(
        "--respect-gitignore",
        action=argparse.BooleanOptionalAction,
        help="pass over what git ignores (.gitignore, .git/info/exclude); on by default",
    )
    p.add_argument("--stdin-filename", metavar="NAME", default="-", help="the name to report for standard input")
    p.add_argument("--fix", action="store_true", help="apply safe fixes to the files")
    p.add_argument("--unsafe-fixes", action="store_true", help="apply unsafe fixes too (implies --fix)")
    p.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; write nothing")
    p.add_argument(
        "--report-unused-suppressions",
        action="store_true",
        help="report inline suppressions that suppress nothing (X001)",
    )
    p.add_argument("-j", "--jobs", type=int, metavar="N", help="processes to lint with (default: the number of cores)")
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="lint on a Dask cluster: its scheduler's address (tcp://host:8786), or `local` to start one here "
        "with --jobs workers (pip install 'stylelint-news[dask]')",
    )
    p.add_argument("--no-cache", action="store_true", help="lint every file, even those unchanged since the last run")
    p.add_argument(
        "--cache-dir", metavar="DIR", help="where results and built data are kept (default: ~/.cache/stylelint-news)"
    )
    p.add_argument("--list-rules", action="store_true", help="list every rule, marking those that would run")
    p.add_argument("--explain", metavar="CODE", help="print a rule's documentation")
    p.add_argument("--version", action="store_true", help="print the version and the plugins loaded")
    return p
