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


#: A rule file that leaves a mark when it is imported: whether it was run is then plain to see.
MARKING_RULE = "from pathlib import Path\nPath(__file__).with_suffix('.ran').write_text('')\n"


def test_the_search_stops_at_the_repository_root(tmp_path):
    """A configuration above the folder holding .git is not the project's: its settings do not
    apply and the Python rule file it names is never imported."""
    (tmp_path / ".stylelint-news.toml").write_text('rules = ["evil.py"]\nignore = ["T003"]\n', encoding="utf-8")
    (tmp_path / "evil.py").write_text(MARKING_RULE, encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "drafts").mkdir()
    (repo / "drafts" / "a.txt").write_text(DRAFT, encoding="utf-8")
    r = run_cli(str(repo / "drafts" / "a.txt"))
    assert r.returncode == 1 and b"T003" in r.stdout, r.stderr
    assert not (tmp_path / "evil.ran").exists()
    (repo / ".stylelint-news.toml").write_text('ignore = ["T003"]\n', encoding="utf-8")  # its own is found
    assert run_cli(str(repo / "drafts" / "a.txt")).returncode == 0


def test_the_search_stops_at_the_home_folder(tmp_path):
    import os

    (tmp_path / ".stylelint-news.toml").write_text('ignore = ["T003"]\n', encoding="utf-8")
    home = tmp_path / "home"
    (home / "drafts").mkdir(parents=True)
    (home / "drafts" / "a.txt").write_text(DRAFT, encoding="utf-8")
    env = {**os.environ, "HOME": str(home)}
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "stylelint_news", str(home / "drafts")], capture_output=True, env=env)
    assert r.returncode == 1 and b"T003" in r.stdout


def test_a_python_rule_from_a_configuration_someone_else_left_is_not_run(tmp_path):
    """The shared-temporary-folder attack: another user's configuration above the drafts names a
    Python file. It is not imported; the run stops with one line that names it and says why."""
    import os

    import pytest

    if os.getuid() != 0:
        pytest.skip("only root can make a file another user's")
    shared = tmp_path / "shared"
    (shared / "work").mkdir(parents=True)
    (shared / ".stylelint-news.toml").write_text('rules = ["evil.py"]\n', encoding="utf-8")
    (shared / "evil.py").write_text(MARKING_RULE, encoding="utf-8")
    (shared / "work" / "a.txt").write_text(DRAFT, encoding="utf-8")
    for planted in (shared / ".stylelint-news.toml", shared / "evil.py"):
        os.chown(planted, 65534, 65534)
        r = run_cli(str(shared / "work" / "a.txt"))
        err = r.stderr.decode()
        assert r.returncode == 2 and err.count("\n") == 1, err
        assert f"{shared / 'evil.py'}: not run: a Python rule file named by" in err and "another user" in err, err
        assert not (shared / "evil.ran").exists()
        os.chown(planted, 0, 0)
    (shared / "evil.py").chmod(0o666)
    assert "may be written by anyone" in run_cli(str(shared / "work" / "a.txt")).stderr.decode()
    assert not (shared / "evil.ran").exists()


def test_a_python_rule_outside_the_project_is_not_run_unless_the_configuration_is_named(tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "desk.py").write_text(MARKING_RULE, encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "rules").mkdir()
    (repo / "rules" / "desk.py").symlink_to(outside / "desk.py")  # a link does not bring it in
    (repo / ".stylelint-news.toml").write_text('rules = ["rules/desk.py"]\n', encoding="utf-8")
    (repo / "a.txt").write_text(DRAFT, encoding="utf-8")
    r = run_cli(str(repo / "a.txt"))
    assert r.returncode == 2 and "lies outside its project" in r.stderr.decode()
    assert not (repo / "rules" / "desk.ran").exists()  # the mark is left beside the name imported
    r = run_cli(str(repo / "a.txt"), "--config", str(repo / ".stylelint-news.toml"))
    assert (repo / "rules" / "desk.ran").exists() and r.returncode == 1, r.stderr  # named: explicit


def test_a_projects_own_python_rule_runs(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "desk.py").write_text(MARKING_RULE, encoding="utf-8")
    (tmp_path / ".stylelint-news.toml").write_text('rules = ["rules/desk.py"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    assert run_cli(str(tmp_path / "a.txt")).returncode == 1
    assert (tmp_path / "rules" / "desk.ran").exists()


def test_isolated_ignores_every_configuration(tmp_path):
    project(tmp_path, ".stylelint-news.toml", 'ignore = ["T003"]\nrules = ["nowhere.py"]\n')
    assert run_cli(str(tmp_path / "b.txt")).returncode == 2
    r = run_cli(str(tmp_path / "b.txt"), "--isolated")
    assert r.returncode == 1 and b"T003" in r.stdout
    r = run_cli(str(tmp_path / "b.txt"), "--isolated", "--config", str(tmp_path / ".stylelint-news.toml"))
    assert r.returncode == 2 and "--isolated" in r.stderr.decode()


def test_deeply_nested_toml_is_one_line(tmp_path):
    project(tmp_path, ".stylelint-news.toml", "words = " + "[" * 50_000 + "]" * 50_000 + "\n")
    r = run_cli(str(tmp_path / "b.txt"))
    err = r.stderr.decode()
    assert r.returncode == 2 and err.count("\n") == 1 and "nest too deeply" in err and "Traceback" not in err


def test_a_rule_file_that_is_a_device_is_not_read(tmp_path):
    project(tmp_path, ".stylelint-news.toml", 'rules = ["/dev/zero"]\n')
    for named in ((), ("--config", str(tmp_path / ".stylelint-news.toml"))):
        r = run_cli(str(tmp_path / "b.txt"), *named)
        assert r.returncode == 2 and r.stderr.decode() == (
            "stylelint-news: /dev/zero: is a character device, not a regular file; not read\n"
        )


def test_a_deeply_nested_pack_is_one_line(tmp_path):
    (tmp_path / "desk.toml").write_text("x = " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    project(tmp_path, ".stylelint-news.toml", 'rules = ["desk.toml"]\n')
    r = run_cli(str(tmp_path / "b.txt"))
    assert r.returncode == 2 and r.stderr.decode() == (
        f"stylelint-news: {tmp_path / 'desk.toml'}: invalid TOML: values nest too deeply\n"
    )
