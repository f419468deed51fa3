"""A run ended by a signal ends whole: its workers go with it, and it says so in one line."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table in /proc")

PARAGRAPH = "The ferry company said passengers would be told to to the changes in good time. " * 30


def children(pid: int) -> list[int]:
    """The live (not yet dead) processes whose parent is `pid`."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return False
    return fields[0] != "Z"  # a zombie has ended; it only waits to be reaped


def started(tmp_path) -> tuple[subprocess.Popen, list[int]]:
    """A --jobs 2 run over forty long drafts, once both its workers are busy."""
    for i in range(40):
        (tmp_path / f"{i:02}.md").write_text("Head\n\n" + (PARAGRAPH + "\n\n") * 40, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "stylelint_news", "--no-cache", "--jobs", "2", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    deadline = time.monotonic() + 120
    while len(children(proc.pid)) < 2:
        assert proc.poll() is None and time.monotonic() < deadline, "the workers never started"
        time.sleep(0.05)
    return proc, children(proc.pid)


def all_gone(pids: list[int], within: float = 10) -> bool:
    deadline = time.monotonic() + within
    while any(alive(p) for p in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_sigterm_with_jobs_ends_every_process_and_says_so(tmp_path):
    proc, workers = started(tmp_path)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)  # hangs if a worker still holds the output pipes
    assert proc.returncode == 128 + signal.SIGTERM
    assert err == b"stylelint-news: stopped by SIGTERM\n"
    assert all_gone(workers), [p for p in workers if alive(p)]


def test_workers_die_with_a_parent_killed_outright(tmp_path):
    """kill -9 leaves the parent no chance to end its pool: the kernel ends the workers."""
    proc, workers = started(tmp_path)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    assert all_gone(workers), [p for p in workers if alive(p)]
