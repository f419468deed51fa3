"""The command line as a user meets it: exit codes, bad input, one clear line per problem."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT, run_cli

DRAFT = "Ferry timetable changes\n\nThe ferry will sail to to the islands.\n"


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_clean_file_exits_0_and_prints_nothing(tmp_path):
    p = write(tmp_path, "a.txt", "Ferry timetable changes\n\nThe ferry will sail to the islands.\n")
    r = run_cli(str(p))
    assert (r.returncode, r.stdout, r.stderr) == (0, b"", b"")


def test_finding_exits_1_in_flake8_format(tmp_path):
    p = write(tmp_path, "a.txt", DRAFT)
    r = run_cli(str(p))
    assert r.returncode == 1
    assert r.stdout.decode() == f'{p}:3:21: T003 repeated word "to": delete the second one\n'


def test_exit_zero(tmp_path):
    assert run_cli(str(write(tmp_path, "a.txt", DRAFT)), "--exit-zero").returncode == 0


def test_missing_path_is_reported_and_others_still_linted(tmp_path):
    p = write(tmp_path, "a.txt", DRAFT)
    r = run_cli(str(tmp_path / "nope.md"), str(p))
    assert r.returncode == 2
    assert r.stderr.decode() == f"stylelint-news: {tmp_path / 'nope.md'}: no such file or directory\n"
    assert b"T003" in r.stdout


def test_not_utf8_names_the_place(tmp_path):
    p = write(tmp_path, "a.txt", b"Head\n\nCaf\xe9 society\n")
    r = run_cli(str(p))
    assert r.returncode == 2
    assert (
        r.stderr.decode().strip()
        == f"stylelint-news: {p}: not UTF-8: byte 0xe9 at line 3, column 4; save the file as UTF-8"
    )


def test_binary_file(tmp_path):
    p = write(tmp_path, "a.txt", b"\x89PNG\r\n\x1a\n\x00\x00")
    r = run_cli(str(p))
    assert r.returncode == 2
    assert "looks like a binary file" in r.stderr.decode() and str(p) in r.stderr.decode()


def test_bom_is_accepted_and_columns_do_not_count_it(tmp_path):
    p = write(tmp_path, "a.txt", "\ufeff" + DRAFT)
    r = run_cli(str(p))
    assert r.stdout.decode().startswith(f"{p}:3:21:")


def test_unreadable_file(tmp_path, monkeypatch, capsys):
    # Root reads any file, so the permission error is simulated where the OS would raise it.
    import os

    from stylelint_news import cli

    p = write(tmp_path, "a.txt", DRAFT)
    real = os.open

    def deny(path, *args, **kwargs):
        if str(path) == str(p):
            raise PermissionError(13, "Permission denied")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    assert cli.main([str(p), "--jobs", "1", "--no-cache"]) == 2
    assert capsys.readouterr().err == f"stylelint-news: {p}: permission denied: cannot read the file\n"


def test_empty_file_is_fine(tmp_path):
    r = run_cli(str(write(tmp_path, "a.md", "")))
    assert (r.returncode, r.stderr) == (0, b"")


def test_stdin_with_a_name():
    r = run_cli("-", "--stdin-filename", "story.txt", stdin=DRAFT.encode())
    assert r.returncode == 1
    assert r.stdout.decode().startswith("story.txt:3:21: T003")


def test_folder_is_searched_for_extensions(tmp_path):
    write(tmp_path, "a.txt", DRAFT)
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "b.md", DRAFT)
    write(tmp_path / "sub", "c.rtf", DRAFT)
    r = run_cli(str(tmp_path))
    paths = [ln.split(":")[0] for ln in r.stdout.decode().splitlines()]
    assert paths == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.md")]
    assert "skipped 1 file of kinds not read: .rtf (1)" in r.stderr.decode()


def test_pipe_into_head_has_no_traceback(tmp_path):
    for i in range(40):
        write(tmp_path, f"{i:02}.txt", DRAFT * 50)
    cmd = f"{sys.executable} -m stylelint_news {tmp_path} | head -n 1"
    r = subprocess.run(["bash", "-c", cmd], capture_output=True, cwd=ROOT)
    assert r.stdout.count(b"\n") == 1
    assert b"Traceback" not in r.stderr and b"BrokenPipe" not in r.stderr


def test_show_source_statistics_count(tmp_path):
    p = write(tmp_path, "a.txt", DRAFT)
    r = run_cli(str(p), "--show-source", "--statistics", "--count")
    assert r.stdout.decode().splitlines()[1:] == [
        "    The ferry will sail to to the islands.",
        "                        ^^^^^",
        "1     T003 repeated-word",
        "1",
    ]


def test_output_file(tmp_path):
    p = write(tmp_path, "a.txt", DRAFT)
    out = tmp_path / "report.json"
    r = run_cli(str(p), "--format", "json", "--output-file", str(out))
    assert r.returncode == 1 and r.stdout == b""
    assert json.loads(out.read_text())[0]["code"] == "T003"


def test_unknown_format_and_selector_are_usage_errors(tmp_path):
    p = write(tmp_path, "a.txt", DRAFT)
    r = run_cli(str(p), "--format", "xml")
    assert r.returncode == 2 and "unknown format 'xml'" in r.stderr.decode()
    r = run_cli(str(p), "--ignore", "Q999")
    assert r.returncode == 2 and "`Q999` matches no rule" in r.stderr.decode()


def test_select_ignore_by_prefix_and_name(tmp_path):
    p = write(tmp_path, "a.txt", DRAFT)
    assert run_cli(str(p), "--ignore", "repeated-word").returncode == 0
    assert run_cli(str(p), "--select", "D").returncode == 0
    assert run_cli(str(p), "--ignore", "T", "--extend-select", "T003").returncode == 1


def test_version_list_rules_explain():
    assert run_cli("--version").stdout.decode().startswith("stylelint-news 0.1.0")
    listing = run_cli("--list-rules").stdout.decode()
    assert "T003  on   repeated-word" in listing and "S101  off" in listing
    r = run_cli("--explain", "T003")
    assert r.returncode == 0 and "What it does" in r.stdout.decode() and "Flagged:" in r.stdout.decode()
    assert run_cli("--explain", "Z999").returncode == 2


def test_huge_file_lints(tmp_path):
    para = "The ferry company said passengers would be told of changes in good time. " * 20
    p = write(tmp_path, "big.txt", "Head\n\n" + (para + "\n\n") * 3000)
    r = run_cli(str(p), "--select", "T003")
    assert r.returncode == 0, r.stderr


INJECTING = "a\n::error title=forged::pwned\r.md"


def test_a_file_name_cannot_split_a_line_or_forge_a_workflow_command(tmp_path):
    """A newline in a file name would split a flake8 line, and this name would inject a GitHub
    Actions command; every format keeps one finding to a line and the name whole."""
    from urllib.parse import unquote

    write(tmp_path, INJECTING, DRAFT)
    flake8 = run_cli(INJECTING, "--no-cache", cwd=tmp_path).stdout.decode()
    assert flake8 == '"a\\n::error title=forged::pwned\\r.md":3:21: T003 repeated word "to": delete the second one\n'
    github = run_cli(INJECTING, "--no-cache", "--format", "github", cwd=tmp_path).stdout.decode()
    assert github.count("\n") == 1 and github.startswith("::error file=a%0A%3A%3Aerror title=forged%3A%3Apwned%0D.md,")
    sarif = json.loads(run_cli(INJECTING, "--no-cache", "--format", "sarif", cwd=tmp_path).stdout)
    uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "a%0A%3A%3Aerror%20title%3Dforged%3A%3Apwned%0D.md" and unquote(uri) == INJECTING
    data = json.loads(run_cli(INJECTING, "--no-cache", "--format", "json", cwd=tmp_path).stdout)
    assert data[0]["path"] == INJECTING


def test_sarif_uris_of_absolute_paths_are_file_uris(tmp_path):
    from urllib.parse import urlparse
    from urllib.request import url2pathname

    p = write(tmp_path, "50% off #1.md", DRAFT)
    sarif = json.loads(run_cli(str(p), "--no-cache", "--format", "sarif").stdout)
    uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.startswith("file:///") and "%25%20off%20%231.md" in uri
    assert url2pathname(urlparse(uri).path) == str(p)


def test_a_problem_naming_such_a_file_is_one_line(tmp_path):
    r = run_cli(str(tmp_path / INJECTING))
    assert r.returncode == 2
    assert (
        r.stderr.decode()
        == f"stylelint-news: {tmp_path}/a\\n::error title=forged::pwned\\r.md: no such file or directory\n"
    )


def test_control_characters_never_reach_the_terminal():
    from stylelint_news.output.escape import displayed, one_line, quote_path

    assert one_line("said \x1b[2J“no”\u2028") == "said \\x1b[2J“no”\\u2028"
    assert quote_path("plain name.md") == "plain name.md"
    assert quote_path('"quoted".md') == '"\\"quoted\\".md"'  # else it would read as a quoted name
    assert displayed("The\rferry\tsailed") == "The\ufffdferry\tsailed"  # one column each, as the caret counts


def test_help_is_wrapped_to_the_terminal_width_argparse_would_find(monkeypatch):
    """The parser is told the width ($COLUMNS, else the terminal, else 80), so that building it
    does not import shutil; help reads exactly as with argparse's own formatter."""
    import argparse

    from stylelint_news.cli import args

    for columns in ("60", "132", "not a number"):  # no terminal under pytest: then 80
        monkeypatch.setenv("COLUMNS", columns)
        ours = args.parser().format_help()
        with monkeypatch.context() as m:
            m.setattr(args, "Formatter", argparse.HelpFormatter)
            assert ours == args.parser().format_help()
