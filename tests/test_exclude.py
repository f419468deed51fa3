"""Which files a run takes: the default exclusions, `exclude` and `extend-exclude`, what git
ignores, and `--force-exclude` for the files pre-commit names."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from stylelint_news.config import DEFAULT_EXCLUDE, Settings, from_table
from stylelint_news.engine.files import expand
from stylelint_news.errors import UsageError

from conftest import run_cli

SLIP = "The council met on on Monday.\n"


def tree(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(SLIP, encoding="utf-8")


def git(*args: str, cwd: Path) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x", "GIT_COMMITTER_NAME": "t"}
    env["GIT_COMMITTER_EMAIL"] = "t@x"
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def found(root: Path, settings: Settings | None = None, paths: tuple[str, ...] = (".",)) -> list[str]:
    """The files a run over `paths` (relative to `root`, the working folder) would lint."""
    settings = settings or Settings()
    cwd = os.getcwd()
    os.chdir(root)
    try:
        files = expand(
            list(paths),
            settings.extensions,
            settings.excluded,
            gitignore=settings.respect_gitignore,
            force_exclude=settings.force_exclude,
        )
        return sorted(Path(f).as_posix() for f in files)
    finally:
        os.chdir(cwd)


def test_defaults_pass_over_environments_and_caches(tmp_path):
    tree(tmp_path, "story.md", "node_modules/pkg/README.md", ".venv/lib/notes.md", ".tox/log.txt", "archive/old.md")
    assert found(tmp_path) == ["archive/old.md", "story.md"]
    assert {"node_modules", ".venv", ".git", "__pycache__", "site-packages"} <= set(DEFAULT_EXCLUDE)


def test_exclude_replaces_the_defaults_and_extend_exclude_adds_to_them(tmp_path):
    tree(tmp_path, "story.md", "node_modules/pkg/README.md", "archive/old.md", "wires/a.md")
    replaced = from_table({"exclude": ["archive"]}, "cfg", str(tmp_path))
    assert found(tmp_path, replaced) == ["node_modules/pkg/README.md", "story.md", "wires/a.md"]
    extended = from_table({"extend-exclude": ["archive", "wires/*.md"]}, "cfg", str(tmp_path))
    assert found(tmp_path, extended) == ["story.md"]


def test_the_new_keys_are_checked(tmp_path):
    with pytest.raises(UsageError, match="`extend-exclude` must be a list of strings"):
        from_table({"extend-exclude": "archive"}, "cfg", str(tmp_path))
    with pytest.raises(UsageError, match="`respect-gitignore` must be true or false"):
        from_table({"respect-gitignore": "yes"}, "cfg", str(tmp_path))
    with pytest.raises(UsageError, match="`force-exclude` must be true or false"):
        from_table({"force-exclude": 1}, "cfg", str(tmp_path))


@pytest.fixture
def repo(tmp_path):
    """A working tree with ignore files at three levels and in .git/info/exclude."""
    root = tmp_path / "newsroom"
    root.mkdir()
    git("init", "-q", cwd=root)
    tree(
        root,
        "story.md",
        "print/page.md",
        "drafts/a.md",
        "drafts/a.bak.md",
        "drafts/keep.bak.md",
        "drafts/sub/secret.md",
        "drafts/sub/open.md",
        "local.md",
        "export/x.md",
    )
    (root / ".gitignore").write_text("# built pages\n/print/\n*.bak.md\n!keep.bak.md\nexport\n", encoding="utf-8")
    (root / "drafts" / "sub" / ".gitignore").write_text("secret.md\n", encoding="utf-8")
    (root / ".git" / "info").mkdir(exist_ok=True)
    (root / ".git" / "info" / "exclude").write_text("local.md\n", encoding="utf-8")
    return root


def test_gitignore_at_every_level_and_info_exclude(repo):
    assert found(repo) == ["drafts/a.md", "drafts/keep.bak.md", "drafts/sub/open.md", "story.md"]


def test_a_subfolder_run_reads_the_ignore_files_above_it(repo):
    assert found(repo, paths=("drafts",)) == ["drafts/a.md", "drafts/keep.bak.md", "drafts/sub/open.md"]
    assert found(repo / "drafts" / "sub") == ["open.md"]


def test_respect_gitignore_can_be_turned_off(repo):
    off = from_table({"respect-gitignore": False}, "cfg", str(repo))
    assert len(found(repo, off)) == 9
    r = run_cli("--no-respect-gitignore", "--select", "T003", ".", cwd=repo)
    assert r.stdout.decode().count("T003") == 9


def test_a_folder_git_ignores_is_linted_when_named(repo):
    assert found(repo, paths=("print",)) == ["print/page.md"]


def test_ignore_files_outside_a_working_tree_are_not_read(tmp_path):
    tree(tmp_path, "story.md", "old/a.md")
    (tmp_path / ".gitignore").write_text("old/\n", encoding="utf-8")
    assert found(tmp_path) == ["old/a.md", "story.md"]


def test_a_linked_worktree_finds_info_exclude_in_the_common_folder(repo):
    git("add", ".", cwd=repo)
    git("commit", "-qm", "start", cwd=repo)
    linked = repo.parent / "linked"
    git("worktree", "add", "-q", str(linked), cwd=repo)
    tree(linked, "local.md")
    assert (linked / ".git").is_file()
    assert found(linked) == ["drafts/a.md", "drafts/keep.bak.md", "drafts/sub/open.md", "story.md"]


def test_named_files_are_linted_unless_force_exclude(repo):
    named = ("story.md", "print/page.md", "drafts/a.bak.md", "drafts/sub/secret.md", "node_modules/x.md", "local.md")
    tree(repo, "node_modules/x.md")
    assert found(repo, paths=named) == sorted(named)
    forced = from_table({"force-exclude": True}, "cfg", str(repo))
    assert found(repo, forced, paths=named) == ["story.md"]
    by_glob = from_table({"force-exclude": True, "extend-exclude": ["story.md"]}, "cfg", str(repo))
    absolute = str(repo / "drafts" / "a.md")
    assert found(repo, by_glob, paths=("story.md", "./drafts/a.md", absolute)) == [absolute, "drafts/a.md"]


def test_force_exclude_passes_over_a_named_folder_git_ignores(repo):
    forced = from_table({"force-exclude": True}, "cfg", str(repo))
    assert found(repo, forced, paths=("print", "drafts/sub")) == ["drafts/sub/open.md"]


def test_force_exclude_end_to_end_as_pre_commit_runs_it(repo):
    (repo / ".stylelint-news.toml").write_text('extend-exclude = ["drafts"]\n', encoding="utf-8")
    names = ["story.md", "drafts/a.md", "print/page.md"]
    r = run_cli("--select", "T003", *names, cwd=repo)
    assert r.stdout.decode().count("T003") == 3
    r = run_cli("--select", "T003", "--force-exclude", *names, cwd=repo)
    lines = r.stdout.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("story.md:1:17: T003 "), r.stderr
    r = run_cli("--select", "T003", "--force-exclude", "drafts/a.md", cwd=repo)
    assert (r.returncode, r.stdout, r.stderr) == (0, b"", b"")


def test_git_own_folder_is_never_content_even_when_exclude_replaces_the_defaults(repo):
    tree(repo, ".git/notes.md")
    replaced = from_table({"exclude": ["drafts"]}, "cfg", str(repo))
    assert ".git/notes.md" not in found(repo, replaced)
    unread = from_table({"exclude": ["drafts"], "respect-gitignore": False}, "cfg", str(repo))
    assert ".git/notes.md" in found(repo, unread)
