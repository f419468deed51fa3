"""The hook works from a real pre-commit install, as a newsroom's repository would use it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT


def git(*args, cwd):
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, check=True)


@pytest.mark.slow
def test_pre_commit_try_repo(tmp_path):
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).with_name("pre-commit"))
    newsroom = tmp_path / "newsroom"
    newsroom.mkdir()
    git("init", "-q", cwd=newsroom)
    (newsroom / "story.md").write_text("The ferry will sail to to the islands.\n", encoding="utf-8")
    (newsroom / "wire.txt").write_text("Ferry news\n\nThe boat sailed at at dawn.\n", encoding="utf-8")
    (newsroom / "notes.py").write_text("x = 'to to'\n", encoding="utf-8")
    # pre-commit names every staged file; the hook's --force-exclude keeps the configuration's word
    (newsroom / "wires").mkdir()
    (newsroom / "wires" / "agency.md").write_text("The agency said said so.\n", encoding="utf-8")
    (newsroom / ".stylelint-news.toml").write_text('extend-exclude = ["wires"]\n', encoding="utf-8")
    git("add", ".", cwd=newsroom)
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    r = subprocess.run(
        [pre_commit, "try-repo", str(ROOT), "stylelint-news", "--all-files"],
        cwd=newsroom,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    out = r.stdout + r.stderr
    assert r.returncode == 1, out
    assert "story.md:1:21: T003 repeated word" in out
    assert "wire.txt:3:17: T003 repeated word" in out
    assert "notes.py" not in out.split("stylelint-news")[-1]
    assert "agency.md" not in out
