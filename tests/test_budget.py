"""The time limit on a pack's patterns: one budget per rule and file, spent by every call to any
of the rule's patterns, wherever the rule type calls them; the rule that spends it is reported."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
import regex

from stylelint_news.errors import RuleSkipped
from stylelint_news.packs.budget import PatternBudget, UserPattern, spending

#: A pattern that backtracks badly on a run of a's that does not end as it wants.
SLOW = "(a|a)+$"


def lint_with_pack(
    tmp_path, pack: str, draft: str, name: str = "draft.md"
) -> tuple[subprocess.CompletedProcess, float]:
    (tmp_path / "desk.toml").write_text(pack, encoding="utf-8")
    (tmp_path / ".stylelint-news.toml").write_text('rules = ["desk.toml"]\n', encoding="utf-8")
    (tmp_path / name).write_text(draft, encoding="utf-8")
    started = time.monotonic()
    r = subprocess.run(
        [sys.executable, "-m", "stylelint_news", "--no-cache", "--select", "N", name],
        capture_output=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=60,
    )
    return r, time.monotonic() - started


def rule_table(code: str, kind: str, body: str) -> str:
    return (
        f'[[rule]]\ncode = "{code}"\nname = "slow-{code.lower()}"\ntype = "{kind}"\nmessage = "m {{match}}"\n{body}\n'
    )


def test_a_catastrophic_exception_is_stopped_and_its_rule_reported(tmp_path):
    pack = rule_table("N301", "existence", f'tokens = ["a"]\nexceptions = ["{SLOW}"]')
    r, took = lint_with_pack(tmp_path, pack, "# Head\n\nHere is a " + "a" * 40 + "!\n")
    assert took < 5
    assert r.returncode == 2 and "rule N301 (slow-n301) skipped: its patterns ran for over 1 s" in r.stderr.decode()


def test_a_catastrophic_leftover_line_is_stopped_and_its_rule_reported(tmp_path):
    # the leftover type calls its patterns itself: the budget reaches them all the same
    pack = rule_table("N302", "leftover", f'lines = ["{SLOW}"]')
    r, took = lint_with_pack(tmp_path, pack, "# Head\n\n" + "a" * 40 + "!\n\nBody text.\n")
    assert took < 5
    assert r.returncode == 2 and "rule N302 (slow-n302) skipped" in r.stderr.decode()


def test_the_budget_is_per_file_not_per_paragraph(tmp_path):
    # each paragraph alone takes a fraction of a second, under any limit per call; 300 of them
    # took minutes when the limit was per paragraph
    pack = rule_table("N303", "existence", 'patterns = ["(a|a)+b"]')
    r, took = lint_with_pack(tmp_path, pack, "# Head\n\n" + "\n\n".join(["a" * 18 + "!"] * 300) + "\n")
    assert took < 5
    assert r.returncode == 2 and "rule N303 (slow-n303) skipped" in r.stderr.decode()


def test_every_call_spends_the_same_budget():
    pattern = UserPattern(regex.compile("(a|a)+b"))
    budget = PatternBudget(0.3)
    with spending(budget), pytest.raises(RuleSkipped, match=r"over 0\.3 s"):
        for _ in range(200):
            pattern.search("a" * 16 + "!")
    assert budget.left == 0


def test_a_fast_pattern_leaves_the_budget_almost_whole():
    pattern = UserPattern(regex.compile(r"\bferry\b"))
    budget = PatternBudget()
    with spending(budget):
        found = [m.group() for m in pattern.finditer("The ferry and the ferry.")]
    assert found == ["ferry", "ferry"] and budget.left > 0.9


class Dawdling:
    """A pattern whose search waits without working, as a call does while the machine runs
    other processes."""

    pattern = "dawdling"

    def search(self, text: str, pos: int, endpos: int, timeout: float) -> None:
        time.sleep(0.3)


def test_the_budget_counts_work_not_the_wait_for_a_busy_machine():
    budget = PatternBudget()
    budget.search(Dawdling(), "text")
    assert budget.left > 0.9


def test_outside_a_run_each_call_is_bounded_on_its_own():
    started = time.monotonic()
    with pytest.raises(RuleSkipped):
        UserPattern(regex.compile(SLOW)).search("a" * 40 + "!")
    assert time.monotonic() - started < 5  # the bar: a bad pattern ends the run within 5 s, on a busy machine too
