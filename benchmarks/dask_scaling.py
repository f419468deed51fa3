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
- the overhead per article of the cluster against `--jobs` with as many processes;
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
    print(f"(the running processes: {int(os.getloadavg()[0])} ready to run on {os.cpu_count()} cores)")
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
    for local, cluster in (("--jobs 1", "dask, 1 worker"), ("--jobs 2", "dask, 2 workers")):
        extra = figures[cluster][4] - figures[local][4]
        print(
            f"overhead of {cluster} against {local}: {extra * 1000:+.2f} ms CPU per article "
            f"({extra / figures[local][4]:+.1%}); fixed {figures[cluster][1] - figures[local][1]:+.2f} s CPU, "
            f"{figures[cluster][0] - figures[local][0]:+.2f} s wall"
        )
    speedup = figures["dask, 1 worker"][2] / figures["dask, 2 workers"][2]
    print(f"two workers against one, corpus wall time: {speedup:.2f}x (ideal 2x on 2 idle cores)")
    per_article = figures["dask, 1 worker"][4]
    per_byte = per_article * articles / size
    print(
        f"projection for {ARCHIVE_ARTICLES:,} articles ({ARCHIVE_BYTES / 1e9:.0f} GB), from {per_byte * 1e6:.2f} s CPU "
        "per MB on one worker here, each worker one core as fast as this one, the archive on storage every worker "
        "reads at 10 MB/s or more, batches kept busy (so time = CPU / workers):"
    )
    hours = per_byte * ARCHIVE_BYTES / 3600
    for n in (1, 8, 32, 128):
        print(f"  {n:>4} workers: {hours / n:8.1f} h")


if __name__ == "__main__":
    main()
