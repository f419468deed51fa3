"""Severity and fail level: every rule has a level, the configuration changes it by code, prefix
or name (the most specific wins), the level reaches every format, and `fail-level` decides which
findings fail the run."""

from __future__ import annotations

import json

import pytest

from stylelint_news.config import Settings
from stylelint_news.engine.linter import Flags, Linter
from stylelint_news.text.source import Source

from conftest import built_cache, run_cli

#: A repeated word (T003, error by default) and a vague source (A001, info by default).
DRAFT = "# Ferry news\n\nThe ferry will sail to to the islands, critics say.\n"


def levels(registry, **settings) -> dict[str, str]:
    linter = Linter(Settings(**settings), registry, Flags())
    return {f.code: f.level for f in linter.lint(Source("a.md", DRAFT)).findings}


def test_built_in_levels_by_default(registry):
    assert levels(registry) == {"T003": "error", "A001": "info"}
    defaults = {code: rule.level for code, rule in registry.rules.items()}
    assert {c for c, level in defaults.items() if level == "error"} == {
        "T001",
        "T003",
        "D001",
        "D002",
        "D003",
        "D004",
        "S001",
    }
    assert {defaults[c] for c in ("A001", "A002", "A003")} == {"info"}


def test_the_most_specific_selector_wins(registry):
    assert levels(registry, severity=(("T", "info"), ("A001", "error"))) == {"T003": "info", "A001": "error"}
    by_name = (("T003", "warning"), ("repeated-word", "info"), ("ALL", "error"))
    assert levels(registry, severity=by_name) == {"T003": "info", "A001": "error"}


def write(tmp_path, config: str):
    (tmp_path / "pyproject.toml").write_text(config, encoding="utf-8")
    (tmp_path / "a.md").write_text(DRAFT, encoding="utf-8")
    return str(tmp_path / "a.md")


@pytest.mark.parametrize(
    "config, args, status",
    [
        ("", (), 1),  # no fail level: every finding fails, as before
        ('fail-level = "error"\n', (), 1),  # T003 is an error
        ('fail-level = "error"\n[tool.stylelint-news.severity]\nT = "warning"\n', (), 0),
        ('fail-level = "error"\n[tool.stylelint-news.severity]\nT = "warning"\n', ("--fail-level", "warning"), 1),
        ('[tool.stylelint-news.severity]\nT = "warning"\n', ("--fail-level", "error"), 0),
        ('fail-level = "info"\n[tool.stylelint-news.severity]\nT = "info"\n', ("--ignore", "A"), 1),
    ],
)
def test_fail_level_decides_the_exit_status(tmp_path, config, args, status):
    path = write(tmp_path, "[tool.stylelint-news]\n" + config)
    r = run_cli(path, "--no-cache", *args)
    assert r.returncode == status, r.stderr
    assert b"T003" in r.stdout  # below the fail level a finding is still reported


def test_the_level_reaches_every_format(tmp_path):
    path = write(tmp_path, '[tool.stylelint-news.severity]\nT003 = "warning"\n')
    out = json.loads(run_cli(path, "--no-cache", "--format", "json").stdout)
    assert [(f["code"], f["level"]) for f in out] == [("T003", "warning"), ("A001", "info")]
    github = run_cli(path, "--no-cache", "--format", "github").stdout.decode().splitlines()
    assert [line.split(" ")[0] for line in github] == ["::warning", "::notice"]
    sarif = json.loads(run_cli(path, "--no-cache", "--format", "sarif").stdout)["runs"][0]
    assert [r["level"] for r in sarif["results"]] == ["warning", "note"]
    assert {d["id"]: d["defaultConfiguration"]["level"] for d in sarif["tool"]["driver"]["rules"]} == {
        "A001": "note",
        "T003": "warning",
    }


def test_a_cached_result_keeps_its_level(tmp_path):
    path = write(tmp_path, '[tool.stylelint-news.severity]\nT003 = "warning"\n')
    cache = str(built_cache(tmp_path / "cache"))
    first = run_cli(path, "--cache-dir", cache, "--format", "json").stdout
    assert first == run_cli(path, "--cache-dir", cache, "--format", "json").stdout


@pytest.mark.parametrize(
    "config, message",
    [
        ('[tool.stylelint-news.severity]\nT003 = "loud"\n', "`severity.T003` must be one of info, warning, error"),
        ('[tool.stylelint-news.severity]\nQ = "info"\n', "`Q` matches no rule code, prefix or name"),
        ('[tool.stylelint-news]\nfail-level = "high"\n', "`fail-level` must be one of info, warning, error"),
    ],
)
def test_bad_severity_is_a_configuration_error(tmp_path, config, message):
    r = run_cli(write(tmp_path, config), "--no-cache")
    assert r.returncode == 2 and message in r.stderr.decode()
