"""The report stage: what becomes of the run's results once files are linted.

Two halves. `FileOutput` runs where each file was linted (in a `--jobs` worker too), so the
file's text never has to travel back: it writes the fixed text atomically (counting only the
fixes written), makes the diff for `--diff`, and keeps the source lines the report will show.
`Reporter` then gathers every file's result in order and writes the report in the chosen format,
the statistics and count, the problems and notices on standard error, and the summary of fixes.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from ..engine.linter import Result
from ..errors import UsageError
from ..finding import Finding
from ..hookspecs import Formatter
from ..rule import Rule
from ..text.source import Source, write_atomically
from .escape import one_line


@dataclass
class Report:
    """What a format renders: the findings in order, the rules that made them, and (with
    `--show-source`) the line of the file each finding is on."""

    findings: list[Finding]
    rules: Mapping[str, Rule]
    show_source: bool = False
    lines: Mapping[tuple[str, int], str] = field(default_factory=dict)

    def source_line(self, finding: Finding) -> str:
        """The text of the line a finding starts on ("" when the report keeps no lines)."""
        return self.lines.get((finding.path, finding.line), "")


@dataclass(frozen=True)
class FileOutput:
    """The per-file half of the report stage: what to do with a file's fixed text and lines."""

    write: bool = False  # write fixes to the file
    diff: bool = False  # make a unified diff instead
    show_source: bool = False  # keep the lines findings are on
    passthrough: bool = False  # a filter: pass the (fixed) text on to standard output
    roots: tuple[Path, ...] | None = None  # where a linked file's target may be written (None: anywhere)

    def __call__(self, source: Source, result: Result) -> Result:
        if result.fixed_text is not None:
            if self.diff:
                import difflib

                name = source.path.lstrip("/")
                result.diff = "".join(
                    difflib.unified_diff(
                        source.text.splitlines(keepends=True),
                        result.fixed_text.splitlines(keepends=True),
                        fromfile=f"a/{name}",
                        tofile=f"b/{name}",
                    )
                )
            elif self.write and source.raw is not None:
                try:
                    write_atomically(source, result.fixed_text, self.roots)
                    result.written = result.fixed_count
                except UsageError as err:
                    result.problems.append(str(err))
        if self.passthrough:
            result.passthrough = result.fixed_text if result.fixed_text is not None else source.text
        if self.show_source:
            lines = source.text.split("\n")
            result.lines = {f.line: lines[f.line - 1].rstrip("\r") for f in result.findings if f.line <= len(lines)}
        return result


@dataclass(frozen=True)
class ReportOptions:
    """How the run's report is written."""

    format: str = "flake8"
    show_source: bool = False
    statistics: bool = False
    count: bool = False
    output_file: str | None = None
    diff: bool = False  # print diffs instead of the report
    passthrough: bool = False  # a filter (--fix on standard input): the fixed text goes to standard output


class Reporter:
    """Writes the run's report and says how it went."""

    def __init__(
        self,
        options: ReportOptions,
        rules: Mapping[str, Rule],
        formatter: Formatter,
        out: Callable[[str], None],
        err: TextIO | None = None,
    ) -> None:
        self.options = options
        self.rules = rules
        self.formatter = formatter
        self.out = out
        self.err = err if err is not None else sys.stderr

    def file_output(self, write: bool, stdin: bool = False, roots: tuple[Path, ...] | None = None) -> FileOutput:
        """The per-file step for files (`write`: write their fixes, through a link only to a
        target inside `roots`) or for standard input."""
        return FileOutput(
            write=write and not self.options.diff and not stdin,
            diff=self.options.diff,
            show_source=self.options.show_source,
            passthrough=stdin and self.options.passthrough,
            roots=roots,
        )

    def report(self, results: Iterable[Result], notices: Iterable[str] = ()) -> tuple[list[Finding], list[str]]:
        """Write everything; return the findings and the problems (which decide the exit status).
        `notices` are the run's own, said once with those the files gave."""
        results = list(results)
        findings = sorted((f for r in results for f in r.findings), key=lambda f: f.sort_key)
        problems = [p for r in results for p in r.problems]
        notices = list(dict.fromkeys([*notices, *(n for r in results for n in r.notices)]))
        lines = {(r.path, n): t for r in results for n, t in r.lines.items()}
        text = self.formatter(Report(findings, self.rules, self.options.show_source, lines))
        if self.options.statistics:
            counts = Counter(f.code for f in findings)
            text += "".join(f"{n:<5} {code} {self.rules[code].name}\n" for code, n in sorted(counts.items()))
        if self.options.count:
            text += f"{len(findings)}\n"

        if self.options.diff:
            self.out("".join(r.diff or "" for r in results))
        elif self.options.passthrough:
            self.out("".join(r.passthrough or "" for r in results))
        if self.options.output_file:
            try:
                Path(self.options.output_file).write_text(text, encoding="utf-8")
            except OSError as err:
                raise UsageError(self.options.output_file, f"cannot write the report: {err.strerror or err}") from None
        elif self.options.diff or self.options.passthrough:
            self.err.write(text)  # standard output carries the diff or the text
        else:
            self.out(text)
        for line in (*notices, *problems):
            self._say(line)
        written = sum(r.written for r in results)
        if written:
            self._say(f"fixed {written} finding{'s' if written != 1 else ''}")
        return findings, problems

    def _say(self, message: str) -> None:
        try:
            self.err.write(f"stylelint-news: {one_line(message)}\n")
        except BrokenPipeError:
            pass
