"""Patterns kept compiled between runs: the same matches, and a damaged or hostile file is no harm."""

from __future__ import annotations

import marshal
import os
import pickle

import pytest
import regex

from stylelint_news import patterns


@pytest.fixture()
def fresh(tmp_path, monkeypatch):
    """A run of its own: an empty cache folder and nothing loaded yet."""
    monkeypatch.setenv("STYLELINT_NEWS_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(patterns, "_kept", None)
    monkeypatch.setattr(patterns, "_used", {})
    monkeypatch.setattr(patterns, "_new", False)
    return tmp_path


def next_run(monkeypatch):
    monkeypatch.setattr(patterns, "_kept", None)
    monkeypatch.setattr(patterns, "_used", {})


SOURCE = r"(?P<who>\p{Lu}\p{Ll}+)\s+(?:said|told)\b"
TEXT = "On Monday Okafor said the ferry was late, and Lindqvist told reporters so."


def test_a_kept_pattern_matches_as_the_compiled_one(fresh, monkeypatch):
    first = patterns.compile(SOURCE, regex.IGNORECASE)
    patterns.save()
    assert list(fresh.glob("patterns-*.marshal"))
    next_run(monkeypatch)
    monkeypatch.setattr(regex, "compile", lambda *a: pytest.fail("compiled again"))
    kept = patterns.compile(SOURCE, regex.IGNORECASE)
    assert [m.groupdict() for m in kept.finditer(TEXT)] == [m.groupdict() for m in first.finditer(TEXT)]
    assert kept.flags & regex.IGNORECASE


def test_a_damaged_file_means_compiling_again(fresh, monkeypatch):
    patterns.compile(SOURCE)
    patterns.save()
    for path in fresh.glob("patterns-*.marshal"):
        path.write_bytes(b"\x00not marshal")
    next_run(monkeypatch)
    assert patterns.compile(SOURCE).search(TEXT).group("who") == "Okafor"


def test_a_file_that_would_run_code_is_refused(fresh, monkeypatch):
    marker = fresh / "ran"

    class Payload:
        def __reduce__(self):
            return (os.mkdir, (str(marker),))

    patterns.compile(SOURCE)
    patterns.save()
    path = next(fresh.glob("patterns-*.marshal"))
    path.write_bytes(marshal.dumps({(SOURCE, 0): pickle.dumps(Payload())}))
    next_run(monkeypatch)
    assert patterns.compile(SOURCE).search(TEXT).group("who") == "Okafor"
    assert not marker.exists()


def test_nothing_new_writes_nothing_and_the_file_stays_bounded(fresh, monkeypatch):
    patterns.save()
    assert not list(fresh.glob("patterns-*"))
    monkeypatch.setattr(patterns, "KEEP", 3)
    for word in ("ferry", "harbour", "quay", "jetty"):
        patterns.compile(word)
    patterns.save()
    next_run(monkeypatch)
    patterns.compile("tide")
    patterns.save()
    kept = marshal.loads(next(fresh.glob("patterns-*.marshal")).read_bytes())
    assert list(kept) == [("tide", 0)]  # four kept and one new is past KEEP: only what the run used


def test_a_bad_pattern_still_raises():
    with pytest.raises(regex.error):
        patterns.compile("(unclosed")
