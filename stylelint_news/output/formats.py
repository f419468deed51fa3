"""Output formats, registered through the `stylelint_news_formats` hook like a plugin's.

flake8's one line per finding is the default because editors, pre-commit and CI logs all know
how to read it; JSON is for scripts, GitHub annotations for pull requests and SARIF for
code-scanning dashboards.
"""

from __future__ import annotations

from pathlib import Path

from .. import __version__
from ..hookspecs import Formatter, hookimpl
from .escape import displayed, one_line, quote_path
from .report import Report

URI = "https://pypi.org/project/stylelint-news/"


def flake8(report: Report) -> str:
    """`path:line:col: CODE message`; with `--show-source`, the line and a caret under the column."""
    out = []
    for f in report.findings:
        out.append(f"{quote_path(f.path)}:{f.line}:{f.column}: {f.code} {one_line(f.message)}")
        if report.show_source:
            text = displayed(report.source_line(f)).expandtabs(1)
            width = max(1, (f.end_column - f.column) if f.end_line == f.line else len(text) - f.column + 1)
            out.append(f"    {text}")
            out.append("    " + " " * (f.column - 1) + "^" * min(width, 80))
    return "".join(ln + "\n" for ln in out)


def as_json(report: Report) -> str:
    import json  # here: a run that prints flake8 lines never loads it

    items = [f.as_dict() for f in report.findings]
    if report.records:  # a JSON article's findings say which record they are in
        for item, f in zip(items, report.findings):
            record = report.record(f)
            if record is not None:
                item["id"] = record
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def jsonl(report: Report) -> str:
    """JSON Lines: one finding a line, each the object `--format json` lists. It streams: a run
    over an archive writes each file's findings as they come (with `--output-file`, to a file)."""
    import json

    return "".join(json.dumps(f.as_dict(), ensure_ascii=False) + "\n" for f in report.findings)


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


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


@hookimpl
def stylelint_news_formats() -> dict[str, Formatter]:
    return {"flake8": flake8, "json": as_json, "jsonl": jsonl, "github": github, "sarif": sarif}
