"""Every part of an article, in the formats newsrooms keep them: each reader finds the headline,
standfirst and captions, and every finding points at the word in the file itself."""

from __future__ import annotations

import json

import pytest

from stylelint_news.config import Settings
from stylelint_news.engine.linter import Flags, Linter
from stylelint_news.engine.runner import lint_paths
from stylelint_news.text.document import Document
from stylelint_news.text.readers import units
from stylelint_news.text.source import Source

HEADLINE = "Plans for new reservior approved"
STANDFIRST = "The scheme was recieved well by residents of the valley"
CAPTION = "The old libary on the hill"
BODY = [
    "Work on the dam will start in the spring, the water company said on Monday.",
    "It will hold enough water for the town for two dry summers, engineers said.",
]
SLIPS = ("reservior", "recieved", "libary")


def position(text: str, offset: int) -> tuple[int, int]:
    """Line and column of an offset, counted in the file's own text."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def article(fmt: str) -> str:
    """One article with a slip in its headline, its standfirst and a caption, as `fmt` keeps it."""
    body = "\n\n".join(BODY)
    if fmt == "md":
        return f"---\ntitle: {HEADLINE}\nstandfirst: {STANDFIRST}\n---\n\n{body}\n\n![{CAPTION}](hill.jpg)\n"
    if fmt == "txt":
        return f"---\ntitle: {HEADLINE}\nstandfirst: {STANDFIRST}\ncaption: {CAPTION}\n---\n\n{body}\n"
    if fmt == "html":
        paragraphs = "\n".join(f"<p>{p}</p>" for p in BODY)
        return (
            f"<!DOCTYPE html>\n<html><head><title>Site</title><style>p {{ margin: 0 }}</style></head>\n<body>\n"
            f'<h1>{HEADLINE}</h1>\n<p class="standfirst">{STANDFIRST}</p>\n{paragraphs}\n'
            f'<figure><img src="hill.jpg" alt="a hill"><figcaption>{CAPTION}</figcaption></figure>\n</body></html>\n'
        )
    record = {"id": "dam-1", "headline": HEADLINE, "standfirst": STANDFIRST, "body": body, "captions": [CAPTION]}
    if fmt == "json":
        return json.dumps(record, indent=2) + "\n"
    other = {"id": 2, "title": "Bridge reopens", "text": "The bridge reopened on Friday after repairs."}
    return json.dumps(other) + "\n" + json.dumps(record) + "\n"


def lint_file(path, registry, **settings) -> list:
    """Findings and problems of files linted as the command line lints them (units, placement)."""
    linter = Linter(Settings(**settings), registry, Flags())
    results = list(lint_paths(linter, lambda source, result: result, [str(path)], 1))
    return results


@pytest.mark.parametrize("fmt", ["md", "txt", "html", "json", "jsonl"])
def test_a_slip_in_each_part_is_found_where_it_is_in_the_file(fmt, tmp_path, registry):
    path = tmp_path / f"dam.{fmt}"
    text = article(fmt)
    path.write_text(text, encoding="utf-8")
    results = lint_file(path, registry)
    findings = [f for r in results for f in r.findings]
    assert not [p for r in results for p in r.problems]
    for slip in SLIPS:
        at = text.index(slip)
        found = [f for f in findings if f.code == "T001" and text[f.start : f.end] == slip]
        assert len(found) == 1, (slip, findings)
        assert (found[0].line, found[0].column) == position(text, at)
        assert (found[0].end_line, found[0].end_column) == position(text, at + len(slip))
    assert [f for f in findings if f.code != "T001"] == []


def test_a_docx_draft_is_read_by_paragraph(tmp_path, registry):
    docx = pytest.importorskip("docx")
    draft = docx.Document()
    draft.add_paragraph(HEADLINE, style="Title")
    draft.add_paragraph(STANDFIRST, style="Subtitle")
    draft.add_paragraph(BODY[0])
    draft.add_paragraph("")
    draft.add_paragraph(CAPTION, style="Caption")
    draft.add_paragraph(BODY[1] + " The the dam is old.")
    path = tmp_path / "dam.docx"
    draft.save(str(path))
    findings = [f for r in lint_file(path, registry) for f in r.findings]
    got = sorted((f.line, f.column, f.code) for f in findings)
    assert got == [(1, 15, "T001"), (2, 16, "T001"), (5, 9, "T001"), (6, len(BODY[1]) + 2, "T003")]
    doc = Document.parse(next(units(str(path), 10**8)).source)
    assert doc.headline is not None and doc.headline.text == HEADLINE
    assert [p.kind for p in doc.parts] == ["headline", "standfirst", "caption"]
    assert doc.lead is not None and doc.lead.text == BODY[0]
    renamed = Settings(fields=(("captions", ("pic",)), ("standfirst", ("strap",))))  # Word's own styles still count
    doc = Document.parse(next(units(str(path), 10**8)).source, renamed.field_names)
    assert [p.kind for p in doc.parts] == ["headline", "standfirst", "caption"]


def html_doc(body: str) -> Document:
    return Document.parse(Source("a.html", f"<html><body><h1>Dam plans</h1>\n{body}\n</body></html>"))


def test_html_markup_is_never_prose():
    doc = html_doc(
        '<p>The dam <a href="https://example.org/teh">was</a> approved.</p>'
        "<script>var teh = 1;</script><style>.teh {}</style><pre>teh code</pre>"
    )
    assert doc.words.texts == ["The", "dam", "was", "approved"]
    assert [b.text for b in doc.blocks] == ["The dam was approved."]
    doc = html_doc("<p>The {{ page.teh }}dam{% endif %} was approved.</p>")
    assert doc.words.texts == ["The", "dam", "was", "approved"]


def test_html_character_references_are_one_character_of_the_word():
    text = "<p>It&rsquo;s the caf&eacute;&#8217;s new libary.</p>"
    doc = html_doc(text)
    assert doc.words.texts == ["It’s", "the", "café’s", "new", "libary"]
    full = doc.source.text
    slip = doc.words.texts.index("libary")
    start = doc.origin.offset(doc.words.starts[slip])
    assert full[start : start + len("libary")] == "libary"


def test_html_blocks_and_lead(registry):
    text = "<h1>Dam plans</h1><p>The dam was approved.</p><p>Work starts soon.</p>"
    doc = Document.parse(Source("a.html", text))
    assert doc.headline is not None and doc.headline.text == "Dam plans"
    assert [b.text for b in doc.blocks] == ["The dam was approved.", "Work starts soon."]
    linter = Linter(Settings(), registry, Flags(select=("C",)))
    assert linter.lint(Source("a.html", text)).findings == []  # no stray capital at "<p>The"


def test_html_fix_is_written_only_inside_one_text_node(registry):
    linter = Linter(Settings(), registry, Flags(select=("T003",), fix=True))
    text = "<h1>Dam plans</h1>\n<p>The dam will hold the the water, <em>engineers</em> said.</p>\n"
    result = linter.lint(Source("a.html", text))
    assert result.fixed_text == text.replace("the the", "the")
    across = "<h1>Dam plans</h1>\n<p>The dam will hold the <em>the</em> water.</p>\n"
    result = linter.lint(Source("a.html", across))
    assert result.fixed_text is None
    assert [(f.code, f.fix) for f in result.findings] == [("T003", None)]


def test_a_slip_ending_a_piece_maps_to_its_own_end(registry):
    """The end of the last word of a paragraph is the end of the word in the file, not the start
    of the next piece: the fix replaces the word and nothing after it."""
    linter = Linter(Settings(), registry, Flags(select=("T001",)))
    text = "<h1>Dam plans</h1><p>They will build a new libary</p><p>Work starts soon.</p>"
    (f,) = linter.lint(Source("a.html", text)).findings
    assert text[f.start : f.end] == "libary"
    (edit,) = f.fix.edits
    assert text[edit.start : edit.end] == "libary"


def test_json_escapes_are_counted_in_columns(registry):
    text = '{"headline": "Dam plans", "body": "The caf\\u00e9 \\"Dam\\" \\ud83d\\ude00 serves a libary of teas.\\n\\nNew."}\n'
    linter = Linter(Settings(), registry, Flags(select=("T001",)))
    (f,) = linter.lint(Source("a.json", text)).findings
    assert text[f.start : f.end] == "libary"
    assert (f.line, f.column) == position(text, text.index("libary"))
    doc = Document.parse(Source("a.json", text))
    assert [b.text for b in doc.blocks] == ['The café "Dam" 😀 serves a libary of teas.', "New."]


def test_json_html_body_is_read_as_html(registry):
    body = "<p>The dam was approved.</p><p>It will hold a libary &amp; more.</p>"
    text = json.dumps({"headline": "Dam plans", "body": body})
    doc = Document.parse(Source("a.json", text))
    assert [b.text for b in doc.blocks] == ["The dam was approved.", "It will hold a libary & more."]
    linter = Linter(Settings(), registry, Flags(select=("T001", "C")))
    (f,) = linter.lint(Source("a.json", text)).findings
    assert text[f.start : f.end] == "libary"


def test_json_lines_records_are_placed_at_their_lines(tmp_path, registry):
    path = tmp_path / "archive.jsonl"
    good = json.dumps({"id": "a", "headline": "Dam plans", "body": "They built a libary."})
    path.write_text(f"{good}\nnot json\n\n{good}\n", encoding="utf-8")
    results = lint_file(path, registry)
    findings = [(f.line, f.column, r.record) for r in results for f in r.findings]
    column = good.index("libary") + 1
    assert findings == [(1, column, "a"), (4, column, "a")]
    problems = [p for r in results for p in r.problems]
    assert len(problems) == 1 and problems[0].startswith(f"{path}:2:1: not valid JSON")
    text = path.read_text()
    assert [text[f.start : f.end] for r in results for f in r.findings] == ["libary", "libary"]


def test_json_lines_size_limit_holds_per_record(tmp_path, registry):
    path = tmp_path / "archive.jsonl"
    small = json.dumps({"headline": "Dam plans", "body": "They built a libary."})
    large = json.dumps({"headline": "Dam plans", "body": "Water. " * 200})
    path.write_text(f"{large}\n{small}\n", encoding="utf-8")
    results = lint_file(path, registry, max_file_size=len(small) * 2 / 1_000_000)
    assert [(f.line, f.code) for r in results for f in r.findings] == [(2, "T001")]
    (problem,) = [p for r in results for p in r.problems]
    assert problem.startswith(f"{path}:1: a record over the size limit")


def test_json_without_article_fields_is_named_not_linted(tmp_path, registry):
    path = tmp_path / "package.json"
    path.write_text('{"name": "site", "version": "1.0"}\n')
    (result,) = lint_file(path, registry)
    assert (result.findings, result.problems) == ([], [])
    assert result.notices == [
        f"{path}: no article fields in it (headline or title, body or text: see `fields`); not linted"
    ]


def test_configured_field_names(registry):
    text = json.dumps({"hed": "Dam plans", "content": "They built a libary."})
    settings = Settings(fields=(("headline", ("hed",)), ("body", ("content",))))
    doc = Document.parse(Source("a.json", text), settings.field_names)
    assert doc.headline is not None and doc.headline.text == "Dam plans"
    assert [
        f.code for f in Linter(settings, registry, Flags(select=("T001",))).lint(Source("a.json", text)).findings
    ] == ["T001"]


def test_plain_text_front_matter_must_read_as_front_matter():
    doc = Document.parse(Source("a.txt", "---\nDam plans approved\n---\n\nThe dam was approved.\n"))
    assert doc.headline is not None and doc.headline.text == "---"  # a rule line, not front matter
    assert "Dam" in doc.read_words.texts
    doc = Document.parse(Source("a.txt", "---\ntitle: Dam plans\n---\n\nThe dam was approved.\n"))
    assert doc.headline is not None and doc.headline.text == "Dam plans"


def test_suppression_inside_a_json_body(registry):
    body = "<!-- stylelint-news: disable-next-line T001 -->\nThey built a libary.\n\nThen a reservior was dug."
    text = json.dumps({"headline": "Dam plans", "body": body})
    findings = Linter(Settings(), registry, Flags(select=("T001",))).lint(Source("a.json", text)).findings
    assert [text[f.start : f.end] for f in findings] == ["reservior"]


def test_a_caption_between_paragraphs_is_read_in_its_place():
    doc = html_doc(
        "<p>The dam was approved.</p><figure><figcaption>The old libary</figcaption></figure><p>Work starts.</p>"
    )
    words = doc.read_words
    assert words.starts == sorted(words.starts)
    assert words.texts == ["Dam", "plans", "The", "dam", "was", "approved", "The", "old", "libary", "Work", "starts"]
    assert doc.lead is not None and doc.lead.text == "The dam was approved."
    assert [p.kind for p in doc.parts] == ["headline", "caption"]


def test_a_worker_sends_back_each_record_s_result(tmp_path, registry):
    from stylelint_news.engine import runner

    path = tmp_path / "archive.jsonl"
    rows = [
        {"id": "a", "headline": "Dam plans", "body": "A libary."},
        {"id": 7, "title": "Bridge", "text": "A reservior."},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    runner._init(Linter(Settings(), registry, Flags(select=("T001",))), lambda source, result: result, None)
    results = runner._lint_path(str(path))
    assert [(r.record, [f.line for f in r.findings]) for r in results] == [("a", [1]), (7, [2])]


def test_a_json_array_holds_an_article_each(tmp_path, registry):
    path = tmp_path / "export.json"
    rows = [
        {"id": 1, "headline": "Dam plans", "body": "A libary."},
        {"version": 2},
        {"id": 2, "title": "Bridge", "text": "A reservior."},
    ]
    path.write_text(json.dumps(rows[:2], indent=1)[:-1] + ", " + json.dumps(rows[2]) + "]\n")
    text = path.read_text()
    results = lint_file(path, registry, select=("T001",))
    placed = [(f.line, f.column, text[f.start : f.end], r.record) for r in results for f in r.findings]
    assert placed == [
        (*position(text, text.index("libary")), "libary", 1),
        (*position(text, text.index("reservior")), "reservior", 2),
    ]
    assert Document.parse(Source("a.json", '{"headline": "Dam", "body": "half-typed')).words.texts == []
