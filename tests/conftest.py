"""Shared helpers: one plugin registry for the session, and a way to lint a string."""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from stylelint_news.config import Settings
from stylelint_news.engine.linter import Flags, Linter
from stylelint_news.engine.plugins import build
from stylelint_news.text.source import Source

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def registry():
    return build(Settings())[1]


@pytest.fixture
def lint(registry):
    """lint(text, select=..., path=...) -> findings, with the default settings."""

    def run(text: str, select: str | tuple[str, ...] | None = None, path: str = "draft.md", **settings):
        sel = (select,) if isinstance(select, str) else select
        linter = Linter(Settings(**settings), registry, Flags(select=sel))
        return linter.lint(Source(path, text)).findings

    return run


def codes(findings) -> list[str]:
    return [f.code for f in findings]


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The command as a user runs it: a new process, bytes in, text out."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "stylelint_news", *args], input=stdin, capture_output=True, cwd=cwd, env=env
    )


@functools.cache
def _built_tables() -> Path:
    """A cache folder whose data tables are built: once a session, as a first run builds them.
    Removed when the session ends."""
    where = Path(tempfile.mkdtemp(prefix="sn-tables-"))
    atexit.register(shutil.rmtree, where, ignore_errors=True)
    run_cli("--cache-dir", str(where), str(ROOT / "examples" / "drafts" / "typos.md"))
    assert list(where.glob("*.marshal")), "no data tables were built"
    return where


def built_cache(where: Path) -> Path:
    """A new cache folder holding the built data tables and no results: a test of the result
    cache, or of damage to it, starts from what a second run sees, without paying seconds to
    build the word tables again (the tests of building them use empty folders)."""
    where.mkdir(mode=0o700, parents=True)
    for table in _built_tables().glob("*.marshal"):
        shutil.copyfile(table, where / table.name)
    return where


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the golden files (tests/golden, tests/fixtures/*/*.expected)",
    )
