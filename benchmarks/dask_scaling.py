#!/usr/bin/env python3
"""What a Dask cluster costs and gives against local processes, on this machine.

    python benchmarks/dask_scaling.py                  # the shared corpus, 3 rounds
    python benchmarks/dask_scaling.py --runs 5 --corpus PATH

Each round runs, interleaved (this machine's speed drifts between minutes), `--jobs 1`,
`--jobs 2`, `--scheduler local --jobs 1` (one Dask worker) and `--scheduler local --jobs 2` (two),
each over the corpus and over one article, with `--no-cache`. For each it takes the wall time
and the CPU time of the whole process tree (the command, and the pool's or the cluster's
processes, from the kernel's accounting of children), and reports medians:

- the fixed cost of a run (one article: interpreter start, a pool or a cluster started, each
  worker building its word data and rules);
- the CPU each further article costs, (corpus - one article) / (articles - 1), which the load
  of other work on the machine changes less than wall time;
- the cluster's upkeep: the CPU an idle cluster of this size burns (heartbeats, the system
  monitor, the event loops), paid per second of the run, not per article;
- the overhead per article of the cluster against `--jobs` with as many processes, raw and with
  the upkeep for the run's wall time taken out;
- two workers against one (wall time over the corpus);
- a projection for 10 million articles on N workers, with what it assumes.

Not a test: the figures depend on the machine and its load, which is printed with them.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT.parent / "shared" / "corpus"
ARTICLE = ROOT / "examples" / "drafts" / "typos.md"
RUNS = {
    "--jobs 1": ["--jobs", "1"],
    "--jobs 2": ["--jobs", "2"],
    "dask, 1 worker": ["--scheduler", "local", "--jobs", "1"],
    "dask, 2 workers": ["--scheduler", "local", "--jobs", "2"],
}
#: The archive the issue describes: 10 million articles, 30 GB.
ARCHIVE_ARTICLES, ARCHIVE_BYTES = 10_000_000, 30e9


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(options: list[str], target: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one run (the CPU of every process it started, once reaped)."""
    cpu, wall = children_cpu(), time.perf_counter()
    r = subprocess.run(
        [sys.executable, "-m", "stylelint_news", "--no-cache", *options, str(target)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    wall, cpu = time.perf_counter() - wall, children_cpu() - cpu
    if r.returncode not in (0, 1):
        raise SystemExit(f"{options}: exit {r.returncode}: {r.stderr.decode()[-500:]}")
    return wall, cpu


def upkeep(workers: int, seconds: float = 30) -> tuple[float, float]:
    """The share of a core an idle `local` cluster of `workers` burns: in this process (the
    scheduler and the client), and in each worker process."""
    import psutil  # a dependency of distributed's

    from stylelint_news.dask.client import connect

    with connect("local", workers):
        me = psutil.Process()
        time.sleep(5)
        workers_ = [p for p in me.children(recursive=True) if "spawn_main" in " ".join(p.cmdline())]
        before = [sum(p.cpu_times()[:2]) for p in (me, *workers_)]
        start = time.perf_counter()
        time.sleep(seconds)
        after = [sum(p.cpu_times()[:2]) for p in (me, *workers_)]
        took = time.perf_counter() - start
    shares = [(b - a) / took for a, b in zip(before, after)]
    return shares[0], sum(shares[1:]) / max(1, len(shares) - 1)


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.1f} {five:.1f} {fifteen:.1f}"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", type=Path, default=CORPUS)
    p.add_argument("--runs", type=int, default=3)
    args = p.parse_args()
    files = [f for f in args.corpus.rglob("*") if f.suffix in (".md", ".txt")]
    articles, size = len(files), sum(f.stat().st_size for f in files)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; {load()} at the start")
    print(f"corpus: {articles} articles, {size / 1e6:.1f} MB; {args.runs} rounds, medians")
    timed(["--jobs", "1"], ARTICLE)  # the data cache warm, as on a worker after its first run
    seen: dict[str, dict[str, list[tuple[float, float]]]] = {name: {"one": [], "all": []} for name in RUNS}
    for round_ in range(args.runs):
        for name, options in RUNS.items():
            seen[name]["one"].append(timed(options, ARTICLE))
            seen[name]["all"].append(timed(options, args.corpus))
        print(f"round {round_ + 1} done; {load()}", flush=True)
    figures = {}
    for name in RUNS:
        one_wall = statistics.median(w for w, _ in seen[name]["one"])
        one_cpu = statistics.median(c for _, c in seen[name]["one"])
        all_wall = statistics.median(w for w, _ in seen[name]["all"])
        all_cpu = statistics.median(c for _, c in seen[name]["all"])
        per_article = (all_cpu - one_cpu) / max(1, articles - 1)
        figures[name] = (one_wall, one_cpu, all_wall, all_cpu, per_article)
        print(
            f"{name:<16} one article {one_wall:6.2f} s wall {one_cpu:6.2f} s CPU | corpus {all_wall:7.2f} s wall "
            f"{all_cpu:7.2f} s CPU | {per_article * 1000:6.2f} ms CPU per further article"
        )
    shares = {n: upkeep(n) for n in (1, 2)}
    for n, (client, worker) in shares.items():
        print(
            f"idle upkeep, {n} worker(s): {client:.1%} of a core in the client (and scheduler), {worker:.1%} per worker"
        )
    net = {}
    for n, local, cluster in ((1, "--jobs 1", "dask, 1 worker"), (2, "--jobs 2", "dask, 2 workers")):
        extra = figures[cluster][4] - figures[local][4]
        rate = shares[n][0] + n * shares[n][1]
        kept = (figures[cluster][3] - figures[cluster][1]) - rate * (figures[cluster][2] - figures[cluster][0])
        net[n] = kept / max(1, articles - 1) - figures[local][4]
        print(
            f"overhead of {cluster} against {local}: {extra * 1000:+.2f} ms CPU per article raw "
            f"({extra / figures[local][4]:+.1%}), {net[n] * 1000:+.2f} ms ({net[n] / figures[local][4]:+.1%}) with the "
            f"upkeep of its wall time taken out; fixed {figures[cluster][1] - figures[local][1]:+.2f} s CPU, "
            f"{figures[cluster][0] - figures[local][0]:+.2f} s wall"
        )
    speedup = figures["dask, 1 worker"][2] / figures["dask, 2 workers"][2]
    print(f"two workers against one, corpus wall time: {speedup:.2f}x (ideal 2x on 2 idle cores)")
    lint = figures["--jobs 1"][4] * articles / size  # CPU per byte of the lint itself
    per_byte = lint * (1 + max(0.0, net[1] / figures["--jobs 1"][4])) / (1 - shares[1][1])
    print(
        f"projection for {ARCHIVE_ARTICLES:,} articles ({ARCHIVE_BYTES / 1e9:.0f} GB): {lint * 1e6:.2f} s CPU per MB "
        f"to lint here, {per_byte * 1e6:.2f} s per MB of a worker's core with the overhead per article and the "
        "upkeep; each worker one core as fast as one of these, the archive on storage every worker reads at 1 MB/s "
        "or more, batches kept busy (time = CPU / workers, plus a minute to start):"
    )
    hours = per_byte * ARCHIVE_BYTES / 3600
    for n in (1, 8, 32, 128, 512):
        print(f"  {n:>4} workers: {hours / n:8.1f} h")


if __name__ == "__main__":
    main()
