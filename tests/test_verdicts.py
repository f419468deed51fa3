"""Verdicts: each distinct word is judged once per run, and a run of all-new words stays bounded."""

from __future__ import annotations

from stylelint_news.engine import verdicts
from stylelint_news.engine.verdicts import Verdicts


def test_each_word_is_judged_once_and_hits_keep_their_values():
    asked = []

    def judge(word):
        asked.append(word)
        return word.upper() if word.startswith("b") else None

    v = Verdicts(judge)
    hits = v.judged({"bell", "apple", "bird"})
    assert {w: hits[w] for w in ["bell", "apple", "bird"] if w in hits} == {"bell": "BELL", "bird": "BIRD"}
    hits = v.judged({"apple", "bird", "cello"})
    assert "apple" not in hits and "cello" not in hits and hits["bird"] == "BIRD"
    assert sorted(asked) == ["apple", "bell", "bird", "cello"]


def test_memory_starts_again_past_the_limit(monkeypatch):
    monkeypatch.setattr(verdicts, "LIMIT", 3)
    v = Verdicts(lambda w: w if w.startswith("x") else None)
    v.judged({"xa", "b"})
    assert dict(v.judged({"xc", "d"})) == {"xc": "xc"}  # four words: the old two are forgotten
    assert len(v.seen) == 2 and set(v.hits) == {"xc"}


def test_an_article_with_no_hit_is_told_so_without_a_scan():
    v = Verdicts(lambda w: w if w.startswith("b") else None)
    v.judged({"bell", "apple"})
    assert v.any_among({"bell", "apple"}) and not v.any_among({"apple", "cello"})
