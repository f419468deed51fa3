"""Golden cases by rule code: each draft in fixtures/CODE/ is linted with that rule alone and its
findings compared with the `.expected` file beside it (flake8 lines, fixes marked).

Found by glob, as ruff's and black's are: a new case is a new file. When a change is meant to
alter the output, `python -m pytest tests/test_fixtures.py --update-golden` rewrites the
expected files; read the diff before committing it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from stylelint_news.config import Settings
from stylelint_news.engine.linter import Flags, Linter
from stylelint_news.text.source import Source

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(p for p in FIXTURES.glob("*/*") if p.suffix in (".md", ".txt"))


def render(findings) -> str:
    lines = []
    for f in findings:
        fix = "" if f.fix is None else (" [fix]" if f.fix.safe else " [unsafe fix]")
        lines.append(f"{f.line}:{f.column}: {f.code} {f.message}{fix}")
    return "".join(line + "\n" for line in lines)


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture(case, registry, request):
    code = case.parent.name
    assert code in registry.rules, f"fixtures/{code} names no rule"
    linter = Linter(Settings(), registry, Flags(select=(code,)))
    got = render(linter.lint(Source(case.name, case.read_text(encoding="utf-8"))).findings)
    expected = case.with_suffix(case.suffix + ".expected")
    if request.config.getoption("--update-golden"):
        expected.write_text(got, encoding="utf-8")
    assert expected.exists(), f"no {expected.name}: run with --update-golden and read it"
    assert got == expected.read_text(encoding="utf-8")


def test_every_built_in_rule_has_a_fixture(registry):
    codes = {p.parent.name for p in CASES}
    # X001 and S001 (the configuration's rejected terms) are tested in test_suppression and test_vocabulary
    built_in = {c for c, r in registry.rules.items() if r.origin == "builtin" and c not in ("X001", "S001")}
    assert built_in <= codes, sorted(built_in - codes)
