"""Linting on a Dask cluster: the pieces, each on its own (the whole run on real clusters is in
test_dask_cluster.py).

- without the extra the tool neither imports nor needs Dask, and `--scheduler` says how to get it;
- batches are consecutive runs of files cut by bytes;
- a URL folder is walked as a local folder is;
- a worker that would load other rules, or another version, refuses the work;
- the client writes results in the order of paths, retries a failing batch file by file, and
  reports a file that fails twice instead of leaving a gap (an in-process cluster of threads);
- `lint_bag` gives what `lint_text` gives.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from itertools import pairwise
from pathlib import Path

import pytest

from stylelint_news.config import Settings
from stylelint_news.engine.files import expand
from stylelint_news.engine.linter import Flags, Linter, lint_text
from stylelint_news.engine.plugins import build
from stylelint_news.text.source import read_source

from conftest import ROOT, run_cli

distributed = pytest.importorskip("distributed", reason="the dask extra: pip install -e '.[dask]'")

from stylelint_news.dask import client as dask_client  # noqa: E402 - needs the extra
from stylelint_news.dask import worker as dask_worker  # noqa: E402
from stylelint_news.dask.worker import Mismatch, Recipe  # noqa: E402

DRAFT = "Ferry times\n\nThe company said said the ferry would sail at noon.\n"


def python(code: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, cwd=cwd)


def test_a_run_without_scheduler_imports_no_dask(tmp_path):
    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    pack = tmp_path / "desk.toml"
    pack.write_text(
        '[[rule]]\ncode = "N101"\nname = "no-slams"\ntype = "existence"\nmessage = "m"\ntokens = ["slams"]\n',
        encoding="utf-8",
    )
    r = python(
        f"""
        import sys
        from stylelint_news.cli import main
        codes = [main(["--no-cache", "--jobs", "1", {str(tmp_path / "a.txt")!r}])]
        codes.append(main(["rules", "try", {str(pack)!r}, {str(tmp_path / "a.txt")!r}]))
        loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("dask", "distributed", "fsspec") or m.startswith("stylelint_news.dask"))
        print([int(c) for c in codes], loaded)
        """
    )
    assert r.stdout.splitlines()[-1] == "[1, 0] []", r.stdout + r.stderr


BLOCK_DASK = "import sys\nfor name in ('dask', 'distributed'):\n    sys.modules[name] = None  # as if not installed\n"


def test_without_the_extra_scheduler_says_how_to_install_it(tmp_path):
    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    r = python(
        BLOCK_DASK
        + f"""from stylelint_news.cli import main
sys.exit(main(["--no-cache", "--scheduler", "local", {str(tmp_path)!r}]))
"""
    )
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.count("\n") == 1 and "pip install 'stylelint-news[dask]'" in r.stderr, r.stderr
    assert r.stderr.startswith("stylelint-news: --scheduler: needs Dask")
    r = python(
        BLOCK_DASK
        + f"""from stylelint_news.cli import main
