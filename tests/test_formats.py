"""Golden files: each output format on one fixed draft. `pytest --update-golden` rewrites them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, run_cli

GOLDEN = Path(__file__).parent / "golden"
DRAFT = GOLDEN / "draft.md"


@pytest.mark.parametrize("fmt", ["flake8", "json", "github", "sarif"])
def test_format_golden(fmt, request):
    r = run_cli("tests/golden/draft.md", "--format", fmt, "--select", "T003,D", cwd=ROOT)
    assert r.returncode == 1, r.stderr
    expected = GOLDEN / f"draft.{fmt}"
    got = r.stdout.decode()
    if request.config.getoption("--update-golden"):
        expected.write_text(got, encoding="utf-8")
    assert got == expected.read_text(encoding="utf-8")


def test_json_has_the_documented_fields():
    data = json.loads((GOLDEN / "draft.json").read_text(encoding="utf-8"))
    assert set(data[0]) == {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "code",
        "name",
        "level",
        "message",
        "suggestions",
        "fix",
    }


def test_sarif_is_2_1_0_with_code_point_columns():
    data = json.loads((GOLDEN / "draft.sarif").read_text(encoding="utf-8"))
    assert data["version"] == "2.1.0"
    run = data["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert {r["ruleId"] for r in run["results"]} <= {d["id"] for d in run["tool"]["driver"]["rules"]}
