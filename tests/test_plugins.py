"""Plugins: an installed package's entry point, a newsroom's Python rule file, duplicate codes."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from conftest import ROOT

PLUGIN = textwrap.dedent("""
    from stylelint_news import Rule, hookimpl

    class NoBreaking(Rule):
        code = "N101"
        name = "no-breaking"
        summary = "The word 'breaking' in copy."
        what = "Flags 'breaking'."
        why = "It ages badly."
        bad = "Breaking news from the harbour."
        good = "News from the harbour."

        def check(self, doc, ctx):
            for w in doc.words:
                if w.text.lower() == "breaking":
                    yield self.report(doc, w.start, w.end, "drop 'breaking'")

    @hookimpl
    def stylelint_news_rules():
        return [NoBreaking()]
""")


def cli(*args, cwd, env=None):
    return subprocess.run(
        [sys.executable, "-m", "stylelint_news", *args], capture_output=True, cwd=cwd, env={**os.environ, **(env or {})}
    )


def test_entry_point_plugin_is_listed_and_reports(tmp_path):
    site = tmp_path / "site"
    (site / "newsdesk_rules-1.0.dist-info").mkdir(parents=True)
    (site / "newsdesk_rules.py").write_text(PLUGIN, encoding="utf-8")
    info = site / "newsdesk_rules-1.0.dist-info"
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: newsdesk-rules\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[stylelint_news]\nnewsdesk = newsdesk_rules\n", encoding="utf-8")
    env = {"PYTHONPATH": f"{site}{os.pathsep}{ROOT}"}
    listing = cli("--list-rules", cwd=tmp_path, env=env).stdout.decode()
    assert "N101  on   no-breaking" in listing and "newsdesk-rules 1.0" in listing
    (tmp_path / "a.txt").write_text("Head\n\nBreaking: the ferry sank.\n", encoding="utf-8")
    r = cli("a.txt", cwd=tmp_path, env=env)
    assert r.stdout.decode() == "a.txt:3:1: N101 drop 'breaking'\n"
    assert "newsdesk-rules 1.0" in cli("--version", cwd=tmp_path, env=env).stdout.decode()


def test_local_python_rule_file(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "desk.py").write_text(PLUGIN, encoding="utf-8")
    (tmp_path / ".stylelint-news.toml").write_text('rules = ["rules/desk.py"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Head\n\nBreaking: the ferry sank.\n", encoding="utf-8")
    assert "N101" in cli("a.txt", cwd=tmp_path).stdout.decode()


def test_duplicate_code_names_both_origins(tmp_path):
    (tmp_path / "one.py").write_text(PLUGIN, encoding="utf-8")
    (tmp_path / "two.py").write_text(PLUGIN, encoding="utf-8")
    (tmp_path / ".stylelint-news.toml").write_text('rules = ["one.py", "two.py"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Head\n\nText.\n", encoding="utf-8")
    r = cli("a.txt", cwd=tmp_path)
    err = r.stderr.decode()
    assert r.returncode == 2 and "N101 is defined twice" in err and "one.py" in err and "two.py" in err


def test_broken_rule_file_is_one_line(tmp_path):
    (tmp_path / "bad.py").write_text("import nothing_here_at_all\n", encoding="utf-8")
    (tmp_path / ".stylelint-news.toml").write_text('rules = ["bad.py"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Head\n\nText.\n", encoding="utf-8")
    r = cli("a.txt", cwd=tmp_path)
    err = r.stderr.decode()
    assert r.returncode == 2 and err.count("\n") == 1
    assert "bad.py: cannot load the rule file: ModuleNotFoundError" in err


def test_crashing_rule_is_an_error_not_a_finding(tmp_path):
    (tmp_path / "crash.py").write_text(
        PLUGIN.replace("for w in doc.words:", "1 / 0\n        for w in doc.words:"), encoding="utf-8"
    )
    (tmp_path / ".stylelint-news.toml").write_text('rules = ["crash.py"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Head\n\nText.\n", encoding="utf-8")
    r = cli("a.txt", cwd=tmp_path)
    assert (
        r.returncode == 2 and "rule N101 (no-breaking" in r.stderr.decode() and "ZeroDivisionError" in r.stderr.decode()
    )


def test_misspelt_hook_is_refused(tmp_path):
    (tmp_path / "typo.py").write_text(
        "from stylelint_news import hookimpl\n\n@hookimpl\ndef stylelint_news_rulez():\n    return []\n",
        encoding="utf-8",
    )
    (tmp_path / ".stylelint-news.toml").write_text('rules = ["typo.py"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Head\n\nText.\n", encoding="utf-8")
    r = cli("a.txt", cwd=tmp_path)
    assert r.returncode == 2 and "stylelint_news_rulez" in r.stderr.decode()


def test_every_hook_is_documented_in_the_readme():
    from stylelint_news import hookspecs

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    hooks = [n for n in dir(hookspecs) if n.startswith("stylelint_news_")]
    assert hooks and all(f"`{h}" in readme for h in hooks)
