"""The rule types a desk writes: occurrence, required, conditional, repetition, substitution by
pattern; scopes as the article's parts, with ^ and $ at each part's edges."""

from __future__ import annotations

import pytest

from stylelint_news.engine.context import Context
from stylelint_news.errors import UsageError
from stylelint_news.packs.loader import read_pack
from stylelint_news.packs.types import BUILTIN_TYPES
from stylelint_news.text.document import Document
from stylelint_news.text.source import Source


def rule(kind: str, body: str, message: str = "m {match}", code: str = "N001"):
    (made,) = read_pack(
        f'[[rule]]\ncode = "{code}"\nname = "x"\ntype = "{kind}"\nmessage = "{message}"\n{body}\n',
        "desk.toml",
        BUILTIN_TYPES,
    )
    return made


def refused(kind: str, body: str, message: str = "m") -> str:
    with pytest.raises(UsageError) as err:
        rule(kind, body, message)
    return str(err.value)


def found(made, text: str, path: str = "a.md") -> list[tuple[int, int, str]]:
    doc = Document(Source(path, text))
    return [(f.start, f.end, f.message) for f in made.check(doc, Context())]


# -- occurrence --------------------------------------------------------------------------------


def test_occurrence_measures_a_front_matter_headline_in_characters():
    made = rule("occurrence", 'scope = ["headline"]\nmeasure = "characters"\nmax = 20', "{count} > {max}")
    text = "---\ntitle: Ferry   company ends its winter sailings\n---\n\nBody.\n"
    ((start, end, message),) = found(made, text)
    # spaces run together count once; the finding starts at the first character over the limit
    assert message == "38 > 20" and text[start:end] == "ts winter sailings"
    assert found(made, "---\ntitle: Ferry sailings end\n---\n\nBody.\n") == []


def test_occurrence_counts_words_per_sentence_and_points_past_the_limit():
    made = rule("occurrence", 'scope = ["sentence"]\nmeasure = "words"\nmax = 5', "{count} words")
    text = "# Head\n\nThe ferry sails at noon. The ferry from the island sails at noon today.\n"
    ((start, end, message),) = found(made, text)
    assert message == "9 words" and text[start:end] == "sails at noon today."


def test_occurrence_counts_matches_in_each_paragraph_with_a_minimum_too():
    made = rule("occurrence", 'scope = ["paragraph"]\npatterns = ["!"]\nmax = 1', "{count} in one {scope}")
    text = "# Head\n\nAhoy! Ahoy!\n\nAhoy! And more.\n"
    assert [(text[s:e], m) for s, e, m in found(made, text)] == [("!", "2 in one paragraph")]
    short = rule("occurrence", 'scope = ["body"]\nmeasure = "words"\nmin = 5', "only {count}")
    assert [m for _, _, m in found(short, "# Head\n\nToo short.\n")] == ["only 2"]


@pytest.mark.parametrize(
    "body, reason",
    [
        ('measure = "words"\nmax = 3\ntokens = ["a"]', "`tokens` apply to matches"),
        ('measure = "words"\nmin = 5\nmax = 3', "`min` (5) is more than `max` (3)"),
        ('measure = "words"', "needs `max`, `min` or both"),
        ('measure = "lines"\nmax = 3', "`measure` must be one of matches, characters, words"),
        ('measure = "words"\nmax = "40"', "`max` must be a whole number"),
    ],
)
def test_occurrence_refuses_what_would_never_work(body, reason):
    assert reason in refused("occurrence", body)


# -- required ---------------------------------------------------------------------------------


def test_required_dateline_in_the_lead():
    made = rule("required", 'scope = ["lead"]\npatterns = ["^[A-Z]{3,} —"]', "no dateline in the {scope}")
    text = "# Head\n\nThe ferry sank.\nAll were saved.\n\nPORTREE — later.\n"
    ((start, end, message),) = found(made, text)
    assert message == "no dateline in the lead" and text[start:end] == "The ferry sank."
    assert found(made, "# Head\n\nPORTREE — The ferry sank.\n") == []


def test_required_part_that_is_missing_is_reported_at_the_top():
    made = rule("required", 'scope = ["byline"]\npatterns = ["\\\\w"]', "no {scope}")
    assert found(made, "---\ntitle: Ferry\n---\n\nThe ferry sank.\n") == [(0, 0, "no byline")]
    assert found(made, "---\ntitle: Ferry\nbyline: Jo Bloggs\n---\n\nThe ferry sank.\n") == []


# -- conditional ------------------------------------------------------------------------------

ACRONYM = 'first = "\\\\b([A-Z]{3,5})\\\\b"\nsecond = "\\\\(([A-Z]{3,5})\\\\)"\nscope = ["body"]'


def test_conditional_wants_each_acronym_spelt_out_at_its_first_use():
    made = rule("conditional", ACRONYM, "spell out {match}")
    text = "# Head\n\nThe RNLI came. The Royal National Lifeboat Institution (RNLI) and the IMO met. The RNLI left.\n"
    assert [(text[s:e], m) for s, e, m in found(made, text)] == [("RNLI", "spell out RNLI"), ("IMO", "spell out IMO")]
    good = "# Head\n\nThe Royal National Lifeboat Institution (RNLI) came. The RNLI left.\n"
    assert found(made, good) == []


