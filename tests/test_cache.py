"""The result cache makes a second run faster, never different."""

from __future__ import annotations

import pytest

from conftest import built_cache, run_cli

DRAFT = "Head\n\nThe ferry will sail to to the islands.\n"


def test_second_run_gives_the_same_output_and_config_changes_invalidate(tmp_path):
    cache = built_cache(tmp_path / "cache")
    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    first = run_cli("--cache-dir", str(cache), str(tmp_path / "a.txt"))
    assert list((cache / "results").rglob("*")), "nothing was cached"
    second = run_cli("--cache-dir", str(cache), str(tmp_path / "a.txt"))
    assert (first.returncode, first.stdout) == (second.returncode, second.stdout) == (1, first.stdout)
    (tmp_path / ".stylelint-news.toml").write_text('ignore = ["T003"]\n', encoding="utf-8")
    assert run_cli("--cache-dir", str(cache), str(tmp_path / "a.txt")).returncode == 0


def test_edited_file_and_edited_rule_file_are_linted_again(tmp_path):
    cache = built_cache(tmp_path / "cache")
    draft = tmp_path / "a.md"
    draft.write_text("The mayor slams the plan.\n", encoding="utf-8")
    pack = tmp_path / "desk.toml"
    pack.write_text(
        '[[rule]]\ncode = "N001"\nname = "x"\ntype = "existence"\nmessage = "m"\ntokens = ["slams"]\n', encoding="utf-8"
    )
    (tmp_path / ".stylelint-news.toml").write_text('rules = ["desk.toml"]\n', encoding="utf-8")
    assert b"N001" in run_cli("--cache-dir", str(cache), str(draft)).stdout
    pack.write_text(pack.read_text(encoding="utf-8").replace('"slams"', '"blasts"'), encoding="utf-8")
    assert b"N001" not in run_cli("--cache-dir", str(cache), str(draft)).stdout
    draft.write_text("The mayor blasts the plan.\n", encoding="utf-8")
    assert b"N001" in run_cli("--cache-dir", str(cache), str(draft)).stdout


def test_jobs_do_not_change_the_output(tmp_path):
    for i in range(12):
        (tmp_path / f"{i:02}.txt").write_text(DRAFT * (i + 1), encoding="utf-8")
    one = run_cli("--no-cache", "--jobs", "1", str(tmp_path))
    two = run_cli("--no-cache", "--jobs", "2", str(tmp_path))
    assert one.stdout == two.stdout and one.stdout.count(b"\n") == sum(range(1, 13))


