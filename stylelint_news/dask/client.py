"""The client's side of a run on a Dask cluster: batches out, results back in the order of paths.

The files (sorted by path, as `--jobs` lints them) are cut into batches of consecutive files,
sized by bytes so that each keeps a worker busy for about a second or more and the last ones
still spread over every worker. At most WINDOW batches per worker thread are out at once, and a
batch's results wait in a reorder buffer only until every batch before it is written: memory
stays bounded however large the archive, and the report writes each file's findings as they
come, byte for byte what `--jobs` writes.

Failures cost one retry, never a silent gap. A batch that raises is run again once (Dask's
`retries=1`); one whose worker dies is run again elsewhere by the scheduler (once, on a cluster
this module starts). A batch that still fails is sent again file by file, one at a time (a
worker that dies blames every task waiting on it), and a file that fails
on its own too is reported as not linted: a problem, exit status 2.
"""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from distributed import Client, Future, as_completed

from ..engine.files import excluded
from ..engine.linter import Result
from ..errors import UsageError
from .worker import Mismatch, Recipe, is_url, lint_batch

#: Batches out at once per worker thread: enough that a slow batch does not leave workers idle.
WINDOW = 4
#: Batches per worker thread the run is cut into, at least: the last batches then spread out.
SPREAD = 8
#: Bounds of a batch in bytes (about 0.2 s and 6 s of one core's work) and in files.
SMALLEST, LARGEST, MOST_FILES = 256_000, 8_000_000, 1000
#: How long to wait for a scheduler to answer, and for a first worker to join it (seconds).
CONNECT_TIMEOUT, WORKER_TIMEOUT = 10, 60


@contextmanager
def connect(address: str, workers: int) -> Iterator[Client]:
    """A client of the scheduler at `address`, or (`local`) of a cluster of `workers` processes
    started on this machine, each with one thread, and closed at the end."""
    if address == "local":
        from distributed import LocalCluster

        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",  # this machine's own cluster: nothing listens beyond it
            dashboard_address="127.0.0.1:0",  # a free port (the scheduler serves HTTP whatever it is told)
            silence_logs=logging.CRITICAL,  # a worker's death is this module's to report
            scheduler_kwargs={"allowed_failures": 1},  # a batch whose worker dies is tried once more
        )
        try:
            with Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as err:
        raise UsageError("--scheduler", f"cannot connect to the Dask scheduler at {address}: {err}") from None
    try:
        try:
            client.wait_for_workers(1, timeout=WORKER_TIMEOUT)
        except TimeoutError:
            raise UsageError(
                "--scheduler", f"no worker joined the scheduler at {address} in {WORKER_TIMEOUT} s"
            ) from None
        yield client
    finally:
        client.close()


def lint_on_cluster(address: str, recipe: Recipe, paths: Sequence[str], workers: int) -> Iterator[Result]:
    """Each file's result in the order of paths (a URL folder's files among them), linted on the
    cluster at `address` (`local`: one of `workers` processes started here)."""
    settings = recipe.settings
    sizes: dict[str, int] = {}
    paths = expand_urls(paths, settings.extensions, settings.exclude, sizes)
    with connect(address, workers) as client:
        yield from lint_paths(client, recipe, paths, sizes)


def expand_urls(
    paths: Sequence[str], extensions: Sequence[str], exclude: Sequence[str], sizes: dict[str, int] | None = None
) -> list[str]:
    """The paths with each fsspec URL that names a folder replaced by the files under it that
    have the run's extensions, sorted (and each path once), as the local runner has them; the
    sizes the listing gave go into `sizes`."""
    found: list[str] = []
    for path in paths:
        if not is_url(path):
            found.append(path)
            continue
        from fsspec.core import url_to_fs

        try:
            fs, root = url_to_fs(path)
            if not fs.isdir(root):
                found.append(path)
                continue
            listed = fs.find(root, detail=True)
        except (OSError, ValueError, ImportError) as err:
            raise UsageError(path, f"cannot list the folder: {type(err).__name__}: {err}") from None
        exts = tuple(e.lower() for e in extensions)
        for name, info in listed.items():
            relative = Path(str(name)[len(root.rstrip("/")) :].lstrip("/"))
            if name.lower().endswith(exts) and not any(excluded(p, exclude) for p in (relative, *relative.parents)):
                url = fs.unstrip_protocol(name)
                found.append(url)
                if sizes is not None and isinstance(info.get("size"), int):
                    sizes[url] = info["size"]
    return sorted(dict.fromkeys(found))


