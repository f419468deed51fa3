"""--fix never loses a writer's words: encoding, BOM, newlines, permissions, nothing else changed."""

from __future__ import annotations

import os
import stat
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from stylelint_news.engine.fixes import choose
from stylelint_news.finding import Edit, Finding, Fix

from conftest import run_cli


def test_fix_keeps_bom_crlf_no_final_newline_and_mode(tmp_path):
    p = tmp_path / "a.txt"
    original = "\ufeffHeadline\r\n\r\nShe went to to the shop.\r\nIt rained.".encode("utf-8")
    p.write_bytes(original)
    os.chmod(p, 0o640)
    r = run_cli(str(p), "--fix", "--select", "T003")
    assert r.returncode == 0, r.stderr
    assert p.read_bytes() == "\ufeffHeadline\r\n\r\nShe went to the shop.\r\nIt rained.".encode("utf-8")
    assert stat.S_IMODE(p.stat().st_mode) == 0o640
    assert [f.name for f in tmp_path.iterdir()] == ["a.txt"]  # no temporary file left behind


def test_fix_twice_is_fix_once(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("The the ferry sank, and and all were saved saved.\n", encoding="utf-8")
    run_cli(str(p), "--fix")
    once = p.read_bytes()
    run_cli(str(p), "--fix")
    # "saved saved" may want a comma rather than a deletion: only --unsafe-fixes touches it
    assert p.read_bytes() == once == b"The ferry sank, and all were saved saved.\n"


def test_diff_writes_nothing(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("They sailed to to the island.\n", encoding="utf-8")
    r = run_cli(str(p), "--diff")
    assert b"-They sailed to to the island." in r.stdout and b"+They sailed to the island." in r.stdout
    assert p.read_text(encoding="utf-8") == "They sailed to to the island.\n"


def test_fix_on_stdin_prints_the_fixed_text():
    r = run_cli("-", "--fix", stdin=b"Head\n\nThey sailed to to the island.\n")
    assert r.stdout == b"Head\n\nThey sailed to the island.\n"
    assert r.returncode == 0


def test_unsafe_fix_only_with_the_flag(tmp_path):
    p = tmp_path / "a.md"
    text = (
        "The bridge will shut for six weeks while engineers repair the supports, the council said on Monday.\n\n"
        "Drivers should use the ring road.\n\n"
        "The bridge will shut for six weeks while engineers repair the supports, the council said on Monday.\n"
    )
    p.write_text(text, encoding="utf-8")
    run_cli(str(p), "--fix", "--select", "D")
    assert p.read_text(encoding="utf-8") == text
    run_cli(str(p), "--unsafe-fixes", "--select", "D")
    assert p.read_text(encoding="utf-8") == text.rsplit("\n\n", 1)[0] + "\n"


def test_folder_of_awkward_drafts_changes_only_the_fixed_spans(tmp_path):
    drafts = {
        "crlf.txt": b"Head\r\n\r\nThe the ferry sailed.\r\n",
        "bom.md": "\ufeffThe ferry sailed to to the isle.\n".encode(),
        "nofinal.md": b"The ferry sailed to to the isle.",
        "mixed.txt": b"Head\r\n\nThe ferry\rsailed to to the isle.\r\nIt rained.\n",
        "utf8.md": "Café owners said the the tax was unfair — “too high”.\n".encode(),
    }
    expected = {
        "crlf.txt": b"Head\r\n\r\nThe ferry sailed.\r\n",
        "bom.md": "\ufeffThe ferry sailed to the isle.\n".encode(),
        "nofinal.md": b"The ferry sailed to the isle.",
        "mixed.txt": b"Head\r\n\nThe ferry\rsailed to the isle.\r\nIt rained.\n",
        "utf8.md": "Café owners said the tax was unfair — “too high”.\n".encode(),
    }
    for name, data in drafts.items():
        (tmp_path / name).write_bytes(data)
    readonly = tmp_path / "readonly.md"
    readonly.write_bytes(b"The ferry sailed to to the isle.\n")
    os.chmod(readonly, 0o444)
    r = run_cli(str(tmp_path), "--fix", "--select", "T003")
    for name, data in expected.items():
        assert (tmp_path / name).read_bytes() == data, name
    assert readonly.read_bytes() == b"The ferry sailed to to the isle.\n"
    assert r.returncode == 2 and f"{readonly}: is read-only; not fixed" in r.stderr.decode()


def test_a_file_changed_since_it_was_read_is_not_written(tmp_path):
    import pytest

    from stylelint_news.errors import UsageError
    from stylelint_news.text.source import read_source, write_atomically

    p = tmp_path / "a.md"
    p.write_text("They sailed to to the island.\n", encoding="utf-8")
    source = read_source(p)
    p.write_text("They sailed to to the island, said the editor.\n", encoding="utf-8")
    with pytest.raises(UsageError, match="changed on disk while it was being linted; not fixed"):
        write_atomically(source, "They sailed to the island.\n")
    assert p.read_text(encoding="utf-8") == "They sailed to to the island, said the editor.\n"


FIXABLE = "Head\n\nThe ferry sailed to to the isle.\n"
FIXED = "Head\n\nThe ferry sailed to the isle.\n"


def test_a_symlinked_draft_is_fixed_through_the_link(tmp_path):
    """The target is written (atomically) and the link stays a link; mode, owner and group are
    the target's own afterwards."""
    shared = tmp_path / "shared"
    shared.mkdir()
    target = shared / "a.md"
    target.write_text(FIXABLE, encoding="utf-8")
    target.chmod(0o640)
    if os.getuid() == 0:
        os.chown(target, 65534, 65534)
    before = target.stat()
    link = tmp_path / "a.md"
    link.symlink_to(target)
    r = run_cli(str(link), "--fix")
    assert r.returncode == 0 and r.stderr == b"stylelint-news: fixed 1 finding\n", r.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") == FIXED
    after = target.stat()
    assert (stat.S_IMODE(after.st_mode), after.st_uid, after.st_gid) == (0o640, before.st_uid, before.st_gid)
    assert sorted(p.name for p in shared.iterdir()) == ["a.md"]  # no temporary file left


def test_a_link_out_of_the_folder_linted_is_not_written_through(tmp_path):
    """A link committed to a repository, pointing out of it (at a file in the home folder, say),
    is refused with a reason; naming the file on the command line fixes it."""
    outside = tmp_path / "outside.md"
    outside.write_text(FIXABLE, encoding="utf-8")
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "a.md").symlink_to(outside)
    r = run_cli(str(repo), "--fix")
    assert r.returncode == 2 and outside.read_text(encoding="utf-8") == FIXABLE
    assert r.stderr.decode() == (
        f"stylelint-news: {repo / 'a.md'}: is a symbolic link to {outside}, outside the paths named; "
        "not fixed (name the file to fix it)\n"
    )
    assert run_cli(str(repo / "a.md"), "--fix").returncode == 0
    assert outside.read_text(encoding="utf-8") == FIXED and (repo / "a.md").is_symlink()


def test_a_hard_linked_draft_is_refused_and_its_links_kept(tmp_path):
    p = tmp_path / "a.md"
    p.write_text(FIXABLE, encoding="utf-8")
    os.link(p, tmp_path / "b.txt")
    r = run_cli(str(p), "--fix")
    assert r.returncode == 2 and "has 2 hard links; not fixed" in r.stderr.decode()
    assert p.stat().st_nlink == 2 and p.read_text(encoding="utf-8") == FIXABLE


def test_a_file_whose_owner_cannot_be_kept_is_not_fixed(tmp_path, monkeypatch):
    """Without the right to give the file back to its owner, the fix would make it ours: refused.
    (Root may always give files away, so the refusal is simulated where the OS would make it.)"""
    import pytest

    from stylelint_news.errors import UsageError
    from stylelint_news.text.source import read_source, write_atomically

    p = tmp_path / "a.md"
    p.write_text(FIXABLE, encoding="utf-8")
    source = read_source(p)
    real_fstat = os.fstat

    def made_by_someone_else(fd):
        st = real_fstat(fd)
        return os.stat_result((st.st_mode, st.st_ino, st.st_dev, st.st_nlink, st.st_uid + 1, *tuple(st)[5:]))

    def refuse(*args):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "fstat", made_by_someone_else)
    monkeypatch.setattr(os, "fchown", refuse)
    with pytest.raises(UsageError, match="belongs to another user; not fixed"):
        write_atomically(source, FIXED)
    assert p.read_text(encoding="utf-8") == FIXABLE and [f.name for f in tmp_path.iterdir()] == ["a.md"]


