#!/usr/bin/env python3
"""What a desk's packs cost over the built-in rules alone, in instructions.

    python benchmarks/packs_cost.py              # 60 articles of ../shared/corpus
    python benchmarks/packs_cost.py --every 20   # a larger sample

The bar (issue 19): the shipped packs (`--extend-select S`) and a desk's 20-rule pack
(benchmarks/desk-pack.toml) cost at most 20% over the built-in rules alone. Wall-clock time on a
shared machine moves with the load by more than that, so this counts the instructions a run
executes under valgrind's callgrind, which is the same from run to run: one process (`--jobs 1`),
no result cache, and a data cache of its own, built by a first run outside the count, so that
neither a cold cache nor another checkout's build is counted.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def sample(every: int) -> list[str]:
    """Every `every`-th article of the corpus, in path order: the same files each time."""
    files = sorted(str(p) for p in CORPUS.rglob("*.txt"))
    return files[::every]


def instructions(cmd: list[str], env: dict[str, str]) -> int:
    r = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    found = re.search(r"refs:\s+([\d,]+)", r.stderr)
    if found is None:
        sys.exit(f"callgrind gave no count:\n{r.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--every", type=int, default=39, help="take every Nth article (default: 39, 60 articles)")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed: it counts the instructions")
    files = sample(args.every)
    with tempfile.TemporaryDirectory() as tmp:
        base, packs = Path(tmp, "base.toml"), Path(tmp, "packs.toml")
        base.write_text('dialect = "en"\n', encoding="utf-8")
        packs.write_text(f'extend-select = ["S"]\nrules = ["{HERE / "desk-pack.toml"}"]\n', encoding="utf-8")
        env = {**os.environ, "STYLELINT_NEWS_CACHE_DIR": str(Path(tmp, "cache"))}
        run = [sys.executable, "-m", "stylelint_news", "--no-cache", "--jobs", "1", "--exit-zero", "--config"]
        subprocess.run([*run, str(packs), *files], capture_output=True, env=env, cwd=ROOT)  # builds the cache
        alone = instructions([*run, str(base), *files], env)
        with_packs = instructions([*run, str(packs), *files], env)
    print(f"{len(files)} articles of {CORPUS}")
    print(f"built-in rules alone:              {alone:>15,} instructions")
    print(f"with the shipped packs and a desk's: {with_packs:>13,} instructions, +{with_packs / alone - 1:.1%}")


if __name__ == "__main__":
    main()
