"""Packs that travel: a plugin ships TOML packs through `stylelint_news_packs`; `--list-rules`
names each rule's origin; a broken pack does not stop `--list-rules` or `--explain`."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from conftest import ROOT

PACK = textwrap.dedent("""
    [pack]
    name = "harbour-house"
    version = "2.1"

    [[rule]]
    code = "H301"
    name = "per-cent-sign"
    type = "substitution"
    patterns = { "(\\\\d+)%" = "\\\\1 per cent" }
    message = "write {replacement}"
""")

PLUGIN = textwrap.dedent("""
    from pathlib import Path

    from stylelint_news import hookimpl

    @hookimpl
    def stylelint_news_packs():
        return [Path(__file__).parent / "harbour_house.toml"]
""")


def cli(*args, cwd, env=None):
    return subprocess.run(
        [sys.executable, "-m", "stylelint_news", *args], capture_output=True, cwd=cwd, env={**os.environ, **(env or {})}
    )


def installed(tmp_path, plugin: str = PLUGIN, pack: str = PACK) -> dict[str, str]:
    """A plugin package on the path, as pip would leave it: its module, its pack, its metadata."""
    site = tmp_path / "site"
    info = site / "harbour_rules-3.0.dist-info"
    info.mkdir(parents=True)
    (site / "harbour_rules.py").write_text(plugin, encoding="utf-8")
    (site / "harbour_house.toml").write_text(pack, encoding="utf-8")
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: harbour-rules\nVersion: 3.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[stylelint_news]\nharbour = harbour_rules\n", encoding="utf-8")
    return {"PYTHONPATH": f"{site}{os.pathsep}{ROOT}"}


def test_a_plugins_pack_is_listed_with_its_origin_and_runs(tmp_path):
    env = installed(tmp_path)
    listing = cli("--list-rules", cwd=tmp_path, env=env).stdout.decode()
    assert "H301  on   per-cent-sign" in listing
    assert "[harbour-rules 3.0 (pack harbour-house 2.1)]" in listing
    assert "T003  on   repeated-word" in listing and "[builtin]" in listing
    (tmp_path / "a.md").write_text("# Head\n\nFares rose 5% in May.\n", encoding="utf-8")
    assert cli("a.md", "--no-cache", cwd=tmp_path, env=env).stdout.decode() == "a.md:3:12: H301 write 5 per cent\n"


def test_a_pack_the_plugin_does_not_have_is_the_plugins_error(tmp_path):
    env = installed(tmp_path, PLUGIN.replace("harbour_house.toml", "missing.toml"))
    r = cli("--list-rules", cwd=tmp_path, env=env)
    assert r.returncode == 2 and "harbour-rules 3.0: stylelint_news_packs:" in r.stderr.decode()


def test_a_broken_plugin_pack_names_the_plugin_and_the_file(tmp_path):
    env = installed(tmp_path, pack=PACK.replace('code = "H301"', 'code = "T301"'))
    (tmp_path / "a.md").write_text("Text.\n", encoding="utf-8")
    err = cli("a.md", cwd=tmp_path, env=env).stderr.decode()
    assert "harbour-rules 3.0:" in err and "harbour_house.toml" in err and "code T301 starts with T" in err


def test_a_python_rule_may_not_take_the_tools_letters(tmp_path):
    (tmp_path / "desk.py").write_text(
        "from stylelint_news import Rule, hookimpl\n\n"
        "class Mine(Rule):\n    code = 'A901'\n    name = 'mine'\n    summary = 'Mine.'\n\n"
        "    def check(self, doc, ctx):\n        return ()\n\n"
        "@hookimpl\ndef stylelint_news_rules():\n    return [Mine()]\n",
        encoding="utf-8",
    )
    (tmp_path / ".stylelint-news.toml").write_text('rules = ["desk.py"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("Text.\n", encoding="utf-8")
    r = cli("a.md", cwd=tmp_path)
    assert r.returncode == 2 and "rule A901 (mine): code A901 starts with A" in r.stderr.decode()


def test_a_broken_pack_does_not_stop_list_rules_or_explain(tmp_path):
    (tmp_path / "desk.toml").write_text(
        PACK.replace("H301", "N301")
        + '\n[[rule]]\ncode = "N302"\nname = "broken"\ntype = "existence"\nmessage = "m"\npatterns = ["(x"]\n',
        encoding="utf-8",
    )
    (tmp_path / ".stylelint-news.toml").write_text('rules = ["desk.toml"]\n', encoding="utf-8")
    listing = cli("--list-rules", cwd=tmp_path)
    assert listing.returncode == 2 and "N301  on   per-cent-sign" in listing.stdout.decode()
    assert "desk.toml: rule 2 (N302): bad regular expression" in listing.stderr.decode()
    explained = cli("--explain", "N301", cwd=tmp_path)
    assert explained.returncode == 2 and explained.stdout.decode().startswith("N301 (per-cent-sign)")
    assert f"Origin: {tmp_path / 'desk.toml'} (pack harbour-house 2.1)." in explained.stdout.decode()
    (tmp_path / "a.md").write_text("Text.\n", encoding="utf-8")
    assert cli("a.md", cwd=tmp_path).returncode == 2  # a lint run still refuses the pack
