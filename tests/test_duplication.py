"""D001-D004 on drafts of our own."""

from __future__ import annotations

LEAD = (
    "The island's only ferry will stop running in March after the operator lost its subsidy, "
    "leaving about 800 residents without a daily link to the mainland."
)


def test_repeated_headline_exact_and_near(lint):
    text = (
        f"Island ferry to stop in March\n\n{LEAD}\n\nIsland ferry to stop in March\n\nIsland ferry to stop in Marhc\n"
    )
    found = lint(text, select="D001", path="a.txt")
    assert [(f.line, f.message) for f in found] == [
        (5, "repeats the headline (line 1): delete this copy"),
        (7, "repeats the headline (line 1): delete this copy"),
    ]


def test_repeated_lead_exact_nudged_and_with_text_added(lint):
    nudged = LEAD.replace("about", "roughly")
    added = LEAD + " Read the full story at example.com"
    for copy in (LEAD, nudged, added):
        text = f"# Ferry to stop\n\n{LEAD}\n\nThe council met on Monday.\n\n{copy}\n"
        found = lint(text, select="D002")
        assert [(f.line, f.message) for f in found] == [(7, "repeats the lead at line 3: delete this copy")]


def test_templated_list_lines_are_not_repeats(lint):
    lines = "\n\n".join(
        f"- {n}, {o}: Film - The Crossing; director - Ana Lima; actor - Tom Reed"
        for n, o in [("Jo Ames", "Daily Post"), ("Kim Roe", "Weekly"), ("Sam Ng", "Film Monthly")]
    )
    assert lint(f"# Critics' picks\n\nThree critics chose.\n\n{lines}\n", select="D") == []


def test_repeated_paragraph_and_sentence(lint):
    para = "Engineers found cracks in two of the pier's supports during an inspection on Thursday morning."
    text = f"# Pier shut\n\n{LEAD}\n\n{para}\n\nThe pier will stay shut.\n\n{para}\n"
    assert [f.line for f in lint(text, select="D003")] == [9]


def test_scrape_leftovers_lines_captions_tails_and_stranded_headlines(lint):
    text = (
        f"# Ferry to stop\n\n{LEAD}\n\nAdvertisement\n\nThe council met on Monday.\n\n"
        "Read more\nIsland bus routes face cuts as council budget tightens\n\n"
        "PHOTO: The ferry leaves the harbour at dawn.\n\n"
        "Residents will meet on Friday. Continue reading at example.com\n\n"
        "Subscribe to our morning newsletter\n"
    )
    found = lint(text, select="D004")
    assert [f.line for f in found] == [5, 9, 10, 12, 14, 16]


def test_clean_copy_has_no_leftovers(lint):
    text = (
        f"# Ferry to stop\n\n{LEAD}\n\nRead the report, the mayor told councillors, before voting.\n\n"
        'A spokesman for the operator said: "We had no choice."\n\n- Ferry times\n- Bus times\n'
    )
    assert lint(text, select="D") == []


def test_unsafe_fix_removes_a_repeated_lead(lint):
    text = f"# Ferry to stop\n\n{LEAD}\n\nThe council met.\n\n{LEAD}\n"
    (f,) = lint(text, select="D002")
    assert not f.fix.safe
    e = f.fix.edits[0]
    assert text[: e.start] + e.text + text[e.end :] == f"# Ferry to stop\n\n{LEAD}\n\nThe council met.\n"


def test_a_pasted_copy_does_not_repeat_the_originals_findings(lint):
    para = "Critics say the toll will cost drivers far more than the council has admitted so far this year."
    text = f"# Toll row\n\n{LEAD}\n\n{para}\n\nThe vote is on Friday.\n\n{para}\n"
    found = lint(text, select=("D", "A001"))
    assert [(f.code, f.line) for f in found] == [("A001", 5), ("D003", 9)]


def test_a_copy_with_other_quotes_dashes_and_case_is_the_same_copy(lint):
    original = "Kayak-hire firms on the estuary say the tide tables they're given are wrong, and that it's the harbour's fault."
    copy = (
        "KAYAK HIRE firms on the estuary say the tide tables theyre given are wrong, and that it’s the harbour’s fault!"
    )
    text = f"# Tide tables wrong\n\nIntro.\n\n{original}\n\nAnother paragraph here.\n\n{copy}\n"
    assert [f.line for f in lint(text, select="D003")] == [9]


def test_tokens_drop_apostrophes_and_part_hyphens():
    from stylelint_news.checks.duplication.similarity import tokens, tokens_of

    assert tokens(["Kayak-hire", "they're", "Harbour’s", "3"]) == ["kayak", "hire", "theyre", "harbours", "3"]
    assert tokens_of("“Kayak-hire,” they're told.") == ["kayak", "hire", "theyre", "told"]


def test_leftovers_known_by_their_shape(lint):
    lines = [
        "Headline: Island ferry to stop in March",  # a label line
        "Gallery: The last crossing in pictures",
        "81% of readers think this story is Fact. Add your two cents.",  # a reader poll
        "Please keep to our commenting rules.",  # a comment policy
        "Enjoyed this story? Share it with a friend.",  # a share prompt
        "Story continues after this advertisement",  # a marker of the page's furniture
        "Already a subscriber? Log in",
    ]
    for line in lines:
        text = f"# Ferry to stop\n\n{LEAD}\n\n{line}\n\nThe council met on Monday.\n"
        assert [f.line for f in lint(text, select="D004")] == [5], line


def test_lines_of_the_story_are_not_leftovers(lint):
    lines = [
        "Goals: Okafor 12, Reyes 80",  # a result line: "Goals" is no label of the page
        '"Share your story with us," the editor wrote in a comment.',  # a quotation is the story's
        "You can buy tickets on the quay from Monday.",  # addresses the reader, about no page
        "Share prices in the operator fell 4% on the news.",
    ]
    for line in lines:
        text = f"# Ferry to stop\n\n{LEAD}\n\n{line}\n\nThe council met on Monday.\n"
        assert lint(text, select="D004") == [], line