def _size(path: str, listed: dict[str, int]) -> int:
    """A file's size for cutting batches. A URL's comes from its folder's listing; one named
    alone (its size not asked, one request each) counts as a small file."""
    if is_url(path):
        return listed.get(path, SMALLEST // 8)
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def batches(sizes: Sequence[int], threads: int) -> list[tuple[int, int]]:
    """Consecutive (start, end) ranges of the files, by bytes: each about the total over
    SPREAD batches per thread, within SMALLEST and LARGEST, and at most MOST_FILES files."""
    target = min(LARGEST, max(SMALLEST, sum(sizes) // max(1, threads * SPREAD)))
    spans: list[tuple[int, int]] = []
    start = held = 0
    for i, size in enumerate(sizes):
        if i > start and (held + size > target or i - start >= MOST_FILES):
            spans.append((start, i))
            start, held = i, 0
        held += size
    if start < len(sizes):
        spans.append((start, len(sizes)))
    return spans


@dataclass
class _Slot:
    """One batch on its way: its files, and once it failed whole, its files' results one by one."""

    paths: Sequence[str]
    results: list[list[Result] | None] = field(default_factory=list)  # each file's results
    left: int = 0
    sent: int = 0  # files sent alone so far: one at a time, so a worker's death blames one file

    def next_alone(self) -> list[tuple[int, str]]:
        """The next file to send alone, if any: only after the one before it is settled. Tasks
        waiting on a worker are blamed when it dies, so a batch-mate sent beside a file that
        kills its worker would be counted dead with it."""
        if self.sent >= len(self.paths):
            return []
        self.sent += 1
        return [(self.sent - 1, self.paths[self.sent - 1])]


def lint_paths(
    client: Client, recipe: Recipe, paths: Sequence[str], sizes: dict[str, int] | None = None
) -> Iterator[Result]:
    """Each file's result, in the order of `paths`, linted on the cluster (`sizes`: those of
    URLs, from their listing)."""
    recipe = recipe.keyed()
    threads = max(1, sum(client.nthreads().values()))
    spans = batches([_size(p, sizes or {}) for p in paths], threads)
    run = uuid.uuid4().hex[:12]
    ready = as_completed()
    owner: dict[Future, tuple[int, int | None]] = {}
    slots: dict[int, _Slot] = {}
    done: dict[int, list[list[Result]]] = {}

    def submit(paths: Sequence[str], key: str, to: tuple[int, int | None]) -> None:
        future = client.submit(lint_batch, recipe, list(paths), key=key, retries=1, pure=False)
        owner[future] = to
        ready.add(future)

    sent = written = 0
    try:
        while written < len(spans):
            while sent < len(spans) and sent - written < WINDOW * threads:
                start, end = spans[sent]
                slots[sent] = _Slot(paths[start:end])
                submit(slots[sent].paths, f"stylelint-news-{run}-{sent}", (sent, None))
                sent += 1
            while written not in done:
                future = next(ready)
                index, one = owner.pop(future)
                for i, path in _settle(future, slots[index], one):
                    submit([path], f"stylelint-news-{run}-{index}-{i}", (index, i))
                future.release()
                if slots[index].left == 0:
                    done[index] = [r for r in slots.pop(index).results if r is not None]
            for results in done.pop(written):
                yield from results
            written += 1
    finally:
        if owner:  # an error or a signal: nothing left running for this run
            with suppress(Exception):  # a client already cut off from its scheduler
                client.cancel(list(owner))


def _settle(future: Future, slot: _Slot, one: int | None) -> list[tuple[int, str]]:
    """Take a finished task's outcome into its batch's slot: its results, or (a file alone that
    failed) the file reported as not linted. A batch that failed has its files sent again one
    by one, each after the last is settled: what this returns is the next to send."""
    if future.status == "finished":
        results = future.result()
        if one is None:
            slot.results = list(results)
            return []
        slot.results[one] = results[0]
        slot.left -= 1
        return slot.next_alone()
    if future.status != "error":  # cancelled: the scheduler lost it (restarted, or cut off)
        raise UsageError("--scheduler", f"the scheduler lost the work ({future.status}): the run is incomplete")
    err = future.exception()
    if isinstance(err, Mismatch):
        raise UsageError("--scheduler", str(err))
    if one is None and len(slot.paths) > 1:
        slot.results = [None] * len(slot.paths)
        slot.left = len(slot.paths)
        return slot.next_alone()
    path = slot.paths[one or 0]
    result = [Result(path, problems=[f"{path}: not linted: {_why(err)}, and again when tried once more"])]
    if one is None:
        slot.results = [result]
        return []
    slot.results[one] = result
    slot.left -= 1
    return slot.next_alone()


def _why(err: BaseException) -> str:
    if type(err).__name__ == "KilledWorker":
        return "the Dask worker linting it died"
    return f"{type(err).__name__}: {err}"
