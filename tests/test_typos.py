"""T001-T003 on sentences of our own."""

from __future__ import annotations

import pytest

from conftest import codes


@pytest.mark.parametrize(
    "text, word, right",
    [
        ("The ferry operator said the timetabel would change.", "timetabel", "timetable"),
        ("Councillors were finaly given the figures.", "finaly", "finally"),
        ("The goverment has promised a review.", "goverment", "government"),
        ("Residents complained about the nosie from the port.", "nosie", "noise"),
    ],
)
def test_misspellings_are_flagged_with_a_correction(lint, text, word, right):
    found = lint(text, select="T001")
    assert [(text[f.start : f.end], f.suggestions[0]) for f in found] == [(word, right)]


@pytest.mark.parametrize(
    "text",
    [
        "Mrs Okonjo-Iweala met Zhang Wei and the Taoiseach in Dublin.",  # names
        "The colour of the harbour, the color of the sky: both spellings pass.",  # British and American
        "The well-known, long-standing, cross-border scheme was re-launched.",  # hyphenated compounds
        "It wasn't the council's fault, and they'd have said so; we're sure.",  # contractions, possessives
        "Shares rose 76% to $1.13bn in the 1980s-style rally along a 3,000-km route.",  # numbers and units
        "Write to desk@example.org, see https://example.org/a or @newsdesk and #ferrystrike.",
        "The NHS and the OECD published figures.",  # initialisms
        "Officials said the unrecycled plastics were churlishly dumped by the slinkier rivals.",  # affixes
    ],
)
def test_right_words_pass(lint, text):
    assert lint(text, select="T001") == []


def test_dialect_narrows_spelling(lint):
    found = lint("The colour of the new ferries was chosen by residents.", select="T001", dialect="en-US")
    assert [f.message for f in found] == ['"colour" is not en-US spelling: write "color"']
    assert lint("The color of the new ferries was chosen by residents.", select="T001", dialect="en-US") == []


def test_newsroom_words_and_repeated_coinages_pass(lint):
    assert lint("The drug zorbitamab was approved.", select="T001", words=("zorbitamab",)) == []
    assert lint("The drug zorbitamab was approved. Zorbitamab costs little; zorbitamab works.", select="T001") == []


@pytest.mark.parametrize(
    "text, word, right",
    [
        ("The minister adder that the delay was avoidable.", "adder", "added"),
        ("The minister toad reporters the port would reopen.", "toad", "told"),
        ("Officials sad the bridge would reopen on Friday.", "sad", "said"),
        ('"We will appeal," sad Ms Ortega.', "sad", "said"),
        ("Families returned to there homes after the flood.", "there", "their"),
        ("The new ferry is faster then ever.", "then", "than"),
        ("The crew returned form the islands on Sunday.", "form", "from"),
        ("The coach warmed his young players that the match would be hard.", "warmed", "warned"),  # a that-clause
        ("The dockers lost there jobs when the yard closed.", "there", "their"),
        ("The Treasury sad demand was weaker than forecast.", "sad", "said"),  # no adjective after a bare subject
        ("The shipping firm sad it would appeal.", "sad", "said"),  # a noun, then an adjective
        ("Its cross-channel ferry-and-freight firm sad it would appeal.", "sad", "said"),  # no short noun phrase
        ("He sad Kenya's exports grew.", "sad", "said"),  # a pronoun starts no name
        ("The mayor - who spoke after the vote - sad the pier would reopen.", "sad", "said"),  # after an aside
        ("The harbour master urged the crews now to sail in the storm.", "now", "not"),  # a directive takes "not to"
        ("The timetable app is out on Android not.", "not", "now"),  # no sentence ends on "not"
        ("Operators not expect a busy summer, the report said.", "not", "now"),  # "not" needs an auxiliary
    ],
)
def test_confused_words_in_news_frames(lint, text, word, right):
    found = lint(text, select="T002")
    assert [(text[f.start : f.end], f.suggestions[0]) for f in found] == [(word, right)]
    assert f'slip for "{right}"' in found[0].message and not found[0].fix.safe


@pytest.mark.parametrize(
    "text",
    [
        "An adder was found in the heather near the path.",
        "Detectives followed a trail of evidence to the harbour.",
        "The county council approved the plan.",
        "There was no comment, and then the meeting ended.",
        "Their form this season has been poor.",
        "Okafor slid the ball past the keeper in the second half.",  # a past tense is a verb of its own
        "The ferry operator had dented its reputation.",
        "The villagers there need clean water, the charity said.",  # "there" after a noun: a place
        "He is back in the Wales fold, the selectors confirmed.",  # the noun a capitalised modifier qualifies
        "I'm sad the old ferry has gone, one passenger said.",
        "The charity spends on food, aid, shelter and schools.",  # a list, not an attribution
        "The council leader, who faces a vote, lays the blame on the budget.",
        "How can one wish a happy new year to the stranded crews?",  # a verb after a subject pronoun
        "You can see what's there online before you travel.",  # "there" as an adverb
        "Some crews sailed, others not.",
        "Will the pier reopen? Definitely not.",
        "Had the ferries not been late, the crews would have sailed.",
        "The new rules make the timetable not include Sundays.",
        "Fares will be frozen from now to 2030.",
        "The film's sad ending moved the audience.",
    ],
)
def test_words_that_fit_their_context_pass(lint, text):
    assert lint(text, select="T002") == []


def test_repeated_word_across_a_line_break_and_allowed_doubles(lint):
    assert codes(lint("The mayor said that the\nthe budget was cut.", select="T003")) == ["T003"]
    assert lint("What he had had was enough, and he said that that was final.", select="T003") == []
    assert lint("Fans of Duran Duran queued.", select="T003") == []


