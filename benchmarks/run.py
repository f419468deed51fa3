#!/usr/bin/env python3
"""Time stylelint-news and its peers as whole processes, as a writer or a CI job runs them.

    python benchmarks/run.py                 # stylelint-news only
    python benchmarks/run.py --peers         # also proselint and codespell (installed from PyPI
                                             # into benchmarks/.peers, the benchmark's own venv)
    python benchmarks/run.py --against HEAD~3  # this checkout against a git revision, interleaved
    python benchmarks/run.py --against HEAD~3 --instructions  # the same in instructions (valgrind)

It installs this checkout as pip and pre-commit would (a regular, byte-compiled install in
benchmarks/.venv-bench) and reports the median of several runs for: one article (interpreter start
included, pinned to one core for every tool), the whole clean corpus with one process and with all
cores, a second run with the result cache warm, and the same corpus for each peer, with the ratio
of each peer's time to ours. Not a test: timings depend
on the machine, so the figures go in the README with the machine they came from.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT.parent / "shared" / "corpus"
ARTICLE = ROOT / "examples" / "drafts" / "typos.md"
#: Each peer's command before the paths (proselint 0.16 takes a `check` subcommand).
PEERS = {"proselint": ["proselint", "check"], "codespell": ["codespell"]}


def _one_core() -> None:
    """Run a short process on one core. On this VM the scheduler moving a 0.15 s process between
    cores added up to 40 ms of noise (to every tool alike); pinned, runs vary by a few ms."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def times_of(cmd: list[str], runs: int, env: dict | None = None, pinned: bool = False) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, preexec_fn=_one_core if pinned else None
        )
        times.append(time.perf_counter() - start)
    return times


def median_time(cmd: list[str], runs: int, env: dict | None = None) -> float:
    return statistics.median(times_of(cmd, runs, env))


def short_run(cmd: list[str], runs: int, env: dict | None = None) -> str:
    """A short process's median and fastest run, pinned to one core. This VM runs in fast and slow
    phases of several seconds (the same command 0.15 s or 0.21 s): the median says which phase
    the runs fell in, the fastest what the program costs."""
    times = times_of(cmd, runs, env, pinned=True)
    return f"{statistics.median(times):.3f} s median, {min(times):.3f} s fastest of {runs}"


def peers_env() -> Path:
    target = HERE / ".peers"
    if not (target / "bin" / "python").exists():
        venv.EnvBuilder(with_pip=True).create(target)
    subprocess.run([target / "bin" / "pip", "install", "--quiet", *PEERS], check=True, stderr=subprocess.DEVNULL)
    return target / "bin"


def installed(source: Path = ROOT, name: str = ".venv-bench") -> Path:
    """stylelint-news installed from a checkout as a writer or pre-commit installs it: a regular
    (not editable) install, byte-compiled by pip, in a venv of the benchmark's own. The checkout's
    build/ folder is removed first: setuptools copies into it without deleting what a moved
    module left there, and would install a stale copy beside the new one."""
    target = HERE / name
    if not (target / "bin" / "python").exists():
        venv.EnvBuilder(with_pip=True).create(target)
    shutil.rmtree(source / "build", ignore_errors=True)
    pip = [str(target / "bin" / "pip"), "install", "--quiet"]
    subprocess.run([*pip, "--force-reinstall", "--no-deps", str(source)], check=True, stderr=subprocess.DEVNULL)
    subprocess.run([*pip, str(source)], check=True, stderr=subprocess.DEVNULL)
    return target / "bin"


def checkout(ref: str) -> Path:
    """A clean copy of a git revision of this repository, for `--against`."""
    where = Path(tempfile.mkdtemp(prefix="sn-against-"))
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(where)], input=archive, check=True)
    return where


def cpu_times(cmd: list[str], env: dict, pinned: bool = False) -> float:
    """User and system time of one run of a command: what it cost, less what waiting on a busy
    machine added to the wall clock."""
    before = os.times()
    subprocess.run(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, preexec_fn=_one_core if pinned else None
    )
    after = os.times()
    return (after.children_user - before.children_user) + (after.children_system - before.children_system)


def warm_up(cmd: list[str], env: dict, files: list[str]) -> None:
    """Build an install's data store before timing it: its tables are built on first use, and one
    article does not use them all (a first corpus round that builds them is no measurement)."""
    subprocess.run([*cmd, str(ARTICLE), *files[:200]], env=env, stdout=subprocess.DEVNULL, check=False)


