"""A001-A003 on sentences of our own."""

from __future__ import annotations

import pytest

from conftest import codes


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("Critics say the new toll will hurt small firms.", "Critics say"),
        ("Some observers argue that the harbour is too small.", "Some observers argue"),
        ("Many experts believe the dam is unsafe.", "Many experts believe"),
        ("It is widely thought that the mayor will resign.", "It is widely thought"),
        ("It has been claimed that the tender was rigged.", "It has been claimed"),
        ("According to some insiders, the deal is off.", "According to some insiders"),
        ("The plan will fail, according to reports.", "according to reports"),
        ("Research shows that tolls cut traffic.", "Research shows"),
        ("Some say the bridge was never needed.", "Some say"),
        ("Tolls cut traffic, research suggests.\n\nThe figures were released in Leeds on Monday.", "research suggests"),
        # the windows open only where the word after the cue can go on to a phrase: each kind of next word
        ("IT’S GENERALLY ASSUMED that the ferry will be sold.", "IT’S GENERALLY ASSUMED"),
        ("It's rumoured that the pier will close.", "It's rumoured"),
        ("It was feared the tide would breach the wall.", "It was feared"),
        ("Critics increasingly argue that the levy is unfair.", "Critics increasingly argue"),
        ("Many insist the levy is unfair.", "Many insist"),
        ("There are those who believe the pier is haunted.", "There are those who believe"),
        ("Scientific evidence now suggests the reef is recovering.", "Scientific evidence now suggests"),
        ("Studies have repeatedly shown that tolls cut traffic.", "Studies have repeatedly shown"),
        ("Fishermen and commentators claims the quota is too low.", "commentators claims"),
    ],
)
def test_weasel_sources(lint, text, phrase):
    found = lint(text, select="A001")
    assert [text[f.start : f.end] for f in found] == [phrase]
    assert "name the source" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "Police said the driver was arrested at the scene.",
        "A spokesman for the port authority said the berth would reopen.",
        "Officials said the figures would be published on Friday.",
        "Labour critics say the plan is unaffordable.",
        "Analysts say the shares are undervalued.",
        "Some analysts said the results were weak.",
        "Unemployment rose, according to Eurostat.",
        "According to sources close to the minister, the deal is off.",
        "Research by the University of Leeds shows that tolls cut traffic.",
        "Tolls cut traffic, research suggests.\n\nA survey of 40 towns by the Transport Institute found fewer cars.",
        'The mayor said: "Critics say we are wrong, but we are not."',
    ],
)
def test_named_or_specific_sources_pass(lint, text):
    assert lint(text, select="A001") == []


def test_quote_with_no_speaker(lint):
    text = (
        "Fares on the island ferry will rise in the spring.\n\n"
        '"This is the worst decision anyone has made about the island in twenty years."\n'
    )
    found = lint(text, select="A002")
    assert codes(found) == ["A002"] and "who said this?" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        # attributed in the sentence, by a colon, in the paragraph, or a continuation of the speaker
        '"This is the worst decision anyone has made about the island," said the harbour master, Ian Bell.\n',
        'The harbour master, Ian Bell, was blunt: "This is the worst decision anyone has made about the island."\n',
        'Ian Bell said fares would rise.\n\n"This is the worst decision anyone has made about the island in years."\n',
        # scare quotes are not quotations
        'The operator called the cuts "regrettable but necessary" in its statement to the council.\n',
    ],
)
def test_attributed_quotes_and_scare_quotes_pass(lint, text):
    assert lint(text, select="A002") == []


def test_surname_at_first_reference(lint):
    text = "The ferry was late again.\n\nAdeyemi said the operator had let passengers down.\n"
    found = lint(text, select="A003")
    assert [f.message for f in found] == [
        '"Adeyemi" at first reference: give Adeyemi\'s full name (first name and surname) here'
    ]
    text = "The ferry was late again.\n\nMr Okonjo told the meeting the service was failing.\n"
    assert codes(lint(text, select="A003")) == ["A003"]
    # a common surname is still a surname, however often wordfreq has seen it
    text = "The ferry was late again.\n\nWalsh said the operator had let passengers down.\n"
    assert codes(lint(text, select="A003")) == ["A003"]
    # a role noun counts only right before the name, not from the line before it
    text = (
        "The ferry was late again. Passengers waited for an hour.\n\nRuvalcaba said the operator had let them down.\n"
    )
    assert codes(lint(text, select="A003")) == ["A003"]
    # a name like an earlier one, but more than one slip away, is someone else
    text = "Lindiwe Abernathy chaired the inquiry.\n\nMr Aberdeen said the findings were clear.\n"
    assert codes(lint(text, select="A003")) == ["A003"]


