"""A person at a terminal: the summary line and the progress bar (standard error, a terminal
only), --quiet and --silent, colour, and --show-source's window on a long line."""

from __future__ import annotations

import io
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from stylelint_news.finding import Finding
from stylelint_news.output import terminal
from stylelint_news.output.formats import flake8
from stylelint_news.output.report import Report, Reporter, ReportOptions
from stylelint_news.output.terminal import ELLIPSIS, WINDOW, Progress, color_wanted, summary, window

SLIPS = "The ferry sailed to to the isles.\n\nIt voted voted to close the pier.\n"


def drafts(tmp_path: Path) -> Path:
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "a.md").write_text(SLIPS, encoding="utf-8")
    (folder / "b.md").write_text("The mayor recieved a letter.\n", encoding="utf-8")
    (folder / "c.md").write_text("All is well.\n", encoding="utf-8")
    return folder


def cli(*args: str, cwd: Path, terminal_stderr: bool = False, **env: str) -> tuple[int, str, str]:
    """Run the command with standard output a pipe and standard error a pipe or a terminal."""
    environ = {**os.environ, "PYTHONIOENCODING": "utf-8", **env}
    for name in ("NO_COLOR", "FORCE_COLOR"):
        if name not in env:
            environ.pop(name, None)
    command = [sys.executable, "-m", "stylelint_news", "--no-cache", *args]
    if not terminal_stderr:
        r = subprocess.run(command, capture_output=True, cwd=cwd, env=environ, stdin=subprocess.DEVNULL)
        return r.returncode, r.stdout.decode(), r.stderr.decode()
    master, slave = pty.openpty()
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=slave, stdin=subprocess.DEVNULL, cwd=cwd, env=environ
    ) as p:
        os.close(slave)
        out = p.stdout.read() if p.stdout else b""
        code = p.wait()
    err = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the terminal's other end is closed: all is read
            break
        if not chunk:
            break
        err += chunk
    os.close(master)
    return code, out.decode(), err.decode().replace("\r\n", "\n")


def test_summary_at_a_terminal_and_nothing_extra_in_a_pipe(tmp_path):
    drafts(tmp_path)
    code, out, err = cli("--select", "T001,T003", "drafts", cwd=tmp_path, terminal_stderr=True)
    assert code == 1 and out.count("\n") == 3
    assert err == "3 findings in 2 files, 1 fixable with --fix (2 more with --unsafe-fixes)\n"
    assert cli("--select", "T001,T003", "drafts", cwd=tmp_path) == (1, out, "")
    code, _, err = cli("--select", "T003", "drafts/c.md", cwd=tmp_path, terminal_stderr=True)
    assert (code, err) == (0, "no findings in 1 file\n")


def test_summary_counts_what_the_baseline_held_back(tmp_path):
    folder = drafts(tmp_path)
    cli("--select", "T003", "drafts", "--write-baseline", "b.json", cwd=tmp_path)
    (folder / "c.md").write_text("All went to to plan.\n", encoding="utf-8")
    code, out, err = cli("--select", "T003", "drafts", "--baseline", "b.json", cwd=tmp_path, terminal_stderr=True)
    assert code == 1 and out.startswith("drafts/c.md:1:10: T003")
    assert err == "1 finding in 1 file, 1 fixable with --fix; 2 more in the baseline\n"


def test_quiet_and_silent(tmp_path):
    folder = drafts(tmp_path)
    os.mkfifo(folder / "pipe.md")  # a folder's special file: a notice, not an error
    code, out, err = cli("--select", "T003", "drafts", cwd=tmp_path, terminal_stderr=True)
    assert "skipped 1 file" in err and "findings in" in err
    code, quiet_out, err = cli("-q", "--select", "T003", "drafts", cwd=tmp_path, terminal_stderr=True)
    assert (code, quiet_out, err) == (1, out, "")
    for flag in ("-qq", "--silent", "-s"):
        assert cli(flag, "--select", "T003", "drafts", "--count", cwd=tmp_path, terminal_stderr=True) == (1, "", "")
    code, out, err = cli("--silent", "drafts", "missing.md", cwd=tmp_path)
    assert (code, out) == (2, "") and err.startswith("stylelint-news: missing.md: no such file")


