"""The example plugin package installs into a fresh virtual environment and its rule runs there."""

from __future__ import annotations

import os
import subprocess
import sysconfig
import venv

import pytest

from conftest import ROOT


@pytest.mark.slow
def test_example_plugin_package_installs_and_reports(tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    # The new environment sees this one's packages (stylelint-news and its data) through a .pth
    # file, so only the plugin itself is installed: what a newsroom's `pip install` would add.
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # addsitedir, not a plain path: the parent's own .pth files (an editable install's finder) apply too
    here = sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]})
    (tmp_path / "venv" / site.split(str(env_dir))[-1].lstrip("/")).joinpath("parent.pth").write_text(
        "".join(f"import site; site.addsitedir({folder!r})\n" for folder in here), encoding="utf-8"
    )
    install = subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--no-deps", str(ROOT / "examples" / "newsdesk-plugin")],
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stderr[-2000:]
    draft = tmp_path / "story.md"
    draft.write_text('The mayor slammed the plan. "They blasted us," she said.\n', encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    listing = subprocess.run([python, "-m", "stylelint_news", "--list-rules"], capture_output=True, text=True, env=env)
    assert "N201  on   tabloid-verb" in listing.stdout and "newsdesk-rules 1.0.0" in listing.stdout
    # the TOML pack the package ships, through the stylelint_news_packs hook
    assert "N301  on   headline-length" in listing.stdout
    assert "[newsdesk-rules 1.0.0 (pack newsdesk-house 1.0.0)]" in listing.stdout
    run = subprocess.run(
        [python, "-m", "stylelint_news", "--select", "N", str(draft)], capture_output=True, text=True, env=env
    )
    assert run.stdout == f'{draft}:1:11: N201 "slammed" is tabloid: write "criticised"\n'
    tally = subprocess.run(
        [python, "-m", "stylelint_news", "--select", "N", "--format", "tally", str(draft)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert tally.stdout == f"{draft}: 1 finding\n"
