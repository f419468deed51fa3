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
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..engine.linter import Result
from ..errors import UsageError
from ..finding import Finding
from ..hookspecs import Formatter
from ..rule import Rule
from ..text.source import Source, write_atomically
from .escape import one_line
from .terminal import Progress, summary

if TYPE_CHECKING:
    from ..engine.baseline import Baseline


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
    #: Whether a format for people may colour its text (a terminal, or `--color always`).
    color: bool = False
    #: For a format marked `with_fingerprints`: each finding's stable identity, unique in the
    #: report, the same while the words it flags and those around them are (on any line).
    fingerprints: Sequence[str] = ()

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
    fingerprint: bool = False  # fingerprint each finding (a baseline, or a format that asks)

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
        text = result.fixed_text if result.fixed_text is not None else source.text  # what findings point into
        if self.fingerprint:
            from ..engine.baseline import fingerprint, flagged_text

            result.fingerprints = [(fingerprint(text, f), flagged_text(text, f)) for f in result.findings]
        if self.show_source:
            lines = text.split("\n")
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
    quiet: int = 0  # 1: nothing but the findings and errors; 2: nothing but errors
    terminal: bool = False  # standard error is a terminal: a progress bar and a summary line
    color: bool = False  # colour the report (a format for people)


class Reporter:
    """Writes the run's report and says how it went."""

    def __init__(
        self,
        options: ReportOptions,
        rules: Mapping[str, Rule],
        formatter: Formatter,
        out: Callable[[str], None],
        err: TextIO | None = None,
        baseline: Baseline | None = None,
    ) -> None:
        self.options = options
        self.rules = rules
        self.formatter = formatter
        self.out = out
        self.err = err if err is not None else sys.stderr
        self.baseline = baseline
        #: A format that others parse keeps standard output to itself: counts and statistics go
        #: to standard error, so `--format json --count` is still one JSON document.
        self.machine = bool(getattr(formatter, "machine_readable", False))
        self.fingerprints = bool(getattr(formatter, "fingerprints", False))
        self.progress: Progress | None = None
        #: The reported findings by level, once `report` has run (they decide the exit status).
        self.levels: Counter[str] = Counter()
        self._occurrences: Counter[tuple[str, str, str]] = Counter()

    def file_output(self, write: bool, stdin: bool = False, roots: tuple[Path, ...] | None = None) -> FileOutput:
        """The per-file step for files (`write`: write their fixes, through a link only to a
        target inside `roots`) or for standard input."""
        return FileOutput(
            write=write and not self.options.diff and not stdin,
            diff=self.options.diff,
            show_source=self.options.show_source,
            passthrough=stdin and self.options.passthrough,
            roots=roots,
            fingerprint=self.fingerprints or self.baseline is not None,
        )

    def report(self, results: Iterable[Result], notices: Iterable[str] = (), total: int = 0) -> tuple[int, list[str]]:
        """Write everything; return the number of findings and the problems (which decide the
        exit status). `notices` are the run's own, said once with those the files gave; `total`
        is how many files are being linted (for the progress bar).

        The results must come in the order of their paths (the runner lints files sorted): a
        format that prints one finding after another (STREAMING) then writes each file's findings
        as they come, in the order sorting them all would give, so a run over a huge file or a
        whole archive holds no more than one file's (or one piece's) findings at a time."""
        o = self.options
        streaming = o.format in STREAMING and not (o.diff or o.passthrough)
        shown = not (o.quiet >= 2 and o.output_file is None)
        if o.terminal and not o.quiet and total:
            self.progress = Progress(total, self.err)
        tally = _Tally()
        held: list[tuple[Finding, str]] = []
        lines: dict[tuple[str, int], str] = {}
        records: dict[tuple[str, int, int], str | int] = {}
        problems: list[str] = []
        said = dict.fromkeys(notices)
        written = 0
        with _Sink(o.output_file, self._out) as sink:
            for r in results:
                findings, ids = self._take(r)
                tally.add(r.path, findings)
                if streaming:
                    if shown and findings:
                        page = {(r.path, n): t for n, t in r.lines.items()}
                        sink(self.formatter(self._report(findings, page, ids)))
                else:
                    held.extend(zip(findings, ids or [""] * len(findings)))
                    lines.update(((r.path, n), t) for n, t in r.lines.items())
                    if r.record is not None:
                        records.update(((f.path, f.line, f.column), r.record) for f in findings)
                problems.extend(r.problems)
                said.update(dict.fromkeys(r.notices))
                written += r.written
                if o.diff:
                    self._out(r.diff or "")
                elif o.passthrough:
                    self._out(r.passthrough or "")
                if self.progress is not None:
                    self.progress.advance(tally.linted)
            text = ""
            if shown and not streaming:
                held.sort(key=lambda pair: pair[0].sort_key)
                ids = [i for _, i in held] if self.fingerprints else []
                text = self.formatter(self._report([f for f, _ in held], lines, ids, records))
            if shown:
                extra = ""
                if o.statistics:
                    extra += "".join(f"{n:<5} {c} {self.rules[c].name}\n" for c, n in sorted(tally.codes.items()))
                if o.count:
                    extra += f"{tally.codes.total()}\n"
                if self.machine:
                    self._err(extra)
                else:
                    text += extra
                if o.output_file or not (o.diff or o.passthrough):
                    sink(text)
                else:
                    self._err(text)  # standard output carries the diff or the text
        self._finish(said, problems, written, tally)
        self.levels = tally.levels
        return tally.codes.total(), problems

    def _take(self, r: Result) -> tuple[list[Finding], list[str]]:
        """A result's findings in order, less those the baseline holds, and (for a format that
        asks) each one's identity in the report."""
        if not (r.fingerprints and (self.baseline is not None or self.fingerprints)):
            return sorted(r.findings, key=lambda f: f.sort_key), []
        pairs = sorted(zip(r.findings, r.fingerprints), key=lambda p: p[0].sort_key)
        findings = [f for f, _ in pairs]
        prints = [fp for _, fp in pairs]
        if self.baseline is not None:
            kept = self.baseline.sift(r.path, findings, prints)
            if len(kept) != len(findings):
                new = {id(f) for f in kept}
                prints = [fp for f, fp in zip(findings, prints) if id(f) in new]
                findings = kept
        if not self.fingerprints:
            return findings, []
        return findings, [self._identity(f, fp) for f, (fp, _) in zip(findings, prints)]

    def _identity(self, finding: Finding, fp: str) -> str:
        """A finding's identity in the report: its path, code and fingerprint, and which of the
        findings with those three it is (the first, the second...), so every identity is unique."""
        from ..engine.baseline import identity

        key = (finding.path, finding.code, fp)
        n = self._occurrences[key]
        self._occurrences[key] = n + 1
        return identity(*key, n)

    def _report(
        self,
        findings: list[Finding],
        lines: Mapping[tuple[str, int], str],
        ids: list[str],
        records: Mapping[tuple[str, int, int], str | int] | None = None,
    ) -> Report:
        return Report(
            findings,
            self.rules,
            self.options.show_source,
            lines,
            records=records or {},
            color=self.options.color,
            fingerprints=ids,
        )

    def _finish(self, said: Iterable[str], problems: list[str], written: int, tally: _Tally) -> None:
        """What is said on standard error once the report is written: notices, problems, the
        fixes written, and at a terminal the summary."""
        if self.progress is not None:
            self.progress.clear()
        quiet = self.options.quiet
        for line in (*(() if quiet else said), *problems):
            self.say(line)
        if written and not quiet:
            self.say(f"fixed {written} finding{'s' if written != 1 else ''}")
        if self.options.terminal and not quiet:
            held_back = self.baseline.suppressed if self.baseline is not None else 0
            self._err(
                summary(tally.codes.total(), len(tally.files), tally.fixable, tally.unsafe, held_back, tally.linted)
                + "\n"
            )

    def _out(self, text: str) -> None:
        if text and self.progress is not None:
            self.progress.clear()
        self.out(text)

    def _err(self, text: str) -> None:
        if not text:
            return
        if self.progress is not None:
            self.progress.clear()
        try:
            self.err.write(text)
        except BrokenPipeError:
            pass

    def say(self, message: str) -> None:
        """One line of the run's own on standard error."""
        self._err(f"stylelint-news: {one_line(message)}\n")


class _Tally:
    """What the summary and the statistics count as results come in."""

    def __init__(self) -> None:
        self.codes: Counter[str] = Counter()
        self.levels: Counter[str] = Counter()
        self.files: set[str] = set()
        self.fixable = 0
        self.unsafe = 0
        self.linted = 0
        self._last: str | None = None

    def add(self, path: str, findings: list[Finding]) -> None:
        if path != self._last:  # a file linted in pieces gives one result per piece
            self.linted += 1
            self._last = path
        self.codes.update(f.code for f in findings)
        self.levels.update(f.level for f in findings)
        if findings:
            self.files.add(path)
        for f in findings:
            if f.fix is not None:
                if f.fix.safe:
                    self.fixable += 1
                else:
                    self.unsafe += 1