@pytest.mark.parametrize(
    "text",
    [
        "Grace Adeyemi, a commuter, said she would complain. Adeyemi said the operator had let passengers down.",
        "Microsoft said the update would ship in May.",
        "Downing Street said the prime minister would visit.",
        "Police said the road was closed. Washington said it would respond.",
        "President Okafor arrived on Monday. Okafor said the talks went well.",
        "Kim Jung-tae, a lawyer, spoke first. Mr Kim said the case was weak.",
        "Robert Okonjo-Iweala spoke first. Mr Okonjo-Iweala said the case was weak.",
        "Port authority head Tan Weiming spoke first. Mr Tan said the dredging would start soon.",  # family name first
        "The club's veteran midfielder Ruvalcaba told reporters he would stay.",  # a role as a title
        "Lindiwe Abernathy chaired the inquiry. Mrs Abernaty said the findings were clear.",  # introduced, misspelt
    ],
)
def test_people_introduced_and_organisations_pass(lint, text):
    assert lint(text, select="A003") == []


def test_evidence_is_read_around_each_occurrence_of_the_name():
    from stylelint_news.checks.attribution.surname_first_reference import _evidence

    prose = (
        "The haulage firm Brackwell said on Monday that it would cut routes. "
        "Mr Haldersson, its chairman, agreed. Halders said nothing. Pemberton's plan and Pemberton-Hale's did not."
    )
    assert _evidence(prose, "Brackwell") == (True, False, 1)
    assert _evidence(prose, "Haldersson") == (False, True, 1)
    assert _evidence(prose, "Halders") == (False, False, 1)  # "Mr Haldersson" honours another name
    assert _evidence(prose, "Pemberton") == (False, False, 1)  # "Pemberton-Hale" is not a second one


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("Analysts believe the port will be sold within a year.", "Analysts believe"),  # a profession's belief
        ("Campaigners claim the levy will close the harbour.", "Campaigners claim"),
        ("Sceptics have argued that the dam was never safe.", "Sceptics have argued"),  # the perfect
        ("Many people expect the ferry to be sold by May.", "Many people expect"),
        ("But, despite the new timetable, many believe the service will close.", "many believe"),
        ("It's been reported that the pier will close in June.", "It's been reported"),
        ("The pier will close in June, it has been reported.", "it has been reported"),  # attributing the sentence
        ("It is understood no offer was made for the ferry.", "It is understood"),  # a clause, no "that"
        ("The toll was doubled - too late, critics argue - in March.", "critics argue"),  # parenthetical
        ("It was a plan which critics say would ruin the bay.", "critics say"),  # in a relative clause
    ],
)
def test_weasels_by_grammar(lint, text, phrase):
    found = lint(text, select="A001")
    assert [text[f.start : f.end] for f in found] == [phrase]


@pytest.mark.parametrize(
    "text",
    [
        "The vote is on 5 June if it is held, as planned, at the town hall.",  # not a claim
        "The painting was never sold and it has been held in storage since.",
        "She said that if she lost, people would say she was finished.",  # hypothetical
        "A Harbour Gazette poll of 1,204 people suggests most want a bridge.",  # a poll's finding
        "A letter signed by 300 experts says the dam is safe and the repairs can wait.",  # inside another phrase
        "Opinion polls show support for the bridge. But many also say the cost is too high.",  # a survey's finding
        "When most people think of ferries, they picture the old paddle steamers.",  # "think of"
        "The staff are not lazy but most people think they are.",  # no claim follows
        "Researchers at Tromso University tested the coating. Researchers believe it will cut costs.",  # known group
        "Officials believe the ferry can be saved.",  # named by their office
    ],
)
def test_what_is_not_weasel_sourcing(lint, text):
    assert lint(text, select="A001") == []


@pytest.mark.parametrize(
    "text",
    [
        # the speaker is the subject of the sentence before the quote, in its paragraph
        "The ferry was late again.\n\nHe sketches the route on a napkin. "
        '"When the tide turns, the whole estuary empties in an hour and the boats sit in the mud."\n',
        # the speaker follows the quote
        "The review took in forty studies.\n\n"
        '"The evidence that the new hulls save fuel is weak and the trials were far too small," it found.\n',
        # a citation after a dash
        'Sources\n\n"Harbour board backs plan to sell the ferry to a private firm" — Coast News, 3 May\n',
        # a feature's speaker, named a few paragraphs before
        "Ana Ruiz has run the ferry for twenty years, she says.\n\nThe boat was built in 1971.\n\n"
        "Its engine was replaced in 1990.\n\n"
        'Times have changed. "For years the island had no other link to the mainland, and now it has two bridges."\n',
    ],
)
def test_speakers_around_a_quote_pass(lint, text):
    assert lint(text, select="A002") == []


@pytest.mark.parametrize(
    "text",
    [
        "K.L. Mensah chaired the board.\n\nMensah said the ferry would run all winter.\n",  # initials
        "Yusuf Abdi al-Noor runs the ferry.\n\nNoor said the ferry would run all winter.\n",  # a particle
        "Maria van Hoek runs the ferry.\n\nHoek said the ferry would run all winter.\n",  # a particle, spaced
        "The MP for Hallowfield and Brackmoor spoke on Monday.\n\nBrackmoor said the school was full.\n",  # a place
        "Dunmore claimed their first league title on Saturday.\n\nDunmore said the win was deserved.\n",  # a team
    ],
)
def test_full_names_with_initials_or_particles_and_places_pass(lint, text):
    assert lint(text, select="A003") == []