def test_conditional_without_groups_and_with_exceptions():
    plain = rule("conditional", 'first = "\\\\bthe minister\\\\b"\nsecond = "\\\\bMinister \\\\p{Lu}\\\\w+"', "who?")
    assert len(found(plain, "# Head\n\nLater the minister spoke.\n")) == 1
    assert found(plain, "# Head\n\nMinister Okafor spoke. Later the minister left.\n") == []
    excepted = rule("conditional", ACRONYM + '\nexceptions = ["\\\\bBBC\\\\b"]')
    assert found(excepted, "# Head\n\nThe BBC said so.\n") == []


def test_conditional_refuses_a_group_it_cannot_compare():
    reason = refused("conditional", 'first = "\\\\b([A-Z]{3})\\\\b"\nsecond = "\\\\bspelt out\\\\b"')
    assert "`second` must capture the same thing in its group 1" in reason


# -- repetition -------------------------------------------------------------------------------


def test_repetition_of_sentence_openers_across_the_body():
    made = rule("repetition", 'of = "openers"\nscope = ["body"]', "{count} open with {match}")
    text = "# Head\n\nHe sailed. He landed.\n\nHe slept. Then the storm came.\n"
    ((start, end, message),) = found(made, text)
    assert message == "3 open with He" and text[start:end] == "He" and start == text.index("He landed")


def test_repetition_of_words_limited_to_tokens_and_counted_by_times():
    made = rule("repetition", 'tokens = ["very"]\ntimes = 3', "{match}")
    text = "# Head\n\nIt was very very cold and very very very wet, very, very wet, and had had enough.\n"
    assert [m for _, _, m in found(made, text)] == ["very very very"]
    every = rule("repetition", 'scope = ["paragraph"]', "{match}")
    assert [m for _, _, m in found(every, text)] == ["very very", "very very very", "had had"]


def test_repetition_of_openers_needs_more_than_a_sentence():
    assert "holds one sentence at a time" in refused("repetition", 'of = "openers"\nscope = ["sentence"]')


# -- substitution by pattern ------------------------------------------------------------------


def test_substitution_with_capture_groups_fixes_with_them():
    made = rule(
        "substitution",
        'patterns = { "(\\\\d+)%" = "\\\\1 per cent", "\\\\b(May|June) (\\\\d{1,2})\\\\b" = "\\\\2 \\\\1" }',
        "{replacement}",
    )
    doc = Document(Source("a.md", "# Head\n\nFares rose 5% on May 5.\n"))
    findings = list(made.check(doc, Context()))
    assert [(f.message, f.fix.safe, f.fix.edits[0].text) for f in findings] == [
        ("5 per cent", False, "5 per cent"),
        ("5 May", False, "5 May"),
    ]
    safe = rule("substitution", 'patterns = { "(\\\\d+)%" = "\\\\1 per cent" }\nsafe = true', "{replacement}")
    assert next(iter(safe.check(doc, Context()))).fix.safe


def test_substitution_refuses_a_group_the_pattern_lacks():
    assert "uses group 2" in refused("substitution", 'patterns = { "(\\\\d+)%" = "\\\\2 per cent" }', "{replacement}")


def test_a_swap_key_that_is_not_a_word_still_matches():
    made = rule("substitution", 'swap = { "%" = " per cent", "Kiev" = "Kyiv" }', "{replacement}")
    text = "# Head\n\nUp 5% in Kiev, not Kievan.\n"
    assert [text[s:e] for s, e, _ in found(made, text)] == ["%", "Kiev"]


# -- scopes -----------------------------------------------------------------------------------


def test_anchors_mean_the_edges_of_each_part():
    made = rule("existence", 'patterns = ["^Breaking", "said\\\\.$"]\nscope = ["paragraph"]')
    text = "# Head\n\nBreaking: a ferry sank, she said.\n\nNot Breaking, he said so.\n"
    assert [(text[s:e]) for s, e, _ in found(made, text)] == ["Breaking", "said."]


def test_a_zero_width_pattern_anchored_to_the_lead_finds_a_lead_lacking_something():
    made = rule("existence", 'patterns = ["\\\\A(?!PORTREE)"]\nscope = ["lead"]', "no dateline")
    assert found(made, "# Head\n\nThe ferry sank.\n\nPORTREE again.\n") == [(8, 8, "no dateline")]
    assert found(made, "# Head\n\nPORTREE — the ferry sank.\n") == []


def test_a_pattern_that_matches_nothing_everywhere_is_refused():
    assert "matches an empty stretch in the middle of text" in refused("existence", 'patterns = ["(?!x)"]')


def test_quotation_and_standfirst_scopes():
    quoted = rule("existence", 'tokens = ["slams"]\nscope = ["quotation"]')
    text = '# Head\n\nShe slams it. "He slams it," she said.\n'
    assert [s for s, _, _ in found(quoted, text)] == [text.rindex("slams")]
    stand = rule("existence", 'tokens = ["slams"]\nscope = ["standfirst"]')
    assert len(found(stand, "---\ntitle: T\nstandfirst: Mayor slams plan\n---\n\nShe slams it.\n")) == 1


def test_capitalisation_in_a_headline_flags_a_wrong_form_in_capitals():
    made = rule("capitalisation", 'terms = ["Covid"]\nscope = ["headline"]', "{replacement}")
    assert [m for _, _, m in found(made, "# COVID cases rise\n\nText.\n")] == ["Covid"]
    # a headline set all in capitals says nothing about the term
    assert found(made, "# COVID CASES RISE\n\nText.\n") == []
