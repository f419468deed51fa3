"""Configuration: found by walking up, validated strictly, overridden by the command line."""

from __future__ import annotations

from conftest import run_cli

DRAFT = "Ferry timetable changes\n\nThe ferry will sail to to the islands.\n"


def project(tmp_path, config_name, config_text):
    (tmp_path / config_name).write_text(config_text, encoding="utf-8")
    (tmp_path / "wires").mkdir()
    (tmp_path / "wires" / "a.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def test_pyproject_table_is_found_walking_up(tmp_path):
    project(tmp_path, "pyproject.toml", '[tool.stylelint-news]\nignore = ["T003"]\n')
    assert run_cli(str(tmp_path / "wires" / "a.txt")).returncode == 0


def test_dotfile_and_per_file_ignores(tmp_path):
    project(tmp_path, ".stylelint-news.toml", '[per-file-ignores]\n"wires/*.txt" = ["T"]\n')
    out = run_cli(str(tmp_path)).stdout.decode()
    assert "b.txt" in out and "wires" not in out


def test_command_line_overrides_config(tmp_path):
    project(tmp_path, ".stylelint-news.toml", 'ignore = ["T003"]\n')
    assert run_cli(str(tmp_path / "b.txt"), "--extend-select", "T003").returncode == 1


def test_unknown_key_names_file_and_key(tmp_path):
    project(tmp_path, ".stylelint-news.toml", 'ignroe = ["T003"]\n')
    r = run_cli(str(tmp_path / "b.txt"))
    assert r.returncode == 2
    err = r.stderr.decode()
    assert ".stylelint-news.toml" in err and "unknown key `ignroe`" in err and err.count("\n") == 1


def test_wrong_type(tmp_path):
    project(tmp_path, "pyproject.toml", '[tool.stylelint-news]\nselect = "T"\n')
    r = run_cli(str(tmp_path / "b.txt"))
    assert r.returncode == 2 and "`select` must be a list of strings, not a string" in r.stderr.decode()


def test_bad_toml(tmp_path):
    project(tmp_path, ".stylelint-news.toml", "select = [\n")
    r = run_cli(str(tmp_path / "b.txt"))
    assert r.returncode == 2 and "invalid TOML" in r.stderr.decode()


def test_explicit_config_and_unknown_rule_option(tmp_path):
    project(tmp_path, "custom.toml", "[options.T003]\nfoo = 1\n")
    r = run_cli(str(tmp_path / "b.txt"), "--config", str(tmp_path / "custom.toml"))
    assert r.returncode == 2 and "unknown option(s) foo for T003" in r.stderr.decode()
