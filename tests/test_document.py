"""The Document: the prose view keeps offsets, and the structure is what an editor sees."""

from __future__ import annotations

from stylelint_news.text.document import Document
from stylelint_news.text.source import Source

MD = """---
title: "Storm closes \\"coastal\\" road"
date: 2024-01-01
---

# Not the headline

Waves [flooded the road](https://example.org/a?b=1) on `Monday`, police said. <!-- note -->

- a list item
> a quote line
"""


def doc(text, path="a.md"):
    return Document(Source(path, text))


def test_prose_view_keeps_length_and_lines():
    d = doc(MD)
    assert len(d.prose) == len(MD)
    assert d.prose.count("\n") == MD.count("\n")
    assert "https" not in d.prose and "Monday" not in d.prose and "note" not in d.prose
    assert "flooded the road" in d.prose


def test_front_matter_title_is_the_headline_with_its_offsets():
    d = doc(MD)
    assert d.headline.text == 'Storm closes "coastal" road'
    assert MD[d.headline.start : d.headline.end] == 'Storm closes \\"coastal\\" road'
    assert [b.kind for b in d.blocks] == ["heading", "paragraph", "list", "quote"]
    assert d.lead.text.strip().startswith("Waves")


def test_plain_text_headline_is_the_first_line():
    d = doc("Ferry sinks\n\nAll were rescued. The crew\nwas praised.\n\nA second paragraph.\n", "a.txt")
    assert d.headline.text == "Ferry sinks"
    assert len(d.paragraphs) == 2
    assert [d.prose[s:e] for s, e in d.sentences][:2] == ["All were rescued.", "The crew\nwas praised."]


def test_position_counts_characters_not_bytes():
    d = doc("Héadline\n\nÉté — the the end\n", "a.txt")
    offset = d.text.index("the the")
    assert d.position(offset) == (3, 7)


def test_sentences_know_news_abbreviations():
    text = "Head\n\nMr. Smith met Gen. Jones in the U.S. Senate at 3.5 p.m. on Monday. Talks with the U.S. The end came later.\n"
    d = doc(text, "a.txt")
    got = [d.prose[s:e] for s, e in d.sentences]
    assert got == [
        "Mr. Smith met Gen. Jones in the U.S. Senate at 3.5 p.m. on Monday.",
        "Talks with the U.S.",
        "The end came later.",
    ]


def test_quotes_straight_curly_and_continued():
    text = 'Head\n\nShe said: "We won. "Now we rest," and left. He called it ‘a ‘fair’ deal’ and “fine”.\n'
    d = doc(text, "a.txt")
    got = [d.prose[s:e] for s, e in d.quotes]
    assert got[0] == "We won. "
    assert got[1] == "Now we rest,"
    assert "fine" in got


def test_crlf_and_no_final_newline():
    d = doc("Head\r\n\r\nOne para.\r\n\r\nTwo para.", "a.txt")
    assert [p.text for p in d.paragraphs] == ["One para.", "Two para."]
    assert d.position(d.text.index("Two")) == (5, 1)


def test_words_are_the_body_tokens_at_their_offsets():
    text = "Headline here\n\nThe café’s 3,000-seat hall 🎉 didn't open.\n\nO'Neill said so.\n"
    d = doc(text, "a.txt")
    words = d.words
    assert words.texts == ["The", "café’s", "3", "000-seat", "hall", "didn't", "open", "O'Neill", "said", "so"]
    assert all(text[w.start : w.end] == w.text for w in words)  # offsets in characters, past the emoji
    assert words[-1] == (words.starts[-1], words.ends[-1], "so") and words[7].text == "O'Neill"
    assert [w.text for w in words[4:7]] == ["hall", "didn't", "open"]
    assert words.where({"said", "hall", "absent"}) == [4, 8]
    assert len(doc("# Only a title\n").words) == 0


def test_the_article_parts_are_read_from_front_matter_where_they_stand():
    text = (
        "---\n"
        'title: "Ferry fares \\"to rise\\" in May"\n'
        "dek: The operator blames fuel costs.\n"
        "author: Tomasz Wierzbicki\n"
        "tags: [ferry]\n"
        "---\n\n"
        "Fares on the island ferry will rise by a tenth.\n\n"
        "![Passengers boarding at the quay](quay.jpg)\n"
    )
    d = doc(text, "a.md")
    parts = {p.kind: text[p.start : p.end] for p in d.parts}
    assert parts == {
        "headline": 'Ferry fares \\"to rise\\" in May',
        "standfirst": "The operator blames fuel costs.",
        "byline": "Tomasz Wierzbicki",
        "caption": "Passengers boarding at the quay",
    }
    assert d.headline.text == 'Ferry fares "to rise" in May'
    assert [p.kind for p in d.parts] == ["headline", "standfirst", "byline", "caption"]
    words = d.read_words
    assert "operator" in words.texts and "boarding" in words.texts and "Fares" in words.texts
    assert all(text[s:e] == t for t, s, e in zip(words.texts, words.starts, words.ends))
    assert words.starts == sorted(words.starts)
    assert "operator" not in d.words.texts  # the body's words are the body's alone


def test_field_names_can_be_configured():
    from stylelint_news.text.document import Document
    from stylelint_news.text.source import Source

    text = "---\nheadline: Fares rise\nstrap: A tenth more from May\n---\n\nBody text here.\n"
    d = Document.parse(Source("a.md", text), {"headline": ("headline",), "standfirst": ("strap",)})
    assert d.part("standfirst").text == "A tenth more from May"
    assert doc(text, "a.md").part("standfirst") is None
