"""`extend`: a desk's configuration over the newsroom's, as ruff's: the extending file's keys
win, tables merge entry by entry, each file's relative paths are read from its own folder, and a
cycle is an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from stylelint_news import config
from stylelint_news.errors import UsageError

from conftest import run_cli

PACK = (
    '[[rule]]\ncode = "N101"\nname = "no-slams"\ntype = "existence"\nmessage = "tabloid {match}"\ntokens = ["slams"]\n'
)


def newsroom(tmp_path: Path) -> Path:
    """The newsroom's configuration, its pack beside it, outside the desk's project."""
    room = tmp_path / "newsroom"
    (room / "packs").mkdir(parents=True)
    (room / "packs" / "house.toml").write_text(PACK, encoding="utf-8")
    (room / "newsroom.toml").write_text(
        'rules = ["packs/house.toml"]\nignore = ["A"]\ndialect = "en-GB"\nfail-level = "error"\n'
        '[severity]\nT = "warning"\nN = "error"\n',
        encoding="utf-8",
    )
    return room / "newsroom.toml"


def test_a_desk_extends_the_newsroom(tmp_path):
    newsroom(tmp_path)
    project = tmp_path / "desk"
    project.mkdir()
    (project / "pyproject.toml").write_text(
        '[tool.stylelint-news]\nextend = "../newsroom/newsroom.toml"\ndialect = "en-US"\n'
        '[tool.stylelint-news.severity]\nT003 = "error"\n',
        encoding="utf-8",
    )
    settings = config.load_file(project / "pyproject.toml")
    assert settings is not None
    assert settings.dialect == "en-US"  # the desk's key wins
    assert settings.ignore == ("A",) and settings.fail_level == "error"  # the newsroom's stay
    assert dict(settings.severity) == {"T": "warning", "N": "error", "T003": "error"}  # tables merge
    assert settings.rules == (str(tmp_path / "newsroom" / "packs" / "house.toml"),)  # from its own folder
    (project / "a.md").write_text("# Head\n\nThe mayor slams the plan, critics say.\n", encoding="utf-8")
    r = run_cli(str(project / "a.md"), "--no-cache")
    assert r.returncode == 1 and r.stdout.decode().endswith(": N101 tabloid slams\n")


def test_extend_select_adds_to_the_newsrooms_unless_the_desk_selects_afresh(tmp_path):
    (tmp_path / "newsroom.toml").write_text('extend-select = ["S101"]\nextend-ignore = ["A003"]\n', encoding="utf-8")
    (tmp_path / "desk.toml").write_text(
        'extend = "newsroom.toml"\nextend-select = ["S103"]\nextend-ignore = ["C001"]\n', encoding="utf-8"
    )
    settings = config.load_file(tmp_path / "desk.toml")
    assert settings is not None
    assert settings.extend_select == ("S101", "S103") and settings.extend_ignore == ("A003", "C001")
    (tmp_path / "fresh.toml").write_text('extend = "newsroom.toml"\nselect = ["T"]\n', encoding="utf-8")
    fresh = config.load_file(tmp_path / "fresh.toml")
    assert fresh is not None and fresh.select == ("T",) and fresh.extend_select == fresh.extend_ignore == ()


def test_a_cycle_is_an_error(tmp_path):
    (tmp_path / "a.toml").write_text('extend = "b.toml"\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text('extend = "a.toml"\n', encoding="utf-8")
    with pytest.raises(UsageError, match=r"`extend` makes a cycle: .*b\.toml -> .*a\.toml -> .*b\.toml"):
        config.load_file(tmp_path / "a.toml")
    (tmp_path / "self.toml").write_text('extend = "self.toml"\n', encoding="utf-8")
    with pytest.raises(UsageError, match="cycle"):
        config.load_file(tmp_path / "self.toml")


@pytest.mark.parametrize(
    "target, text, message",
    [
        ("missing.toml", None, "configuration file `base/missing.toml` not found"),
        ("pyproject.toml", "[tool.black]\n", "has no [tool.stylelint-news] table"),
        ("bad.toml", "ignore = [\n", "invalid TOML"),
    ],
)
def test_a_bad_extend_names_the_file(tmp_path, target, text, message):
    base = tmp_path / "base"
    base.mkdir()
    if text is not None:
        (base / target).write_text(text, encoding="utf-8")
    (tmp_path / ".stylelint-news.toml").write_text(f'extend = "base/{target}"\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("Text.\n", encoding="utf-8")
    r = run_cli(str(tmp_path / "a.md"))
    assert r.returncode == 2 and message in r.stderr.decode() and r.stderr.decode().count("\n") == 1