def against(ref: str, ours: list[str], rounds: int, files: list[str], count: bool = False) -> None:
    """This checkout and a git revision, interleaved round after round (one article twenty times,
    then the corpus once, each in turn), as the ratio of their medians of CPU time; with `count`,
    as the ratio of the instructions an article of the corpus costs each (`per_article`)."""
    theirs = [str(installed(checkout(ref), ".venv-against") / "stylelint-news"), "--exit-zero"]
    envs = {}
    for cmd in (ours, theirs):
        envs[cmd[0]] = {**os.environ, "STYLELINT_NEWS_CACHE_DIR": tempfile.mkdtemp(prefix="sn-bench-")}
        warm_up(cmd, envs[cmd[0]], files)
    if count:
        a, b = (per_article(cmd, envs[cmd[0]], files) for cmd in (ours, theirs))
        print(
            f"corpus, instructions an article ({COUNTED} articles after {WARM}): this checkout "
            f"{a / 1e6:.2f} million, {ref} {b / 1e6:.2f} million: {a / b:.2f}x"
        )
        return
    one: dict[str, list[float]] = {ours[0]: [], theirs[0]: []}
    corpus: dict[str, list[float]] = {ours[0]: [], theirs[0]: []}
    for r in range(rounds):
        pair = (ours, theirs) if r % 2 == 0 else (theirs, ours)
        for _ in range(10):
            for cmd in pair:
                one[cmd[0]].append(cpu_times([*cmd, "--no-cache", str(ARTICLE)], envs[cmd[0]], pinned=True))
        for cmd in pair:
            corpus[cmd[0]].append(cpu_times([*cmd, "--no-cache", "--jobs", "1", *files], envs[cmd[0]]))
    for label, table in (("one article", one), ("corpus, --jobs 1", corpus)):
        a, b = statistics.median(table[ours[0]]), statistics.median(table[theirs[0]])
        print(
            f"{label}: this checkout {a:.3f} s, {ref} {b:.3f} s CPU time (medians of {len(table[ours[0]])}): "
            f"{a / b:.2f}x"
        )


#: Articles a run reads before the ones counted, and the ones counted (`--instructions`).
WARM, COUNTED = 300, 400


def instructions(cmd: list[str], env: dict) -> int:
    """The instructions one run of a command executes, as valgrind counts them."""
    run = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    found = re.search(r"refs:\s+([\d,]+)", run.stderr)
    if found is None:
        raise SystemExit(f"valgrind gave no count for {cmd[0]}: {run.stderr.strip()[-300:]}")
    return int(found.group(1).replace(",", ""))


def per_article(cmd: list[str], env: dict, files: list[str]) -> float:
    """The instructions an article costs once a run is under way: a run over WARM + COUNTED
    articles less one over the first WARM alone, so that the start and the word tables' one-time
    loads cancel. CPU time on this VM moves by a sixth between runs of the same command; this
    figure does not (a fixed hash seed, a fixed sample), which makes it the one to hold a speed
    bar to. The two runs go side by side on two cores."""
    sample = random.Random(1).sample(files, WARM + COUNTED)
    env = {**env, "PYTHONHASHSEED": "0"}
    runs = [[*cmd, "--no-cache", "--jobs", "1", *sample[:n]] for n in (WARM, WARM + COUNTED)]
    with ThreadPoolExecutor(2) as pool:
        warm, both = pool.map(lambda run: instructions(run, env), runs)
    return (both - warm) / COUNTED


def corpus_files() -> list[str]:
    return sorted(str(p) for p in CORPUS.rglob("*.txt"))


#: A pure-Python loop of about a second: what the machine itself gives one process and several.
BURN = "d = {}\nfor i in range(6_000_000):\n    d[i % 5000] = str(i)\n"


