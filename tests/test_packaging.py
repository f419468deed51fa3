"""The package as pip installs it: every package listed, the shipped packs in the wheel, the
version in one place, and no module past the size a reader can hold in mind."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
#: A module longer than this is several modules' work (the house style: one job a module).
MAX_LINES = 400


def test_every_package_in_the_tree_is_listed_for_setuptools():
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "stylelint_news").rglob("__init__.py")}
    assert found | {"stylelint_news.rules"} == listed


def test_the_version_is_written_once():
    assert "version" in PYPROJECT["project"]["dynamic"] and "version" not in PYPROJECT["project"]
    import stylelint_news

    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "stylelint_news.__version__"}
    assert stylelint_news.__version__.count(".") == 2


def test_no_module_is_over_the_size_limit():
    long = {
        str(p.relative_to(ROOT)): n
        for p in (ROOT / "stylelint_news").rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, long


@pytest.mark.slow
def test_a_built_wheel_holds_the_shipped_packs_and_the_word_lists(tmp_path):
    # sdist first, then the wheel from it: what PyPI users get, and no stale build/ folder is read
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(tmp_path), str(ROOT)], check=True, capture_output=True
    )
    wheel = next(tmp_path.glob("stylelint_news-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    packs = {Path(p).name for p in (ROOT / "rules").glob("*.toml")}
    assert packs and {f"stylelint_news/rules/{p}" for p in packs} <= names
    assert {f"stylelint_news/data/{p.name}" for p in (ROOT / "stylelint_news" / "data").glob("*.txt")} <= names
    assert not any(n.startswith(("tests/", "rules/", "benchmarks/")) for n in names)


def test_every_public_name_imports():
    import stylelint_news

    for name in stylelint_news.__all__:
        assert getattr(stylelint_news, name) is not None, name
