"""C001 and C002 on sentences of our own: each exception the issue lists, and the slips."""

from __future__ import annotations

import pytest

from conftest import codes


@pytest.mark.parametrize(
    "text, word",
    [
        ("The harbour board said the delay was Their fault.", "Their"),
        ("Ministers said the tolls would pay for Themselves within a decade.", "Themselves"),
        ("Dockers voted to strike because The talks had failed.", "The"),
        ("The mayor, Which the council elected in May, resigned.", "Which"),
        ("Passengers were Also offered refunds on Tuesday.", "Also"),
        ("The port said trade with The UK had fallen, and the UK said so too.", "The"),
        ("Officials in Lisbon Would not comment on the report.", "Would"),
    ],
)
def test_stray_capitals_are_flagged_with_a_fix(lint, text, word):
    found = lint(text, select="C001")
    assert codes(found) == ["C001"]
    f = found[0]
    assert text[f.start : f.end] == word
    assert f.fix.safe and f.fix.edits[0].text == word.lower()
    assert f'write "{word.lower()}"' in f.message


@pytest.mark.parametrize(
    "text",
    [
        "Talks resumed in The Hague on Monday.",  # a name
        "She starred in The Aviator and read The Sunday Times.",  # titles, a paper
        "He reread Of Mice and Men for the exam.",  # a title of a work
        'He said: "They will appeal against the ruling."',  # a quote opening a sentence
        "The rule is simple: The buyer pays the duty.",  # first word after a colon
        "Mr. Jones met Gen. Smith in the U.S. The talks went well.",  # sentence starts after abbreviations
        "I think the vote was fair, and I said so.",  # "I"
        "The deal was struck by the EU and NATO in 2004.",  # initialisms
        "LONDON (Reuters) - The pound rose on Tuesday.",  # a dateline
        "The hit single Do They Know It's Christmas? returned to the chart.",  # a title that asks
        "Ministers met at No 10 and agreed the budget in May.",  # "No 10", the month
        "- The first item of the list\n- An item that follows",  # list items
        "She was cast in the sitcom The IT Crowd last year.",  # a title after its kind of work
    ],
)
def test_right_capitals_pass(lint, text):
    assert lint(text, select="C001") == []


def test_headlines_and_headings_are_title_case(lint):
    text = "# Council Backs The Plan For A New Bridge\n\n## What The Plan Means\n\nThe plan was agreed.\n"
    assert lint(text, select="C001") == []


def test_a_word_the_article_capitalises_consistently_is_a_name(lint):
    text = (
        "The group Which campaigns for buyers said prices rose. A report by the group Which found more. "
        "Staff at Which agreed."
    )
    assert lint(text, select="C001") == []


def test_inconsistent_capitalisation_names_the_other_form_and_line(lint):
    text = "The Fair Rent Scheme began in May.\n\nLandlords say the fair rent scheme has failed.\n"
    found = lint(text, select="C002")
    assert [(f.line, f.message) for f in found] == [
        (3, '"fair rent scheme" is written "Fair Rent Scheme" at line 1: use one form')
    ]


def test_inconsistent_capitalisation_skips_parts_of_longer_names(lint):
    text = "Figures from the Office for National Statistics show the change in national statistics policy.\n"
    assert lint(text, select="C002") == []


@pytest.mark.parametrize(
    "text",
    [
        "The Who front man, Ray Dalton, said the tour was over.",  # a name that is a function word
        "She played with bands from the Who, the Kinks and Queen to Blur.",  # after an article
        "The port said a No vote would end the plan.",  # a function word used as a noun
        "He booked them for the TV show Later... With Jools Holland in May.",  # a title after its kind
        "The list follows.\n\n2 The long wait\n\nFerries were late.",  # a numbered heading
        "[note 8] How the tide tables were set.",  # a bracketed note
        "Kirkwall, Orkney, Scotland - This week the ferry was late.",  # a dateline
        "The ferry runs daily.\n\nAbout Us:\n\nWe sell ferry tickets.",  # a heading in plain text
        "Ticket machines run Windows 98, Me, NT and XP.",  # one of a list of names
        "The band's hit Where is the Love? topped the chart.",  # a title that asks
        "The film Crossing The Sound opened in Tromso.",  # a title after its kind, ending in a name
    ],
)
def test_names_titles_headings_and_datelines_pass(lint, text):
    assert lint(text, select="C001", path="draft.txt" if "\n" in text else "draft.md") == []


@pytest.mark.parametrize(
    "text, word, safe",
    [
        ("The minister flew to Oslo For talks on fishing quotas.", "For", False),  # no name ends in "For"
        ("The prize went to Portugal, followed by Norway With four wins.", "With", False),
        ("The catch was landed and shipped From Reykjavik on Monday.", "From", False),  # a preposition before one name
        ("Passengers were moved to the back of The queue.", "The", True),  # an article wants its noun
        ("The harbour fees went up for The rest of the year.", "The", True),
    ],
)
def test_function_words_beside_names_are_still_stray(lint, text, word, safe):
    (f,) = lint(text, select="C001")
    assert text[f.start : f.end] == word
    assert f.fix.safe is safe  # beside a capital, lowercasing may touch a name: an editor reads it


def test_the_before_a_place_or_body_is_flagged_with_its_own_message(lint):
    (f,) = lint("The ship sailed across The North Sea to Bergen.", select="C001")
    assert "place, body or event" in f.message and not f.fix.safe
    assert lint("The ship sailed in the film The Deep Sea Story.", select="C001") == []  # a title


def test_a_missing_full_stop_is_said_so_and_its_fix_is_unsafe(lint):
    text = "Ferries were cancelled because of the storm They will resume on Friday."
    (f,) = lint(text, select="C001")
    assert "full stop seems to be missing" in f.message
    assert not f.fix.safe
    e = f.fix.edits[0]
    assert text[: e.start] + e.text + text[e.end :] == (
        "Ferries were cancelled because of the storm. They will resume on Friday."
    )
    # a capital after a preposition starts no sentence: a plain stray capital, safe to lowercase
    (f,) = lint("The ferry waited for Their crew to board.", select="C001")
    assert f.fix.safe and "full stop" not in f.message


def test_word_classes_are_sorted_closed_classes():
    from stylelint_news.checks.capitalisation.evidence import word_class

    for kind in ("clause-final", "connective", "numeral", "preposition-only", "preposition-particle", "subject"):
        words = word_class(kind)
        assert words and all(w == w.lower() for w in words)
    assert not word_class("preposition-only") & word_class("preposition-particle")
