"""The result cache makes a second run faster, never different."""

from __future__ import annotations

from conftest import run_cli

DRAFT = "Head\n\nThe ferry will sail to to the islands.\n"


def test_second_run_gives_the_same_output_and_config_changes_invalidate(tmp_path):
    cache = tmp_path / "cache"
    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    first = run_cli("--cache-dir", str(cache), str(tmp_path / "a.txt"))
    assert list((cache / "results").rglob("*")), "nothing was cached"
    second = run_cli("--cache-dir", str(cache), str(tmp_path / "a.txt"))
    assert (first.returncode, first.stdout) == (second.returncode, second.stdout) == (1, first.stdout)
    (tmp_path / ".stylelint-news.toml").write_text('ignore = ["T003"]\n', encoding="utf-8")
    assert run_cli("--cache-dir", str(cache), str(tmp_path / "a.txt")).returncode == 0


def test_edited_file_and_edited_rule_file_are_linted_again(tmp_path):
    cache = tmp_path / "cache"
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
    cache = tmp_path / "cache"
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