def test_only_fixes_written_are_counted(tmp_path):
    """Read-only, hard-linked and changed files are not written, and not counted as fixed."""
    for name in ("ok.md", "readonly.md", "linked.md"):
        (tmp_path / name).write_text(FIXABLE, encoding="utf-8")
    (tmp_path / "readonly.md").chmod(0o444)
    os.link(tmp_path / "linked.md", tmp_path / "other-name.txt")
    r = run_cli(str(tmp_path), "--fix", "--select", "T003")
    err = r.stderr.decode().splitlines()
    assert r.returncode == 2 and err[-1] == "stylelint-news: fixed 1 finding", err
    assert (tmp_path / "ok.md").read_text(encoding="utf-8") == FIXED


def _brute_force_choice(fixes: list[tuple[tuple[int, int], ...]]) -> list[int]:
    """Which fixes the first-come rule takes (in order of their first edit), each edit checked
    against every edit taken: the rule choose() must follow."""
    taken: list[tuple[int, int]] = []
    out = []
    for i in sorted(range(len(fixes)), key=lambda i: min(s for s, _ in fixes[i])):
        if any((s < te and ts < e) or s == ts == e == te for s, e in fixes[i] for ts, te in taken):
            continue
        taken.extend(fixes[i])
        out.append(i)
    return out


def _disjoint(edits: tuple[tuple[int, int], ...]) -> bool:
    """A fix's own edits never overlap one another (as every rule's fixes are made)."""
    ordered = sorted(edits)
    return all(a[1] <= b[0] and a != b for a, b in pairwise(ordered))


SPAN = st.integers(0, 40).flatmap(lambda s: st.tuples(st.just(s), st.integers(s, s + 4)))
FIX = st.lists(SPAN, min_size=1, max_size=3, unique=True).map(tuple).filter(_disjoint)


@settings(max_examples=300, deadline=None)
@given(st.lists(FIX, max_size=25))
def test_fixes_are_chosen_as_checking_every_pair_would(fixes):
    """choose() checks an edit against its neighbours among the spans taken, not against all of
    them: it must take the same fixes as checking every pair would (insertions at one point,
    edits that touch, fixes of several edits)."""
    findings = [
        Finding("a.md", 1, 1, 1, 1, "T001", "x", str(i), fix=Fix(tuple(Edit(s, e, "y") for s, e in edits)))
        for i, edits in enumerate(fixes)
    ]
    edits, fixed = choose(findings, unsafe=True)
    assert [int(f.message) for f in fixed] == _brute_force_choice(fixes)
    assert edits == sorted(Edit(s, e, "y") for i in _brute_force_choice(fixes) for s, e in fixes[i])