def machine_scaling(cores: int, rounds: int) -> float:
    """How many times the work of one process `cores` copies of a CPU-bound loop get done in the
    same time, median of rounds: the ceiling for any tool's --jobs on this machine (a VM's cores
    may share a physical one, or a busy host)."""
    ratios = []
    for _ in range(rounds):
        one = median_time([sys.executable, "-c", BURN], 1)
        start = time.perf_counter()
        procs = [subprocess.Popen([sys.executable, "-c", BURN]) for _ in range(cores)]
        for p in procs:
            p.wait()
        ratios.append(cores * one / (time.perf_counter() - start))
    return statistics.median(ratios)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--peers", action="store_true", help="also time proselint and codespell")
    ap.add_argument("--against", metavar="REF", help="time this checkout against a git revision, interleaved")
    ap.add_argument(
        "--instructions", action="store_true", help="with --against: count instructions (valgrind), not CPU time"
    )
    args = ap.parse_args()
    if args.instructions and not args.against:
        ap.error("--instructions compares two builds: give the other with --against REF")
    files = corpus_files()
    size = sum(os.path.getsize(f) for f in files)
    words = sum(len(Path(f).read_text(encoding="utf-8").split()) for f in files)
    ours = [str(installed() / "stylelint-news"), "--exit-zero"]
    cache = tempfile.mkdtemp(prefix="sn-bench-")
    env = {**os.environ, "STYLELINT_NEWS_CACHE_DIR": cache}
    if args.against:
        against(args.against, ours, args.runs, files, count=args.instructions)
        return
    warm_up(ours, env, files)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"corpus: {len(files)} articles, {size / 1e6:.1f} MB, {words} words; {args.runs} runs each, medians")
    print(f"one article, all default rules (one core): {short_run(ours + ['--no-cache', str(ARTICLE)], 20, env)}")
    # one process and all cores in turn, round after round, as with the peers below: a slow phase
    # of the machine then slows both, and the speed-up is the median of each round's ratio
    jobs = os.cpu_count() or 1
    rounds: dict[int, list[float]] = {1: [], jobs: []}
    for _ in range(args.runs):
        for n in rounds:
            rounds[n].append(median_time(ours + ["--no-cache", "--jobs", str(n), *files], 1, env))
    rows = {n: statistics.median(ts) for n, ts in rounds.items()}
    for n, t in rows.items():
        print(
            f"corpus, --jobs {n}: {t:.2f} s median ({', '.join(f'{x:.2f}' for x in rounds[n])}) = "
            f"{size / 1e6 / t / n:.2f} MB/s per core, {words / t:,.0f} words/s"
        )
    if jobs > 1:
        speedup = statistics.median(a / b for a, b in zip(rounds[1], rounds[jobs]))
        print(
            f"  --jobs {jobs} is {speedup:.2f}x as fast as --jobs 1 in the same rounds; "
            f"{jobs} copies of a pure-Python loop get {machine_scaling(jobs, 3):.2f}x the work of one done here"
        )
    base = median_time(ours + ["--no-cache", "--jobs", str(jobs), "--select", "X001", *files], 1, env)
    for family in "TDCA":
        t = median_time(ours + ["--no-cache", "--jobs", str(jobs), "--select", family, *files], 1, env)
        print(
            f"  family {family} alone: {t:.2f} s, {max(0.0, t - base) / max(1e-9, rows[jobs] - base):.0%} of the rules' time "
            f"(reading and parsing alone: {base:.2f} s)"
        )
    subprocess.run(ours + ["--jobs", "1", *files], env=env, stdout=subprocess.DEVNULL)
    warm = median_time(ours + [*files], args.runs, env)
    print(f"corpus, result cache warm: {warm:.2f} s ({warm / rows[1]:.0%} of a cold run with --jobs 1)")
    if args.peers:
        bin_dir = peers_env()
        for name, cmd in PEERS.items():
            peer = [str(bin_dir / cmd[0]), *cmd[1:]]
            t_one = short_run(peer + [str(ARTICLE)], 20)
            # the peer and we in turn, round after round, so both meet the machine's same slow and
            # fast phases; the ratio is the median of each round's ratio
            theirs, all_cores = [], []
            for _ in range(max(1, args.runs // 2)):
                theirs.append(median_time(peer + files, 1))
                all_cores.append(median_time(ours + ["--no-cache", "--jobs", str(jobs), *files], 1, env))
            ratio = statistics.median(t / u for t, u in zip(theirs, all_cores))
            print(
                f"{name}: one article {t_one}; corpus {statistics.median(theirs):.2f} s; {name} takes {ratio:.1f}x "
                f"the time of stylelint-news on all cores in the same rounds "
                f"({', '.join(f'{t:.1f}/{u:.1f} s' for t, u in zip(theirs, all_cores))})"
            )
    shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
