"""Patterns kept compiled between runs: the same matches, and a damaged or hostile file is no harm."""

from __future__ import annotations

import marshal
import os
import pickle

import pytest
import regex

from stylelint_news.engine import patterns
from stylelint_news.engine.datastore import DataStore
from stylelint_news.engine.patterns import PatternCache

SOURCE = r"(?P<who>\p{Lu}\p{Ll}+)\s+(?:said|told)\b"
TEXT = "On Monday Okafor said the ferry was late, and Lindqvist told reporters so."


def run(folder) -> PatternCache:
    """A run of its own on the cache folder: nothing loaded yet."""
    return PatternCache(DataStore(folder))


def entry(folder):
    return next(folder.glob("patterns-*.marshal"))


def test_a_kept_pattern_matches_as_the_compiled_one(tmp_path, monkeypatch):
    first_run = run(tmp_path)
    first = first_run.compile(SOURCE, regex.IGNORECASE)
    first_run.save()
    assert entry(tmp_path)
    monkeypatch.setattr(regex, "compile", lambda *a: pytest.fail("compiled again"))
    kept = run(tmp_path).compile(SOURCE, regex.IGNORECASE)
    assert [m.groupdict() for m in kept.finditer(TEXT)] == [m.groupdict() for m in first.finditer(TEXT)]
    assert kept.flags & regex.IGNORECASE


@pytest.mark.parametrize("damage", ["garbage", "flipped bit", "truncated"])
def test_a_damaged_file_means_compiling_again_and_saying_so(tmp_path, damage):
    first = run(tmp_path)
    first.compile(SOURCE)
    first.save()
    path = entry(tmp_path)
    data = bytearray(path.read_bytes())
    if damage == "garbage":
        data = bytearray(b"\x00not marshal")
    elif damage == "flipped bit":
        data[len(data) // 2] ^= 0x10
    else:
        data = data[: len(data) - 7]
    path.write_bytes(bytes(data))
    again = run(tmp_path)
    assert again.compile(SOURCE).search(TEXT).group("who") == "Okafor"
    assert any("damaged" in n for n in again.store.take_notices())


def test_a_file_that_would_run_code_is_refused_even_with_a_good_checksum(tmp_path):
    """A planted entry that passes the checksum (the user's own folder) still builds nothing
    but regex patterns."""
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (os.mkdir, (str(marker),))

    first = run(tmp_path)
    first.compile(SOURCE)
    first.save()
    path = entry(tmp_path)
    store = first.store
    store.write(path, first._stamp, marshal.dumps({(SOURCE, 0): pickle.dumps(Payload())}))
    assert run(tmp_path).compile(SOURCE).search(TEXT).group("who") == "Okafor"
    assert not marker.exists()


def test_nothing_new_writes_nothing_and_the_file_stays_bounded(tmp_path, monkeypatch):
    run(tmp_path).save()
    assert not list(tmp_path.glob("patterns-*"))
    monkeypatch.setattr(patterns, "KEEP", 3)
    first = run(tmp_path)
    for word in ("ferry", "harbour", "quay", "jetty"):
        first.compile(word)
    first.save()
    second = run(tmp_path)
    second.compile("tide")
    second.save()
    kept = run(tmp_path)._kept_patterns()
    assert list(kept) == [("tide", 0)]  # four kept and one new is past KEEP: only what the run used


def test_a_bad_pattern_still_raises(tmp_path):
    with pytest.raises(regex.error):
        run(tmp_path).compile("(unclosed")


def test_lazy_patterns_compile_through_the_active_run(tmp_path):
    """A pattern declared in code is compiled by the run in progress, and kept by it."""
    from stylelint_news.engine.context import RunContext

    ctx = RunContext.at(tmp_path)
    lazy = patterns.Lazy(r"\bferr(?:y|ies)\b")
    with ctx.active():
        assert lazy.search("the ferry sails").group() == "ferry"
    ctx.close()
    assert (r"\bferr(?:y|ies)\b", 0) in run(tmp_path)._kept_patterns()