sys.exit(main(["rules", "try", {str(ROOT / "rules" / "house-style.toml")!r}, {str(tmp_path)!r}, "--scheduler", "local"]))
"""
    )
    assert r.returncode == 2 and "pip install 'stylelint-news[dask]'" in r.stderr and r.stderr.count("\n") == 1
    r = python(BLOCK_DASK + "from stylelint_news.dask import lint_bag\n")
    assert r.returncode == 1 and "ImportError: stylelint_news.dask.lint_bag needs Dask: pip install" in r.stderr


def test_scheduler_refuses_to_fix(tmp_path):
    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    for flag in ("--fix", "--diff", "--unsafe-fixes"):
        r = run_cli("--no-cache", "--scheduler", "local", flag, str(tmp_path / "a.txt"))
        assert r.returncode == 2 and r.stderr.decode().count("\n") == 1 and b"--scheduler: only lints" in r.stderr
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == DRAFT


def test_batches_are_consecutive_runs_cut_by_bytes():
    sizes = [1000] * 3000 + [50_000_000] + [3000] * 10
    spans = dask_client.batches(sizes, threads=4)
    assert spans[0][0] == 0 and spans[-1][1] == len(sizes)
    assert all(a[1] == b[0] for a, b in pairwise(spans))  # consecutive, each file once
    target = dask_client.LARGEST  # the total is large: every batch is cut at the largest size
    for start, end in spans:
        held = sum(sizes[start:end])
        assert end - start == 1 or held <= target
        assert end - start <= dask_client.MOST_FILES
    assert (3000, 3001) in spans  # a file larger than a batch goes alone
    small = dask_client.batches([10_000] * 100, threads=2)  # 1 MB in all: batches of SMALLEST bytes
    assert [end - start for start, end in small] == [25, 25, 25, 25]
    assert dask_client.batches([], threads=2) == []


def test_a_url_folder_is_walked_as_a_local_folder_is(tmp_path):
    for name in ("b.md", "a.txt", "c.rtf", "sub/d.markdown", "archive/e.md", "sub/archive/f.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(DRAFT, encoding="utf-8")
    settings = Settings(exclude=("archive",))
    local = [str(Path(p).relative_to(tmp_path)) for p in expand([str(tmp_path)], settings.extensions, settings.exclude)]
    sizes: dict[str, int] = {}
    urls = dask_client.expand_urls([tmp_path.as_uri()], settings.extensions, settings.exclude, sizes)
    assert (
        [u.removeprefix(tmp_path.as_uri() + "/") for u in urls] == sorted(local) == ["a.txt", "b.md", "sub/d.markdown"]
    )
    assert sizes == dict.fromkeys(urls, len(DRAFT))  # from the listing, for cutting batches
    # a URL to one file is kept as it is, and paths that are not URLs are left alone
    one = (tmp_path / "a.txt").as_uri()
    assert dask_client.expand_urls(["local.md", one], settings.extensions, settings.exclude) == [one, "local.md"]


def test_a_worker_reads_a_url_bounded_and_names_it(tmp_path):
    (tmp_path / "a.md").write_text(DRAFT, encoding="utf-8")
    url = (tmp_path / "a.md").as_uri()
    assert dask_worker.read(url, 1000) == DRAFT.encode()
    with pytest.raises(Exception, match=r"over the size limit of 1e-05 MB"):
        dask_worker.read(url, 10)
    with pytest.raises(Exception, match="no such file"):
        dask_worker.read(url + ".gone", 1000)


def test_a_url_is_read_as_its_format_as_a_local_file_is(tmp_path):
    """A URL's bytes go through the readers: a JSON Lines archive gives a result per record,
    with its id; bytes that are not UTF-8 are named as a local file's are."""
    import json

    archive = tmp_path / "archive.jsonl"
    rows = [{"id": "a", "headline": "Dam plans", "body": "A libary."}, {"id": 7, "title": "Bridge", "text": "Fine."}]
    archive.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (tmp_path / "bad.md").write_bytes(b"caf\xe9\n")
    settings = Settings()
    linter = Linter(settings, build(settings)[1], Flags(select=("T001",)))
    worker = (linter, lambda source, result: result, None)
    for path in (archive, tmp_path / "bad.md"):
        here = dask_worker.lint_file(str(path), worker)
        there = dask_worker.lint_file(path.as_uri(), worker, dask_worker.read)
        assert [(r.record, [(f.line, f.column, f.code) for f in r.findings]) for r in there] == [
            (r.record, [(f.line, f.column, f.code) for f in r.findings]) for r in here
        ]
        assert [p.replace(path.as_uri(), str(path)) for r in there for p in r.problems] == [
            p for r in here for p in r.problems
        ]
    assert [r.record for r in here] == [None] and "not UTF-8" in here[0].problems[0]
    assert [r.record for r in dask_worker.lint_file(archive.as_uri(), worker, dask_worker.read)] == ["a", 7]


def test_a_worker_with_other_rules_or_another_version_refuses():
    settings = Settings()
    linter = Linter(settings, build(settings)[1], Flags())
    recipe = Recipe.of(linter)
    recipe.build()  # the same installation: the same rules
    with pytest.raises(Mismatch, match=r"lacks N999 \(a plugin 1\.0\)"):
        Recipe.of(linter, rules=(*recipe.rules, ("N999", "a plugin 1.0"))).build()
    with pytest.raises(Mismatch, match="runs stylelint-news"):
        Recipe.of(linter, version="0.0.0").build()
    with pytest.raises(Mismatch, match="cannot load the rules"):
        Recipe.of(linter, rule_settings=Settings(rules=("gone.toml",), root="/nowhere")).build()


@pytest.fixture(scope="module")
def threads_cluster():
    """A cluster of threads in this process: quick to start, and a test can change what the
    worker's code does."""
    with distributed.Client(processes=False, n_workers=2, threads_per_worker=1, dashboard_address=":0") as client:
        yield client


