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
