"""The CI recipes in examples/ci/ work as written, as far as this machine can try them: each file
parses, its pieces point at each other (the report a step writes is the one uploaded), and its
commands run here on a small folder of articles, with the results the CI service would read.
The pre-commit snippet in the README names the release the package is."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement

from stylelint_news import __version__

from conftest import ROOT

CI = ROOT / "examples" / "ci"
TAG = f"v{__version__}"


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    """A checkout with a folder of articles: one with a slip, one clean."""
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "ferry.md").write_text("# Ferry news\n\nThe ferry sailed to to the isles.\n", encoding="utf-8")
    (articles / "weather.txt").write_text("Weather\n\nRain is expected on Friday.\n", encoding="utf-8")
    return tmp_path


def shell(command: str, env: dict[str, str], cwd: Path, *options: str) -> subprocess.CompletedProcess:
    """A step's command as the service runs it: bash, with the installed linter on the PATH."""
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    environ = {**os.environ, **env, "PATH": path, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(["bash", *options, "-c", command], cwd=cwd, env=environ, capture_output=True, text=True)


def install_requirement(value: str) -> Requirement:
    requirement = Requirement(value)
    assert requirement.name == "stylelint-news"
    assert requirement.url is not None and requirement.url.startswith("git+https://")
    assert requirement.url.endswith(f"@{TAG}")
    return requirement


def output_file(command: str) -> str:
    match = re.search(r"--output-file (\S+)", command)
    assert match, command
    return match.group(1)


def test_github_actions_workflow(newsroom):
    workflow = yaml.safe_load((CI / "github-actions.yml").read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers
    assert workflow["permissions"]["security-events"] == "write"
    env = {k: str(v) for k, v in workflow["env"].items()}
    install_requirement(env["STYLELINT_NEWS"])
    steps = workflow["jobs"]["lint"]["steps"]
    uses = {s["uses"].split("@")[0]: s for s in steps if "uses" in s}
    assert {"actions/checkout", "actions/setup-python", "github/codeql-action/upload-sarif"} <= set(uses)
    runs = [s for s in steps if "run" in s]
    assert runs[0]["run"] == 'python -m pip install "$STYLELINT_NEWS"'  # not run here: it needs the mirror
    lint, sarif = runs[1], runs[2]
    assert (
        "if" not in lint
        and "!cancelled()" in sarif["if"]
        and "!cancelled()" in uses["github/codeql-action/upload-sarif"]["if"]
    )
    assert uses["github/codeql-action/upload-sarif"]["with"]["sarif_file"] == output_file(sarif["run"])

    r = shell(lint["run"], env, newsroom, "--noprofile", "--norc", "-eo", "pipefail")
    assert r.returncode == 1, r.stderr  # the job fails on a finding...
    assert r.stdout.startswith("::error file=articles/ferry.md,line=3,col=18,"), r.stdout  # T003 is an error
    assert r.stdout.count("\n") == 1
    r = shell(sarif["run"], env, newsroom, "--noprofile", "--norc", "-eo", "pipefail")
    assert r.returncode == 0, r.stderr  # ...and the report is still written
    report = json.loads((newsroom / output_file(sarif["run"])).read_text(encoding="utf-8"))
    assert report["version"] == "2.1.0"
    located = report["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert located["artifactLocation"]["uri"] == "articles/ferry.md" and located["region"]["startLine"] == 3


def test_gitlab_ci_job(newsroom):
    job = yaml.safe_load((CI / "gitlab-ci.yml").read_text(encoding="utf-8"))["stylelint-news"]
    env = {k: str(v) for k, v in job["variables"].items()}
    install_requirement(env["STYLELINT_NEWS"])
    assert job["before_script"] == ['python -m pip install "$STYLELINT_NEWS"']
    report_file = job["artifacts"]["reports"]["codequality"]
    assert job["artifacts"]["when"] == "always"
    first, second = job["script"]
    assert output_file(first) == report_file

    r = shell(first, env, newsroom, "-e")
    assert (r.returncode, r.stdout) == (0, ""), r.stderr
    issues = json.loads((newsroom / report_file).read_text(encoding="utf-8"))
    assert [(i["check_name"], i["location"]["path"], i["location"]["lines"]["begin"]) for i in issues] == [
        ("T003", "articles/ferry.md", 3)
    ]
    assert issues[0]["severity"] in {"info", "minor", "major", "critical", "blocker"} and issues[0]["fingerprint"]
    r = shell(second, env, newsroom, "-e")
    assert r.returncode == 1 and r.stdout.startswith("articles/ferry.md:3:18: T003 ")


def test_the_pre_commit_snippet_names_the_release_and_the_hook_obeys_the_configuration():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    snippet = re.search(r"```yaml\nrepos:\n(.*?)```", readme, re.S)
    assert snippet, "the README's pre-commit snippet"
    config = yaml.safe_load("repos:\n" + snippet.group(1))
    repo = config["repos"][0]
    assert repo["rev"] == TAG  # the tag of this version: create it when releasing
    assert [h["id"] for h in repo["hooks"]] == ["stylelint-news"]
    for recipe in ("github-actions.yml", "gitlab-ci.yml"):
        assert f"{repo['repo']}@{TAG}" in (CI / recipe).read_text(encoding="utf-8")
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    assert hook["entry"] == "stylelint-news --force-exclude"
