"""docs/writing-rules.md's rule and configuration, as a reader would copy them: the guide stays
true to the engine."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run_cli

GUIDE = (Path(__file__).parent.parent / "docs" / "writing-rules.md").read_text(encoding="utf-8")


def block(language: str) -> str:
    found = re.search(rf"```{language}\n(.*?)```", GUIDE, re.S)
    assert found is not None, f"no {language} block in the guide"
    return found.group(1)


def desk(tmp_path: Path) -> Path:
    (tmp_path / "desk.py").write_text(block("python"), encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(block("toml"), encoding="utf-8")
    return tmp_path


def test_the_guides_rule_passes_its_own_examples(tmp_path):
    r = run_cli("rules", "test", "desk.py", cwd=desk(tmp_path))
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.endswith(b"2 passed, 0 failed\n")


def test_the_guides_rule_flags_a_lead_that_opens_on_a_quotation_and_reads_its_option(tmp_path):
    folder = desk(tmp_path)
    (folder / "story.md").write_text(
        '# Council defiant\n\n"We will not be bullied by anyone," the council leader said on Monday.\n\n'
        "The meeting ran late.\n",
        encoding="utf-8",
    )
    (folder / "short.md").write_text(
        '# Council defiant\n\n"Bullied, no," the council leader said on Monday.\n', encoding="utf-8"
    )
    r = run_cli("--no-cache", "--select", "N401", "story.md", "short.md", cwd=folder)
    # the configuration's min-words = 5 leaves the four-word quotation alone
    assert r.stdout.decode() == "story.md:3:2: N401 the lead opens on a quotation of 7 words\n"
    assert r.returncode == 1  # with no fail-level, every finding fails the run, info too


README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
WRITING = README[README.index("## Writing rules") : README.index("## How good it is")]


def test_the_readmes_example_pack_passes_its_examples(tmp_path):
    pack = re.search(r"```toml\n(.*?)```", WRITING, re.S)
    assert pack is not None
    (tmp_path / "desk.toml").write_text(pack.group(1), encoding="utf-8")
    r = run_cli("rules", "test", "desk.toml", cwd=tmp_path)
    assert r.returncode == 0 and r.stdout.endswith(b"3 passed, 0 failed\n"), r.stdout + r.stderr


def test_the_readme_documents_every_rule_type_and_key():
    from stylelint_news.config import Settings
    from stylelint_news.engine import plugins
    from stylelint_news.packs.loader import PACK_KEYS
    from stylelint_news.packs.rule import COMMON_KEYS

    _, registry = plugins.build(Settings(), entry_points=False)
    documented = set(re.findall(r"`([a-z][a-z-]*)`", WRITING))
    for name, kind in registry.rule_types.items():
        assert name in documented, f"type {name} is not in the README"
        missing = set(kind.type_keys) - documented
        assert not missing, f"keys of {name} not in the README: {missing}"
    assert not (set(COMMON_KEYS) | set(PACK_KEYS)) - documented
