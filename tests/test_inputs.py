"""Only regular files and standard input are read, each within a size limit: a FIFO, a device or
an endless input never blocks the run or fills the memory, and each is named in one line."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT

DRAFT = "Ferry timetable changes\n\nThe ferry will sail to to the islands.\n"


def cli(*args: str, cwd=None, stdin=None, timeout: float = 60) -> subprocess.CompletedProcess:
    """The command in a process of its own, killed if it outlives `timeout` (a hang fails)."""
    return subprocess.run(
        [sys.executable, "-m", "stylelint_news", "--no-cache", *args],
        capture_output=True,
        cwd=cwd or ROOT,
        stdin=stdin,
        input=None,
        timeout=timeout,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def test_a_fifo_and_a_link_to_dev_zero_in_a_folder_are_skipped_and_named(tmp_path):
    (tmp_path / "story.md").write_text(DRAFT, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "zero.md").symlink_to("/dev/zero")
    r = cli(str(tmp_path), timeout=30)
    err = r.stderr.decode()
    assert r.returncode == 1 and b"story.md:3:21: T003" in r.stdout  # the skip is no error
    assert err.count("\n") == 1 and "skipped 2 files that are not regular" in err, err
    assert f"{tmp_path / 'pipe.md'} (a FIFO)" in err and f"{tmp_path / 'zero.md'} (a character device)" in err


def test_a_special_file_named_on_the_command_line_is_an_error(tmp_path):
    os.mkfifo(tmp_path / "pipe.md")
    for name, what in (("pipe.md", "a FIFO"), ("/dev/zero", "a character device")):
        path = str(tmp_path / name)
        r = cli(path, timeout=30)
        assert r.returncode == 2
        assert r.stderr.decode() == f"stylelint-news: {path}: is {what}, not a regular file; not read\n"


def test_a_file_over_the_size_limit_is_reported_not_read(tmp_path):
    (tmp_path / ".stylelint-news.toml").write_text("max-file-size = 0.001\n", encoding="utf-8")  # 1,000 bytes
    (tmp_path / "small.md").write_text(DRAFT, encoding="utf-8")
    big = tmp_path / "big.md"
    big.write_text(DRAFT * 40, encoding="utf-8")
    r = cli(str(tmp_path))
    assert r.returncode == 2 and b"small.md:3:21: T003" in r.stdout and b"big.md:" not in r.stdout
    assert (
        r.stderr.decode()
        == f"stylelint-news: {big}: is 0.00256 MB, over the size limit of 0.001 MB (max-file-size); not read\n"
    )
    (tmp_path / ".stylelint-news.toml").write_text('max-file-size = "50MB"\n', encoding="utf-8")
    r = cli(str(tmp_path))
    assert r.returncode == 2 and "`max-file-size` must be a number of megabytes" in r.stderr.decode()


def test_endless_standard_input_is_bounded(tmp_path):
    (tmp_path / ".stylelint-news.toml").write_text("max-file-size = 0.001\n", encoding="utf-8")
    with open("/dev/zero", "rb") as zero:
        r = cli("-", cwd=tmp_path, stdin=zero, timeout=30)
    assert r.returncode == 2 and "standard input is over the size limit" in r.stderr.decode()


def test_a_words_file_that_is_a_device_is_one_line(tmp_path):
    (tmp_path / ".stylelint-news.toml").write_text('words-file = "/dev/zero"\n', encoding="utf-8")
    (tmp_path / "a.md").write_text(DRAFT, encoding="utf-8")
    r = cli(str(tmp_path / "a.md"), timeout=30)
    assert r.returncode == 2
    assert r.stderr.decode() == "stylelint-news: /dev/zero: is a character device, not a regular file; not read\n"


def test_utf16_is_named_with_how_to_convert(tmp_path):
    from stylelint_news.errors import UsageError
    from stylelint_news.text.source import decode

    cases = {
        "\ufeff".encode("utf-16-le") + DRAFT.encode("utf-16-le"): ("UTF-16 (little-endian)", "iconv -f UTF-16 "),
        "\ufeff".encode("utf-16-be") + DRAFT.encode("utf-16-be"): ("UTF-16 (big-endian)", "iconv -f UTF-16 "),
        DRAFT.encode("utf-16-le"): ("UTF-16 (little-endian)", "iconv -f UTF-16LE "),
        DRAFT.encode("utf-16-be"): ("UTF-16 (big-endian)", "iconv -f UTF-16BE "),
        "\ufeff".encode("utf-32-le") + DRAFT.encode("utf-32-le"): ("UTF-32 (little-endian)", "iconv -f UTF-32 "),
    }
    for data, (name, how) in cases.items():
        try:
            decode("a.md", data)
        except UsageError as err:
            assert f"is {name} text, not UTF-8" in str(err) and how in str(err), str(err)
        else:
            raise AssertionError(f"{name} was read")
    (tmp_path / "png.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    r = cli(str(tmp_path / "png.md"))
    assert r.returncode == 2 and "looks like a binary file" in r.stderr.decode()
