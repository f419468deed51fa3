"""Output formats, registered through the `stylelint_news_formats` hook like a plugin's.

flake8's one line per finding is the default because editors, pre-commit and CI logs all know
how to read it; JSON and JSON Lines are for scripts, GitHub annotations for pull requests, SARIF for
code-scanning dashboards and GitLab Code Quality for merge requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from .. import __version__
from ..hookspecs import Formatter, hookimpl
from .escape import displayed, one_line, quote_path
from .report import Report
from .terminal import Paint, window

URI = "https://pypi.org/project/stylelint-news/"
F = TypeVar("F", bound=Callable[[Report], str])


def machine_readable(formatter: F) -> F:
    """Mark a format that programs parse (a plugin's too): `--count` and `--statistics` then go
    to standard error, so standard output stays one valid document."""
    formatter.machine_readable = True  # type: ignore[attr-defined]
    return formatter


def with_fingerprints(formatter: F) -> F:
    """Mark a format that shows each finding's identity (`report.fingerprints`, parallel to
    `report.findings`): the report stage then works them out, which other formats need not pay for."""
    formatter.fingerprints = True  # type: ignore[attr-defined]
    return formatter


def flake8(report: Report) -> str:
    """`path:line:col: CODE message`; with `--show-source`, the words around the finding (a
    window of about 100 characters of its line: a Markdown paragraph is one line) and a caret
    under it; coloured at a terminal."""
    out = []
    paint = Paint(report.color)
    for f in report.findings:
        code = paint.level(f.code, f.level)
        out.append(f"{paint.path(quote_path(f.path))}:{f.line}:{f.column}: {code} {one_line(f.message)}")
        if report.show_source:
            line = displayed(report.source_line(f)).expandtabs(1)
            width = (f.end_column - f.column) if f.end_line == f.line else len(line) - f.column + 1
            text, at, width = window(line, f.column - 1, width)
            out.append(f"    {text}")
            out.append("    " + " " * at + paint.level("^" * width, f.level))
    return "".join(ln + "\n" for ln in out)


@machine_readable
def as_json(report: Report) -> str:
    import json  # here: a run that prints flake8 lines never loads it

    items = [f.as_dict() for f in report.findings]
    if report.records:  # a JSON article's findings say which record they are in
        for item, f in zip(items, report.findings):
            record = report.record(f)
            if record is not None:
                item["id"] = record
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


@machine_readable
def jsonl(report: Report) -> str:
    """JSON Lines: one finding a line, each the object `--format json` lists. It streams: a run
    over an archive writes each file's findings as they come (with `--output-file`, to a file)."""
    import json

    return "".join(json.dumps(f.as_dict(), ensure_ascii=False) + "\n" for f in report.findings)


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


@machine_readable
def github(report: Report) -> str:
    """GitHub Actions workflow commands, which annotate the lines of a pull request."""
    out = []
    for f in report.findings:
        props = (
            f"file={_escape_property(f.path)},line={f.line},col={f.column},"
            f"endLine={f.end_line},endColumn={f.end_column},title={_escape_property(f'{f.code} {f.name}')}"
        )
        level = {"info": "notice", "error": "error"}.get(f.level, "warning")
        out.append(f"::{level} {props}::{_escape_data(f'{f.code} {f.message}')}\n")
    return "".join(out)


def file_uri(path: str) -> str:
    """A SARIF artifact URI: a percent-encoded `file:` URI for an absolute path, a percent-encoded
    relative reference (resolved against the repository, as code scanning expects) otherwise."""
    from urllib.parse import quote

    posix = Path(path)
    return posix.as_uri() if posix.is_absolute() else quote(posix.as_posix(), safe="/")


def _sarif_level(level: str) -> str:
    return {"info": "note", "error": "error"}.get(level, "warning")


@machine_readable
def sarif(report: Report) -> str:
    """SARIF 2.1.0, columns counted in Unicode code points as ours are."""
    findings, rules = report.findings, report.rules
    levels = {f.code: f.level for f in findings}  # the level the configuration gave each rule
    used = sorted(levels)
    index = {code: i for i, code in enumerate(used)}
    descriptors = []
    for code in used:
        rule = rules.get(code)
        descriptors.append(
            {
                "id": code,
                "name": rule.name if rule else code,
                "shortDescription": {"text": rule.summary if rule else code},
                "fullDescription": {"text": (rule.what or rule.summary) if rule else code},
                "help": {"text": rule.explain() if rule else code},
                "defaultConfiguration": {"level": _sarif_level(levels[code])},
            }
        )
    results = []
    for f in findings:
        result = {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": _sarif_level(f.level),
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": file_uri(f.path)},
                        "region": {
                            "startLine": f.line,
                            "startColumn": f.column,
                            "endLine": f.end_line,
                            "endColumn": f.end_column,
                        },
                    }
                }
            ],
        }
        if f.fix:
            result["fixes"] = [
                {
                    "description": {"text": "safe fix" if f.fix.safe else "unsafe fix"},
                    "artifactChanges": [
                        {
                            "artifactLocation": {"uri": file_uri(f.path)},
                            "replacements": [
                                {
                                    "deletedRegion": {"charOffset": e.start, "charLength": e.end - e.start},
                                    "insertedContent": {"text": e.text},
                                }
                                for e in f.fix.edits
                            ],
                        }
                    ],
                }
            ]
        results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "stylelint-news",
                        "version": __version__,
                        "informationUri": URI,
                        "rules": descriptors,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    import json

    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


#: GitLab Code Quality severities for our levels (each finding's, after the configuration's `severity`).
GITLAB_SEVERITY = {"info": "info", "warning": "minor", "error": "major"}


@machine_readable
@with_fingerprints
def gitlab(report: Report) -> str:
    """GitLab Code Quality (a subset of Code Climate's format), for the merge request widget and
    the pipeline's code quality tab. Each finding's `fingerprint` is its identity from words, not
    lines (see engine/baseline.py), so GitLab tells new findings from old ones across commits
    even when lines were added above them."""
    import json

    issues = [
        {
            "description": f"{f.code} {f.message}",
            "check_name": f.code,
            "fingerprint": fp,
            "severity": GITLAB_SEVERITY.get(f.level, "minor"),
            "location": {"path": f.path.removeprefix("./"), "lines": {"begin": f.line, "end": f.end_line}},
        }
        for f, fp in zip(report.findings, report.fingerprints)
    ]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


@hookimpl
def stylelint_news_formats() -> dict[str, Formatter]:
    return {"flake8": flake8, "json": as_json, "jsonl": jsonl, "github": github, "sarif": sarif, "gitlab": gitlab}