@pytest.mark.parametrize(
    ("args", "env", "colored"),
    [
        (("--color", "always"), {}, True),
        (("--color", "never"), {"FORCE_COLOR": "1"}, False),
        ((), {}, False),  # auto, standard output a pipe
        ((), {"FORCE_COLOR": "1"}, True),
        ((), {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        (("--color", "always"), {"NO_COLOR": "1"}, True),  # the command line wins
    ],
)
def test_color(tmp_path, args, env, colored):
    drafts(tmp_path)
    code, out, _ = cli("--select", "T003", "drafts/a.md", *args, cwd=tmp_path, **env)
    assert code == 1
    assert ("\x1b[" in out) is colored
    assert "\x1b[" not in cli("--select", "T003", "drafts/a.md", "--format", "json", *args, cwd=tmp_path, **env)[1]


def test_color_wanted_at_a_terminal(monkeypatch):
    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert color_wanted("auto", Tty()) and not color_wanted("auto", io.StringIO())
    monkeypatch.setenv("TERM", "dumb")
    assert not color_wanted("auto", Tty())


def test_colored_flake8_lines_are_the_plain_ones_painted():
    f = Finding("a.md", 1, 5, 1, 10, "T003", "repeated-word", "repeated word", 4, 9)
    plain = flake8(Report([f], {}, show_source=True, lines={("a.md", 1): "The on on day"}))
    painted = flake8(Report([f], {}, show_source=True, lines={("a.md", 1): "The on on day"}, color=True))
    assert plain != painted
    assert re.sub(r"\x1b\[[0-9;]*m", "", painted) == plain


def test_window_short_lines_are_whole():
    assert window("The on on day", 4, 5) == ("The on on day", 4, 5)
    assert window("The on on day", 4, 50) == ("The on on day", 4, 9)


@pytest.mark.parametrize("at", [0, 5, 300, 640, 1270, 1299])
def test_window_on_a_long_line_keeps_the_caret_under_the_word(at):
    words = [f"w{i:03d}" for i in range(260)]
    line = " ".join(words)[:1300]
    column = line.rfind(" ", 0, at + 1) + 1  # the start of the word at `at`
    word = line[column:].split(" ")[0]
    text, caret, width = window(line, column, len(word))
    assert len(text) <= WINDOW + 2 * len(ELLIPSIS)
    assert text[caret : caret + width] == word
    assert text.startswith(ELLIPSIS) == (not text.startswith("w000"))
    assert text.endswith(ELLIPSIS) == (not line.endswith(text.removeprefix(ELLIPSIS)))
    assert text.removeprefix(ELLIPSIS).startswith("w") and text.removesuffix(ELLIPSIS)[-1].isdigit()  # whole words


def test_window_counts_characters_not_bytes_or_cells():
    line = "市民" * 300 + " The mayor recieved a letter. " + "😀" * 300
    column = line.index("recieved")
    text, caret, width = window(line, column, 8)
    assert text[caret : caret + width] == "recieved"


def test_show_source_end_to_end_on_a_long_paragraph(tmp_path):
    paragraph = " ".join(["The harbour board met for a long session on the plans."] * 25)
    paragraph += " It voted voted to close the pier. " + " ".join(["Fishermen were not consulted at all."] * 10)
    (tmp_path / "long.md").write_text(paragraph + "\n", encoding="utf-8")
    code, out, _ = cli("--select", "T003", "--show-source", "long.md", cwd=tmp_path)
    first, shown, caret = out.splitlines()
    assert code == 1 and first.startswith("long.md:1:")
    assert len(shown) <= 4 + WINDOW + 2 * len(ELLIPSIS)
    at = caret.index("^")
    assert shown[at : at + len("voted voted")] == "voted voted" and caret.count("^") == len("voted voted")


def test_progress_waits_a_second_and_draws_at_most_ten_times_a_second():
    now = [0.0]
    stream = io.StringIO()
    bar = Progress(200, stream, clock=lambda: now[0])
    bar.advance(10)
    assert stream.getvalue() == ""
    now[0] = 1.2
    bar.advance(100)
    assert stream.getvalue().endswith("] 100/200 files") and "#" * 15 + "-" * 15 in stream.getvalue()
    now[0] = 1.25
    bar.advance(101)
    assert "101/200" not in stream.getvalue()
    bar.clear()
    assert stream.getvalue().endswith("\r\x1b[K") and not bar.drawn


def test_the_bar_is_cleared_before_findings_and_the_summary(monkeypatch):
    from stylelint_news.engine.linter import Result

    monkeypatch.setattr(terminal.Progress, "DELAY", 0.0)
    monkeypatch.setattr(terminal.Progress, "EVERY", 0.0)
    screen: list[str] = []

    class Terminal(io.StringIO):
        def write(self, text):
            screen.append(text)
            return len(text)

    results = [
        Result(f"{i}.md", findings=[Finding(f"{i}.md", 1, 1, 1, 2, "T003", "repeated-word", "m", 0, 1)])
        for i in range(3)
    ]
    reporter = Reporter(ReportOptions(terminal=True), {}, flake8, screen.append, err=Terminal())
    assert reporter.report(results, total=3)[0] == 3
    for i, text in enumerate(screen):
        if text.startswith(("0.md", "1.md", "2.md", "3 findings")) and i:
            drawn = [t for t in screen[:i] if t.startswith("\r")]
            assert drawn and drawn[-1] == "\r\x1b[K", screen  # the last thing drawn was a clear
    assert screen[-1] == "3 findings in 3 files\n"


def test_summary_wording():
    assert summary(1, 1, 0, 0, 0, 5) == "1 finding in 1 file"
    assert summary(1200, 3, 5, 0, 0, 40) == "1,200 findings in 3 files, 5 fixable with --fix"
    assert summary(0, 0, 0, 0, 7, 40) == "no findings in 40 files; 7 more in the baseline"


def test_show_source_after_fix_shows_the_fixed_line(tmp_path):
    (tmp_path / "a.txt").write_text("The ferry sailed to to the isles and recieved praise.\n", encoding="utf-8")
    code, out, _ = cli("--select", "T001,T003", "--fix", "--show-source", "a.txt", cwd=tmp_path)
    first, shown, caret = out.splitlines()
    assert code == 1 and first.startswith("a.txt:1:35: T001")
    assert shown == "    The ferry sailed to the isles and recieved praise."
    assert shown[caret.index("^") :].startswith("recieved")