def test_identical_files_in_different_places_are_not_confused(tmp_path):
    cache = built_cache(tmp_path / "cache")
    (tmp_path / "wires").mkdir()
    (tmp_path / "wires" / "a.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / ".stylelint-news.toml").write_text('[per-file-ignores]\n"wires/*" = ["T"]\n', encoding="utf-8")
    for _ in range(2):
        out = run_cli("--cache-dir", str(cache), str(tmp_path)).stdout.decode()
        assert "b.txt" in out and "wires" not in out


def test_built_data_is_rebuilt_when_its_shape_or_source_changes(tmp_path, monkeypatch):
    from stylelint_news.engine import datastore
    from stylelint_news.engine.datastore import DataStore

    store = DataStore(tmp_path / "data")
    source = tmp_path / "words.txt"
    source.write_text("a\n", encoding="utf-8")
    calls = []

    def build():
        calls.append(1)
        return ("shape", len(calls))

    assert store.built("t", source, build) == ("shape", 1)
    assert store.built("t", source, build) == ("shape", 1)  # read back, not rebuilt
    monkeypatch.setattr(datastore, "FORMAT", datastore.FORMAT + 1)
    assert store.built("t", source, build) == ("shape", 2)  # a new shape is never read as the old
    source.write_text("a\nb\n", encoding="utf-8")
    assert store.built("t", source, build) == ("shape", 3)  # nor is data built from an older source


def test_a_damaged_entry_is_rebuilt_and_said_once(tmp_path):
    """Any byte of an entry changed: the data is built again, never read as something else."""
    from stylelint_news.engine.datastore import DataStore

    source = tmp_path / "words.txt"
    source.write_text("a\n", encoding="utf-8")
    store = DataStore(tmp_path / "data")
    store.built("t", source, lambda: {"harbour": 40, "ferry": 7})
    path = next((tmp_path / "data").glob("t-*.marshal"))
    good = path.read_bytes()
    for at in range(0, len(good), max(1, len(good) // 40)):
        damaged = bytearray(good)
        damaged[at] ^= 0x04
        path.write_bytes(bytes(damaged))
        again = DataStore(tmp_path / "data")
        assert again.built("t", source, lambda: "rebuilt") == "rebuilt", at
        assert [n for n in again.take_notices() if "damaged" in n], at
        path.write_bytes(good)


def test_a_folder_others_may_write_to_is_not_used(tmp_path):
    from stylelint_news.engine.datastore import DataStore

    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    store = DataStore(shared)
    assert store.folder is None and "other users" in " ".join(store.take_notices())
    source = tmp_path / "words.txt"
    source.write_text("a\n", encoding="utf-8")
    assert store.built("t", source, lambda: 1) == 1
    assert not list(shared.iterdir())


def test_the_tools_own_code_is_part_of_the_key(tmp_path):
    import os

    from stylelint_news.engine.resultcache import code_fingerprint

    (tmp_path / "rule.py").write_text("x = 1\n", encoding="utf-8")
    (tmp_path / "pack.toml").write_text("", encoding="utf-8")
    before = code_fingerprint((tmp_path,))
    assert code_fingerprint((tmp_path,)) == before
    (tmp_path / "rule.py").write_text("x = 2\n", encoding="utf-8")
    os.utime(tmp_path / "rule.py", ns=(1, 1))
    assert code_fingerprint((tmp_path,)) != before


def test_old_built_data_is_pruned_but_a_few_installs_keep_theirs(tmp_path):
    """Each upgrade or new install builds its own entry; the folder keeps the newest few of
    each name, not every one ever built, and never touches other names."""
    import os

    from stylelint_news.engine import datastore
    from stylelint_news.engine.datastore import DataStore

    store = DataStore(tmp_path / "data")
    source = tmp_path / "words.txt"
    for n in range(6):
        source.write_text("a\n" * (n + 1), encoding="utf-8")  # a new source: a new key
        store.built("t", source, lambda n=n: n)
        store.built("t-other", source, lambda n=n: n)
        for entry in (tmp_path / "data").glob("*.marshal"):  # make each round visibly older than the next
            os.utime(entry, (entry.stat().st_atime, entry.stat().st_mtime - 10))
    names = sorted(p.name.rsplit("-", 1)[0] for p in (tmp_path / "data").glob("*.marshal"))
    assert names == ["t"] * datastore.KEEP + ["t-other"] * datastore.KEEP
    assert store.built("t", source, lambda: "rebuilt") == 5  # the newest is still there


def test_a_named_cache_folder_that_cannot_be_one_is_an_error(tmp_path):
    """`--cache-dir` naming a file, or a folder others may write to: exit 2 and one line, where
    the default folder would just be left out."""
    draft = tmp_path / "a.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    a_file = tmp_path / "not-a-folder"
    a_file.write_text("", encoding="utf-8")
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    for folder, why in ((a_file, "is not a folder"), (shared, "may be written by other users")):
        r = run_cli("--cache-dir", str(folder), str(draft))
        err = r.stderr.decode()
        assert r.returncode == 2 and err.count("\n") == 1 and str(folder) in err and why in err, err
        assert b"Traceback" not in r.stderr


def warm(tmp_path):
    """A cache folder that has seen two drafts, and the output those drafts give."""
    cache = built_cache(tmp_path / "cache")
    for name in ("a.txt", "b.md"):
        (tmp_path / name).write_text(DRAFT.replace("ferry", name[0] + "-ferry"), encoding="utf-8")
    args = ("--cache-dir", str(cache), str(tmp_path / "a.txt"), str(tmp_path / "b.md"))
    first = run_cli(*args)
    assert first.returncode == 1 and len(list((cache / "results").rglob("*/*"))) == 2
    return cache, args, first.stdout


def test_planted_result_entries_are_linted_again(tmp_path):
    """Whatever is written over a result entry (an empty list, another file's entry, a finding of
    the wrong shape), the findings are those of an empty cache, and the run says so."""
    import marshal

    from stylelint_news.engine.datastore import DataStore

    cache, args, expected = warm(tmp_path)
    a, b = sorted((cache / "results").rglob("*/*"))
    store = DataStore(cache)
    plants = {
        "an empty list": lambda: a.write_bytes(marshal.dumps([])),
        "another file's entry": lambda: a.write_bytes(b.read_bytes()),
        "a sealed entry of the wrong shape": lambda: store.write(a, a.name.encode(), marshal.dumps([("T003",)])),
        "a sealed entry of the wrong type": lambda: store.write(a, a.name.encode(), marshal.dumps({"T003": 1})),
    }
    for what, plant in plants.items():
        plant()
        r = run_cli(*args)
        assert (r.returncode, r.stdout) == (1, expected), what
        assert "damaged" in r.stderr.decode() and b"Traceback" not in r.stderr, what


def test_an_entry_that_is_not_a_plain_file_of_ours_is_not_read(tmp_path):
    """A good entry owned by someone else or writable by others is not believed (it could have
    been planted), and a FIFO or a link to /dev/zero in the folder neither blocks nor fills
    memory: each is rebuilt and named once."""
    import os

    cache, args, expected = warm(tmp_path)
    entry = sorted((cache / "results").rglob("*/*"))[0]
    good = entry.read_bytes()

    def other_user():
        entry.write_bytes(good)
        os.chown(entry, 65534, 65534) if os.getuid() == 0 else entry.chmod(0o644)

    plants = {
        "may be written by other users": lambda: (entry.write_bytes(good), entry.chmod(0o666)),
        "is a symbolic link": lambda: (entry.unlink(missing_ok=True), entry.symlink_to("/dev/zero")),
        "is not a regular file": lambda: (entry.unlink(missing_ok=True), os.mkfifo(entry)),
    }
    if os.getuid() == 0:  # only root can give a file away
        plants["belongs to another user"] = other_user
    for why, plant in plants.items():
        plant()
        r = run_cli(*args)
        assert (r.returncode, r.stdout) == (1, expected), why
        assert f"{entry} {why}" in r.stderr.decode(), (why, r.stderr)
        entry.unlink(missing_ok=True)


def test_the_result_cache_is_bounded(tmp_path, monkeypatch):
    """Every file linted used to leave an entry for good; each folder of results now keeps its
    newest entries only, and the newest is still read back."""
    from stylelint_news.engine import resultcache
    from stylelint_news.engine.datastore import DataStore
    from stylelint_news.engine.resultcache import ResultCache

    monkeypatch.setattr(resultcache, "KEPT_PER_FOLDER", 2, raising=False)
    cache = ResultCache(DataStore(tmp_path), "run")
    for n in range(1500):
        cache.put(f"{n}.md", b"draft %d" % n, [])
    entries = [p for p in (tmp_path / "results").rglob("*") if p.is_file()]
    assert len(entries) <= 256 * 2 < 1500
    assert cache.get("1499.md", b"draft 1499") == []


def test_large_files_leave_no_result_entry(tmp_path):
    """A file linted in pieces would make an entry as big as a table; it is not kept."""
    from stylelint_news.engine.datastore import DataStore
    from stylelint_news.engine.resultcache import ResultCache

    cache = ResultCache(DataStore(tmp_path), "run")
    cache.put("big.md", b"x" * 3_000_000, [])
    assert not (tmp_path / "results").exists()


def test_random_damage_to_an_entry_is_always_caught(tmp_path):
    """Bytes changed anywhere, an entry cut short or grown: the data is built again."""
    import random

    from stylelint_news.engine.datastore import DataStore

    source = tmp_path / "words.txt"
    source.write_text("a\n", encoding="utf-8")
    DataStore(tmp_path / "data").built("t", source, lambda: {"harbour": [40, 2.5], "ferry": "x" * 300})
    path = next((tmp_path / "data").glob("t-*.marshal"))
    good = path.read_bytes()
    rng = random.Random(17)
    for n in range(300):
        damaged = bytearray(good)
        if n % 10 == 0:
            damaged = damaged[: rng.randrange(len(good))]
        elif n % 10 == 1:
            damaged += bytes(rng.randrange(256) for _ in range(rng.randint(1, 4)))
        else:
            for _ in range(rng.randint(1, 4)):
                at = rng.randrange(len(damaged))
                damaged[at] = (damaged[at] + rng.randint(1, 255)) % 256
        path.write_bytes(bytes(damaged))
        assert DataStore(tmp_path / "data").built("t", source, lambda: "rebuilt") == "rebuilt", n
        path.write_bytes(good)


MUTATE_PATTERNS = r"""
import random, sys
from pathlib import Path
import regex
from stylelint_news.engine.datastore import DataStore
from stylelint_news.engine.patterns import PatternCache

folder = Path(sys.argv[1])
path = next(folder.glob("patterns-*.marshal"))
good = path.read_bytes()
kept = PatternCache(DataStore(folder))._kept_patterns()
assert len(kept) >= 10, len(kept)
text = "On Monday Okafor said the the ferry was late, according to officials. “Yes,” he said."
expected = {key: [m.span() for m in regex.compile(*key).finditer(text)] for key in kept}
rng = random.Random(int(sys.argv[2]))
for n in range(300):
    damaged = bytearray(good)
    for _ in range(rng.randint(1, 4)):
        damaged[rng.randrange(len(damaged))] = rng.randrange(256)
    path.write_bytes(bytes(damaged))
    run = PatternCache(DataStore(folder))
    for key, spans in expected.items():
        assert [m.span() for m in run.compile(*key).finditer(text)] == spans, (n, key)
    path.write_bytes(good)
"""


def test_random_mutations_of_the_pattern_file_never_reach_the_regex_engine(tmp_path):
    """300 random 1-4-byte mutations of the kept patterns, each then compiled and run: the same
    matches as patterns compiled afresh, and no crash (this runs in a process of its own, so a
    segmentation fault shows as its exit status)."""
    import subprocess
    import sys

    cache, _, _ = warm(tmp_path)
    r = subprocess.run([sys.executable, "-c", MUTATE_PATTERNS, str(cache), "17"], capture_output=True, timeout=600)
    assert r.returncode == 0, (r.returncode, r.stderr.decode()[-2000:])


@pytest.mark.slow
def test_flipped_bits_in_every_cache_file_change_nothing(tmp_path):
    """Three random bits flipped in every file of the cache (each word table, the patterns, the
    results), twice over: the report and the fixes are those of a cache holding sound tables and
    no results."""
    import random
    import shutil

    cache, args, expected = warm(tmp_path)
    fixable = tmp_path / "fix.md"
    fixable.write_text(DRAFT, encoding="utf-8")
    fresh = run_cli("--cache-dir", str(built_cache(tmp_path / "empty")), "--fix", str(fixable))
    fixed = fixable.read_bytes()
    rng = random.Random(3)
    for round_ in range(2):
        for entry in sorted(p for p in cache.rglob("*") if p.is_file()):
            data = bytearray(entry.read_bytes())
            for _ in range(3):
                data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
            entry.write_bytes(bytes(data))
        r = run_cli(*args)
        assert (r.returncode, r.stdout) == (1, expected), round_
        assert "damaged" in r.stderr.decode() and b"Traceback" not in r.stderr
        fixable.write_text(DRAFT, encoding="utf-8")
        again = run_cli("--cache-dir", str(cache), "--fix", str(fixable))
        assert (again.returncode, fixable.read_bytes()) == (fresh.returncode, fixed), round_
    shutil.rmtree(tmp_path / "empty")