def corpus(tmp_path: Path, n: int = 40) -> list[str]:
    paths = []
    for i in range(n):
        path = tmp_path / f"{i:03}.md"
        path.write_text(f"# Story {i}\n\nThe council said said it would meet on {i} May.\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def test_results_come_in_the_order_of_paths_however_batches_finish(tmp_path, threads_cluster, monkeypatch):
    paths = corpus(tmp_path)
    settings = Settings()
    linter = Linter(settings, build(settings)[1], Flags())
    expected = [linter.lint(read_source(p)).findings for p in paths]
    real = dask_worker.lint_file
    late = threading.Event()

    def slow_first(path, worker, read):  # the first batch finishes last
        if path == paths[0]:
            late.wait(5)
        elif path == paths[-1]:
            late.set()
        return real(path, worker, read)

    monkeypatch.setattr(dask_worker, "lint_file", slow_first)
    monkeypatch.setattr(dask_client, "SMALLEST", 1)  # a batch a file, two out per thread
    monkeypatch.setattr(dask_client, "WINDOW", 2)
    results = list(dask_client.lint_paths(threads_cluster, Recipe.of(linter), paths))
    assert [r.path for r in results] == paths
    assert [r.findings for r in results] == expected


def test_a_failing_batch_is_retried_file_by_file_and_a_file_failing_twice_is_reported(
    tmp_path, threads_cluster, monkeypatch
):
    paths = corpus(tmp_path, 12)
    settings = Settings()
    linter = Linter(settings, build(settings)[1], Flags())
    real = dask_worker.lint_file
    calls: dict[str, int] = {}

    def failing(path, worker, read):
        calls[path] = calls.get(path, 0) + 1
        if path == paths[3] or (path == paths[7] and calls[path] == 1):
            raise RuntimeError("the disk went away")  # paths[3] always, paths[7] once
        return real(path, worker, read)

    monkeypatch.setattr(dask_worker, "lint_file", failing)
    results = list(dask_client.lint_paths(threads_cluster, Recipe.of(linter), paths))
    assert [r.path for r in results] == paths  # no gap
    assert results[3].problems == [
        f"{paths[3]}: not linted: RuntimeError: the disk went away, and again when tried once more"
    ]
    assert results[3].findings == []
    assert calls[paths[3]] == 4  # the batch twice (retries=1), then the file alone twice
    assert calls[paths[7]] == 2 and not results[7].problems and results[7].findings  # alone, at the retry
    assert all(r.findings and not r.problems for i, r in enumerate(results) if i != 3)


def test_a_worker_that_cannot_build_the_linter_stops_the_run(tmp_path, threads_cluster):
    settings = Settings()
    linter = Linter(settings, build(settings)[1], Flags())
    recipe = Recipe.of(linter, rules=(("N999", "a plugin 1.0"),))
    with pytest.raises(Exception, match=r"--scheduler: a worker loads other rules than this machine"):
        list(dask_client.lint_paths(threads_cluster, recipe, corpus(tmp_path, 3)))


def test_lint_bag_gives_what_lint_text_gives(threads_cluster):
    import dask.bag as db

    from stylelint_news.dask import lint_bag

    texts = [DRAFT, ("story.md", "# Head\n\nCritics say say it failed.\n"), {"id": 7, "text": "Fine.\n"}]
    found = lint_bag(db.from_sequence(texts, npartitions=2), select=["T003"]).compute()  # on the cluster
    expected = [
        f.as_dict()
        for name, text in (("<text>", DRAFT), ("story.md", texts[1][1]))
        for f in lint_text(text, path=name, flags=Flags(select=("T003",)))
    ]
    assert found == expected and len(found) == 2
    with pytest.raises(TypeError, match="an item must be a text"):
        lint_bag(db.from_sequence([42]), select=["T003"]).compute()
    with pytest.raises(Exception, match="Q999"):
        lint_bag(db.from_sequence([DRAFT]), select=["Q999"])  # checked at once, not on a worker


def test_work_the_scheduler_lost_ends_the_run_with_an_error(tmp_path, threads_cluster, monkeypatch):
    """A batch cancelled under the run (a scheduler restarted, or cut off) is not a gap the
    report passes over: the run stops, exit 2, saying it is incomplete."""
    paths = corpus(tmp_path, 4)
    settings = Settings()
    linter = Linter(settings, build(settings)[1], Flags())
    real = dask_worker.lint_file
    entered, go_on = threading.Event(), threading.Event()

    def held(path, worker, read):
        entered.set()
        go_on.wait(10)
        return real(path, worker, read)

    def cancel_all() -> None:
        entered.wait(60)
        keys = [k for k in threads_cluster.futures if "stylelint-news" in str(k)]
        threads_cluster.cancel([distributed.Future(k, client=threads_cluster) for k in keys])
        go_on.set()

    monkeypatch.setattr(dask_worker, "lint_file", held)
    canceller = threading.Thread(target=cancel_all)
    canceller.start()
    with pytest.raises(
        Exception, match=r"--scheduler: the scheduler lost the work \(cancelled\): the run is incomplete"
    ):
        list(dask_client.lint_paths(threads_cluster, Recipe.of(linter), paths))
    canceller.join()


class _Finished:
    """A task's outcome as `_settle` reads it: finished with results, or failed."""

    def __init__(self, results=None, error: BaseException | None = None):
        self.status = "error" if error is not None else "finished"
        self._results, self._error = results, error

    def result(self):
        return self._results

    def exception(self):
        return self._error


def test_a_failed_batch_is_sent_again_one_file_at_a_time():
    """A worker that dies blames every task waiting on it: a failed batch's files go again one at
    a time, each after the last is settled, so a file that kills its worker takes no batch-mate
    with it (sent together, the file after it died twice beside it)."""
    pytest.importorskip("distributed")
    from stylelint_news.dask.client import _settle, _Slot
    from stylelint_news.engine.linter import Result

    slot = _Slot(["a.txt", "b.txt", "c.txt"])
    assert _settle(_Finished(error=RuntimeError("worker died")), slot, None) == [(0, "a.txt")]
    assert _settle(_Finished(error=RuntimeError("worker died")), slot, 0) == [(1, "b.txt")]
    assert _settle(_Finished([Result("b.txt")]), slot, 1) == [(2, "c.txt")]
    assert _settle(_Finished([Result("c.txt")]), slot, 2) == []
    assert slot.left == 0 and "not linted" in slot.results[0][0].problems[0]
