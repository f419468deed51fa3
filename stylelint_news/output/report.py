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
    #: The id of the JSON record each finding of a JSON article is in, by (path, line, column).
    records: Mapping[tuple[str, int, int], str | int] = field(default_factory=dict)

    def source_line(self, finding: Finding) -> str:
        """The text of the line a finding starts on ("" when the report keeps no lines)."""
        return self.lines.get((finding.path, finding.line), "")

    def record(self, finding: Finding) -> str | int | None:
        """The id of the JSON record a finding is in, if it is in one that has an id."""
        return self.records.get((finding.path, finding.line, finding.column)) if self.records else None


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
            elif self.write and not source.editable:
                result.notices.append(NOT_WRITTEN)
            elif self.write and source.raw is not None:
                try:
                    write_atomically(source, result.fixed_text, self.roots)
                    result.written = result.fixed_count
                except UsageError as err:
                    result.problems.append(str(err))
        if self.passthrough:
            fixed = result.fixed_text is not None and source.editable
            result.passthrough = result.fixed_text if fixed else source.text
        if self.show_source:
            lines = source.text.split("\n")
            result.lines = {f.line: lines[f.line - 1].rstrip("\r") for f in result.findings if f.line <= len(lines)}
        return result


NOT_WRITTEN = "fixes in JSON, JSON Lines and .docx files are shown (--diff, and in JSON output), not written"

#: Formats that print one finding after another with nothing around them, so a file's findings
#: can be written as soon as it is linted (JSON and SARIF are one document, a plugin's format may be).
STREAMING = ("flake8", "github", "jsonl")


class _Sink:
    """Where the report goes: the output file (opened when first written, so a run that fails
    before writing leaves none), or standard output."""

    def __init__(self, output_file: str | None, out: Callable[[str], None]) -> None:
        self.output_file = output_file
        self.out = out
        self.file: TextIO | None = None

    def __enter__(self) -> _Sink:
        return self

    def __call__(self, text: str) -> None:
        if self.output_file is None:
            self.out(text)
            return
        try:
            if self.file is None:
                self.file = open(self.output_file, "w", encoding="utf-8")  # noqa: SIM115 - closed on exit
            self.file.write(text)
        except OSError as err:
            raise UsageError(self.output_file, f"cannot write the report: {err.strerror or err}") from None

    def __exit__(self, *exc: object) -> None:
        if self.file is not None:
            try:
                self.file.close()
            except OSError as err:  # a full disk shows here, when the last of the report is written
                raise UsageError(self.output_file, f"cannot write the report: {err.strerror or err}") from None


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

    def report(self, results: Iterable[Result], notices: Iterable[str] = ()) -> tuple[int, list[str]]:
        """Write everything; return the number of findings and the problems (which decide the
        exit status). `notices` are the run's own, said once with those the files gave.

        The results must come in the order of their paths (the runner lints files sorted): a
        format that prints one finding after another (STREAMING) then writes each file's findings
        as they come, in the order sorting them all would give, so a run over a huge file or a
        whole archive holds no more than one file's (or one piece's) findings at a time."""
        streaming = self.options.format in STREAMING and not (self.options.diff or self.options.passthrough)
        counts: Counter[str] = Counter()
        held: list[Finding] = []
        lines: dict[tuple[str, int], str] = {}
        records: dict[tuple[str, int, int], str | int] = {}
        problems: list[str] = []
        said = dict.fromkeys(notices)
        written = 0
        with _Sink(self.options.output_file, self.out) as sink:
            for r in results:
                findings = sorted(r.findings, key=lambda f: f.sort_key)
                counts.update(f.code for f in findings)
                if streaming:
                    shown = {(r.path, n): t for n, t in r.lines.items()}
                    sink(self.formatter(Report(findings, self.rules, self.options.show_source, shown)))
                else:
                    held.extend(findings)
                    lines.update(((r.path, n), t) for n, t in r.lines.items())
                    if r.record is not None:
                        records.update(((f.path, f.line, f.column), r.record) for f in findings)
                problems.extend(r.problems)
                said.update(dict.fromkeys(r.notices))
                written += r.written
                if self.options.diff:
                    self.out(r.diff or "")
                elif self.options.passthrough:
                    self.out(r.passthrough or "")
            text = (
                ""
                if streaming
                else self.formatter(
                    Report(sorted(held, key=lambda f: f.sort_key), self.rules, self.options.show_source, lines, records)
                )
            )
            if self.options.statistics:
                text += "".join(f"{n:<5} {code} {self.rules[code].name}\n" for code, n in sorted(counts.items()))
            if self.options.count:
                text += f"{counts.total()}\n"
            if self.options.output_file or not (self.options.diff or self.options.passthrough):
                sink(text)
            else:
                self.err.write(text)  # standard output carries the diff or the text
        for line in (*said, *problems):
            self._say(line)
        if written:
            self._say(f"fixed {written} finding{'s' if written != 1 else ''}")
        return counts.total(), problems

    def _say(self, message: str) -> None:
        try:
            self.err.write(f"stylelint-news: {one_line(message)}\n")
        except BrokenPipeError:
            pass