def test_mixed_british_and_american_spelling_is_opt_in(lint):
    text = "The council will organise a vote on the colour of the buses and the color of the trams."
    assert lint(text) == [] or all(f.code != "S201" for f in lint(text))
    found = lint(text, select="S201")
    assert [(text[f.start : f.end], f.suggestions[0]) for f in found] == [("color", "colour")]
    # names keep their spelling, and British licenses with an s: neither is a mix
    assert (
        lint(
            "The licence was renewed. He is licensed to drive. She works at the World Trade Center "
            "and the colour of the office is grey.",
            select="S201",
        )
        == []
    )


def test_blanked_links_and_entities_are_not_spaces_or_words(lint):
    assert (
        lint("Posted on example.org on Sunday, and on [the site](https://example.org) the next day.", select="T") == []
    )
    assert lint("He plays for B&#233;ziers and Toulon.", select="T001") == []


def test_a_name_spelt_two_ways_is_flagged_with_the_full_name_spelling(lint):
    text = "Ferry chief quits\n\nThe board thanked Tomasz Wierzbicki for ten years.\n\nMr Wierzbiki said he would stay on.\n"
    found = lint(text, select="T004")
    assert [(text[f.start : f.end], f.suggestions[0]) for f in found] == [("Wierzbiki", "Wierzbicki")]
    assert found[0].message == '"Wierzbiki" is spelt "Wierzbicki" at line 3: use one spelling'
    assert not found[0].fix.safe


@pytest.mark.parametrize(
    "text",
    [
        "Ferry chief quits\n\nThe board thanked Tomasz Wierzbicki.\n\nThe Wierzbickis left the island.\n",  # a family
        "Ferry chief quits\n\nMaria Porter chaired it.\n\nParter said the crossing was safe.\n",  # two people
        "Ferry chief quits\n\nTomasz Wierzbicki met Anna Wierzbiki, his cousin.\n",  # both named in full
    ],
)
def test_names_that_are_not_slips_pass(lint, text):
    assert lint(text, select="T004") == []


@pytest.mark.parametrize(
    "word", ["witgout", "goverment", "ferr", "harbuor", "naïvely", "fery", "qqqq", "childre", "cafe", "caf"]
)
def test_a_words_common_neighbours_are_its_edits_found_through_the_deletions_index(word):
    """The index (SymSpell's deletions, an archive's way) finds what Norvig's edits of the word
    (one article's way) find, among the words common enough to explain a typo: a letter dropped,
    a-z added or changed, a swap."""
    from stylelint_news.engine.context import current
    from stylelint_news.language import neighbours
    from stylelint_news.language.lexicon import zipf

    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = (
        {a + b[1:] for a, b in splits if b}
        | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        | {a + c + b[1:] for a, b in splits if b for c in letters}
        | {a + c + b for a, b in splits for c in letters}
    ) - {word}
    with current().active():
        expected = {c for c in edits if zipf(c) >= neighbours.NEIGHBOUR}
        by_edits, by_index = neighbours.Neighbourhood(), neighbours.Neighbourhood()
        by_index.asked = neighbours.EDIT_LOOKUPS
        assert set(by_edits.of(word)) == expected and by_edits.index is None
        assert set(by_index.of(word)) == expected and by_index.index is not None
        longer = {c for c in expected if len(c) == len(word) + 1}
        assert set(by_edits.longer(word)) == longer and by_edits.index is None
        assert set(by_index.longer(word)) == longer
    assert word in ("qqqq", "naïvely") or expected  # the cases do test something


def test_a_words_longer_neighbours_are_one_look_up_in_the_index(monkeypatch):
    """`longer` (the words a rare word is with a letter dropped: "childre" for "children") asks
    the index of deletions under the word alone, where `of` asks it under each deletion too."""
    from stylelint_news.engine.context import current
    from stylelint_news.language import neighbours

    with current().active():
        neighbourhood = neighbours.Neighbourhood()
        neighbourhood.asked = neighbours.EDIT_LOOKUPS
        neighbourhood.longer("x")  # reads the index
        asked: list[str] = []
        index = neighbourhood.index
        real_get = index.get
        monkeypatch.setattr(index, "get", lambda key: asked.append(key) or real_get(key))
        assert neighbourhood.longer("childre") == ["children"]
        assert asked == ["childre"]


def test_one_articles_rare_words_never_turn_the_frequency_table_into_a_dict(monkeypatch):
    """Norvig's edits are asked of wordfreq only up to a budget of look-ups: six long rare words
    by their edits would pass the 4,000 look-ups after which the table becomes a dict (0.1 s),
    the cost the edits are there to spare one article. The index answers the rest the same."""
    from stylelint_news.engine.context import current
    from stylelint_news.language import neighbours

    asked = []
    real_zipf = neighbours.zipf
    monkeypatch.setattr(neighbours, "zipf", lambda w: asked.append(w) or real_zipf(w))
    words = ["misunderstandinq", "telecommunicatoins", "goverment", "accomodation", "environmentallly", "begining"]
    with current().active():
        neighbourhood = neighbours.Neighbourhood()
        found = [set(neighbourhood.of(w)) for w in words]
        assert len(asked) <= neighbours.EDIT_LOOKUPS and neighbourhood.index is not None
        by_index = neighbours.Neighbourhood()
        by_index.asked = neighbours.EDIT_LOOKUPS
        assert found == [set(by_index.of(w)) for w in words]
        assert found[0] == {"misunderstanding"} and found[-1] == {"beginning"}
