"""Output that programs read stays one valid document: --count and --statistics go to standard
error for machine formats (flake8's stay on standard output, as flake8 prints them), and the
GitLab Code Quality report."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from stylelint_news.finding import Finding
from stylelint_news.output.formats import machine_readable
from stylelint_news.output.report import Report, Reporter, ReportOptions

from conftest import run_cli

DRAFT = "The ferry sailed to to the isles.\n\nThe mayor recieved a letter.\n"


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "story.md"
    path.write_text(DRAFT, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["json", "sarif", "gitlab"])
def test_count_and_statistics_leave_standard_output_valid_json(draft, fmt):
    plain = run_cli(str(draft), "--no-cache", "--format", fmt)
    r = run_cli(str(draft), "--no-cache", "--format", fmt, "--count", "--statistics")
    assert r.returncode == 1
    assert r.stdout == plain.stdout and json.loads(r.stdout)
    assert r.stderr.decode() == "1     T001 misspelling\n1     T003 repeated-word\n2\n"


def test_github_annotations_alone_on_standard_output(draft):
    r = run_cli(str(draft), "--no-cache", "--format", "github", "--count")
    assert all(ln.startswith("::") for ln in r.stdout.decode().splitlines())
    assert r.stderr.decode() == "2\n"


def test_flake8_keeps_them_on_standard_output_as_flake8_does(draft):
    r = run_cli(str(draft), "--no-cache", "--count", "--statistics")
    assert r.stdout.decode().splitlines()[-3:] == ["1     T001 misspelling", "1     T003 repeated-word", "2"]
    assert r.stderr == b""


def test_a_report_file_stays_valid_too(draft, tmp_path):
    out = tmp_path / "report.sarif"
    r = run_cli(str(draft), "--no-cache", "--format", "sarif", "--count", "--output-file", str(out))
    assert (r.stdout, r.stderr) == (b"", b"2\n")
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_a_plugin_format_that_says_it_is_machine_readable():
    @machine_readable
    def tally(report: Report) -> str:
        return json.dumps({"findings": len(report.findings)}) + "\n"

    def plain(report: Report) -> str:
        return f"{len(report.findings)} findings\n"

    from stylelint_news.engine.linter import Result

    finding = Finding("a.md", 1, 1, 1, 2, "T003", "repeated-word", "m", 0, 1)
    rules: dict = {"T003": type("R", (), {"name": "repeated-word"})()}
    for formatter, stdout, stderr in [
        (tally, '{"findings": 1}\n', "1\n"),
        (plain, "1 findings\n1\n", ""),
    ]:
        out: list[str] = []
        err = io.StringIO()
        reporter = Reporter(ReportOptions(format="x", count=True), rules, formatter, out.append, err=err)
        reporter.report([Result("a.md", findings=[finding])])
        assert ("".join(out), err.getvalue()) == (stdout, stderr)


def test_gitlab_code_quality_report(tmp_path):
    (tmp_path / "pack.toml").write_text(
        '[[rule]]\ncode = "N101"\nname = "no-slams"\ntype = "existence"\nlevel = "error"\n'
        'message = "tabloid: {match}"\ntokens = ["slams"]\n'
        '[[rule]]\ncode = "N102"\nname = "no-blasts"\ntype = "existence"\nlevel = "info"\n'
        'message = "tabloid: {match}"\ntokens = ["blasts"]\n',
        encoding="utf-8",
    )
    (tmp_path / ".stylelint-news.toml").write_text('rules = ["pack.toml"]\nextend-select = ["N"]\n', encoding="utf-8")
    text = "Mayor slams plan.\n\nThe ferry sailed to to the isles.\n\nThe ferry sailed to to the isles.\n\nCouncil blasts it.\n"
    (tmp_path / "story.md").write_text(text, encoding="utf-8")
    r = run_cli("--no-cache", "--format", "gitlab", "--select", "T003,N", "story.md", cwd=tmp_path)
    issues = json.loads(r.stdout)
    assert r.returncode == 1 and len(issues) == 4
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["location"]["path"] == "story.md" and isinstance(issue["location"]["lines"]["begin"], int)
        assert issue["description"].startswith(issue["check_name"] + " ")
    assert len({i["fingerprint"] for i in issues}) == 4  # the same slip twice: two identities
    assert {i["check_name"]: i["severity"] for i in issues} == {"N101": "major", "T003": "minor", "N102": "info"}
    (tmp_path / "story.md").write_text("# Council news\n\nA new first paragraph.\n\n" + text, encoding="utf-8")
    again = json.loads(
        run_cli("--no-cache", "--format", "gitlab", "--select", "T003,N", "story.md", cwd=tmp_path).stdout
    )
    assert [i["fingerprint"] for i in again] == [i["fingerprint"] for i in issues]  # lines moved, identities kept
    assert [i["location"]["lines"]["begin"] for i in again] == [i["location"]["lines"]["begin"] + 4 for i in issues]


def test_sarif_uri_of_a_relative_path_is_percent_encoded(tmp_path):
    (tmp_path / "50% off #1.md").write_text(DRAFT, encoding="utf-8")
    sarif = json.loads(run_cli("--no-cache", "--format", "sarif", "50% off #1.md", cwd=tmp_path).stdout)
    uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "50%25%20off%20%231.md"
