"""The sentence splitter on abbreviations that are everyday words too ("He said no. He left.")."""

from __future__ import annotations

import pytest

from stylelint_news.text.sentences import split


@pytest.mark.parametrize(
    "text, sentences",
    [
        ("He said no. He left.", ["He said no.", "He left."]),
        ("She shook her head and said No. Then she left.", ["She shook her head and said No.", "Then she left."]),
        ("The crowd sat. The band played.", ["The crowd sat.", "The band played."]),
        ("They sat in the sun. It was warm.", ["They sat in the sun.", "It was warm."]),
        # before a number, or written as the abbreviation of a day, they stay abbreviations
        ("He lives at No. 10 Downing Street.", ["He lives at No. 10 Downing Street."]),
        ("Houses nos. 4 and 6 were sold.", ["Houses nos. 4 and 6 were sold."]),
        ("See fig. 3 for the route.", ["See fig. 3 for the route."]),
        ("The final is on Sat. 5 June.", ["The final is on Sat. 5 June."]),
    ],
)
def test_abbreviations_that_are_words_too(text, sentences):
    assert [text[a:b] for a, b in split(text)] == sentences
