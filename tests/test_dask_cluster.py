"""The whole run on real clusters on this machine: a scheduler and two workers started as a
newsroom would start them (`dask scheduler`, `dask worker` on 127.0.0.1), and `--scheduler local`.

The bars of issue 21: the news corpus linted on the cluster gives `--jobs 1`'s output byte for
byte; a worker killed while it lints loses no file; a file that kills every worker that reads it
is reported, once, and the run goes on.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT, run_cli

distributed = pytest.importorskip("distributed", reason="the dask extra: pip install -e '.[dask]'")

pytestmark = pytest.mark.slow

#: The shared news corpus (beside the repository, as CI lays it out).
CORPUS = Path(os.environ.get("STYLELINT_NEWS_CORPUS", ROOT.parent / "shared" / "corpus"))
#: A slip every article gets in the copies linted here, so that every file has a finding and a
#: file lost would show in the output.
SLIP = "\n\nThe the council will meet again in June.\n"


@dataclass
class Cluster:
    address: str
    workers: list[subprocess.Popen]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """`dask scheduler` and two `dask worker`s (a nanny and one single-threaded worker process
    each), on 127.0.0.1, in a folder of their own; ended by process group at the end."""
    folder = tmp_path_factory.mktemp("cluster")
    address_file = folder / "scheduler.json"
    log = open(folder / "log.txt", "wb")  # noqa: SIM115 - closed at the end
    started: list[subprocess.Popen] = []

    def start(*args: str) -> subprocess.Popen:
        proc = subprocess.Popen(
            [sys.executable, "-m", "dask", *args],
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=folder,
            start_new_session=True,
        )
        started.append(proc)
        return proc

    try:
        start(
            "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard", "--scheduler-file", str(address_file)
        )
        deadline = time.monotonic() + 120
        while not address_file.exists() or not address_file.read_text().strip():
            assert time.monotonic() < deadline and started[0].poll() is None, "the scheduler did not start"
            time.sleep(0.2)
        address = json.loads(address_file.read_text())["address"]
        common = ("--scheduler-file", str(address_file), "--nthreads", "1", "--nworkers", "1", "--no-dashboard")
        workers = [start("worker", *common, "--host", "127.0.0.1") for _ in range(2)]
        with distributed.Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=180)
        yield Cluster(address, workers)
    finally:
        for proc in reversed(started):
            _end(proc)
        log.close()


def _end(proc: subprocess.Popen) -> None:
    for sig, wait in ((signal.SIGTERM, 30), (signal.SIGKILL, 10)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(wait)
            return
        except subprocess.TimeoutExpired:
            continue


def lint(*args: str) -> tuple[int, str, str]:
    r = run_cli("--no-cache", *args, cwd=ROOT)
    return r.returncode, r.stdout.decode(), r.stderr.decode()


def test_the_corpus_on_a_scheduler_and_two_workers_gives_what_jobs_1_gives(cluster):
    assert CORPUS.is_dir(), f"the news corpus is not at {CORPUS} (set STYLELINT_NEWS_CORPUS)"
    here = lint("--jobs", "1", str(CORPUS))
    there = lint("--scheduler", cluster.address, str(CORPUS))
    assert there == here
    assert here[0] == 1 and here[1].count("\n") > 100 and here[2] == ""


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    """Copies of 800 corpus articles (wikinews, onestopenglish, then BBC), each with a slip, in
    their folders; the example drafts; the onestopenglish articles again as two JSON Lines
    archives."""
    folder = tmp_path_factory.mktemp("articles")
    first = {"wikinews": 0, "onestopenglish": 1}
    sources = sorted(CORPUS.rglob("*.txt"), key=lambda p: (first.get(p.relative_to(CORPUS).parts[0], 2), str(p)))
    for path in sources[:800]:
        copy = folder / path.relative_to(CORPUS)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_text(path.read_text(encoding="utf-8") + SLIP, encoding="utf-8")
    shutil.copytree(ROOT / "examples" / "drafts", folder / "drafts")
    # JSON Lines archives of the onestopenglish articles, one article a line with its id
    archive = folder / "archive"
    archive.mkdir()
    texts = sorted((folder / "onestopenglish").glob("*.txt"))
    for n, part in enumerate((texts[: len(texts) // 2], texts[len(texts) // 2 :])):
        with open(archive / f"{n}.jsonl", "w", encoding="utf-8") as fh:
            for path in part:
                headline, _, body = path.read_text(encoding="utf-8").partition("\n")
                fh.write(json.dumps({"id": path.stem, "headline": headline, "body": body}) + "\n")
    return folder


@pytest.mark.parametrize(
    "options",
    [
        ("--format", "json"),
        ("--format", "jsonl"),
        ("--format", "github"),
        ("--format", "sarif"),
        ("--show-source", "--statistics", "--count", "--select", "ALL"),
    ],
)
def test_every_format_is_the_same_on_the_cluster(cluster, articles, options):
    """Articles, drafts and JSON Lines archives (a result per record: JSON output keeps the ids)."""
    paths = [str(articles / name) for name in ("wikinews", "drafts", "archive")]
    here = lint(*options, "--jobs", "1", *paths)
    assert lint(*options, "--scheduler", cluster.address, *paths) == here
    if options == ("--format", "json"):
        assert '"id": "' in here[1]


def test_jsonl_to_an_output_file_is_the_same(cluster, articles, tmp_path):
    folder = str(articles / "wikinews")
    for where, run in (("here", ("--jobs", "1")), ("there", ("--scheduler", cluster.address))):
        assert lint("--format", "jsonl", "--output-file", str(tmp_path / where), *run, folder)[1] == ""
    assert (tmp_path / "there").read_bytes() == (tmp_path / "here").read_bytes() != b""


def worker_processes(cluster: Cluster) -> dict[str, int]:
    """Each worker's address and the process id of the worker itself (the nanny's child)."""
    with distributed.Client(cluster.address, timeout=60) as client:
        return client.run(os.getpid)


def test_a_worker_killed_mid_run_loses_no_file(cluster, articles):
    expected = lint("--jobs", "1", str(articles))
    assert expected[1].count("\n") >= 800  # every article has its slip
    proc = subprocess.Popen(
        [sys.executable, "-m", "stylelint_news", "--no-cache", "--scheduler", cluster.address, str(articles)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    killed = None
    with distributed.Client(cluster.address, timeout=60) as client:
        pids = client.run(os.getpid)
        deadline = time.monotonic() + 300
        while killed is None:
            assert proc.poll() is None and time.monotonic() < deadline, "the run ended before a worker could be killed"
            busy = [w for w, keys in client.processing().items() if any("stylelint-news" in str(k) for k in keys)]
            if busy:
                killed = pids[busy[0]]
                os.kill(killed, signal.SIGKILL)  # while it lints a batch
            else:
                time.sleep(0.1)
        out, err = proc.communicate(timeout=600)
        assert (proc.returncode, out.decode(), err.decode()) == expected
        client.wait_for_workers(2, timeout=180)  # the nanny started another
        assert killed not in client.run(os.getpid).values()


def test_rules_try_runs_on_the_cluster(cluster, articles, tmp_path):
    desk = tmp_path / "desk.toml"
    desk.write_text(
        '[[rule]]\ncode = "N101"\nname = "per-cent"\ntype = "existence"\n'
        'message = "write per cent"\ntokens = ["percent"]\n',
        encoding="utf-8",
    )
    pack, folder = str(desk), str(articles / "bbc")
    here = run_cli("rules", "try", pack, folder, cwd=ROOT)
    there = run_cli("rules", "try", pack, folder, "--scheduler", cluster.address, cwd=ROOT)

    def untimed(out: bytes) -> bytes:  # a rule's time is measured only where it runs alone
        return re.sub(rb", [0-9.]+ s\n", b"\n", out)

    assert (there.returncode, untimed(there.stdout), there.stderr) == (
        here.returncode,
        untimed(here.stdout),
        here.stderr,
    )
    assert b"findings in" in here.stdout


POISON = '''
import os
import signal

from stylelint_news import Rule, hookimpl


class Poison(Rule):
    """A rule that kills the process linting a text holding a marker, as a bug in a C library
    or the kernel's out-of-memory killer would."""

    code = "N900"
    name = "poison"
    summary = "kills its process on a marker"
    what = why = "a test of lost workers"
    good = "Fine."
    fix_safety = "no fix"

    def check(self, doc, ctx):
        if "KILL" + "WORKER" in doc.text:
            os.kill(os.getpid(), signal.SIGKILL)
        return []


@hookimpl
def stylelint_news_rules():
    return [Poison()]
'''


def test_a_file_that_kills_every_worker_is_reported_and_the_others_are_linted(articles, tmp_path):
    """On a cluster this run starts (`local`): the batch holding the file dies twice, its files
    are sent again one by one, and the file dies twice more."""
    folder = tmp_path / "desk"
    shutil.copytree(articles / "wikinews", folder / "news")
    (folder / "desk.py").write_text(POISON, encoding="utf-8")
    (folder / ".stylelint-news.toml").write_text('rules = ["desk.py"]\n', encoding="utf-8")
    expected = lint("--jobs", "1", str(folder / "news"))
    poisoned = folder / "news" / "0-poisoned.txt"  # sorted first: it is in the first batch
    poisoned.write_text("Headline\n\nKILLWORKER\n", encoding="utf-8")
    code, out, err = lint("--scheduler", "local", "--jobs", "2", str(folder / "news"))
    assert (code, out) == (2, expected[1])
    assert err == (
        f"stylelint-news: {poisoned}: not linted: the Dask worker linting it died, and again when tried once more\n"
    )
