"""What a script or style element holds is code, not prose: no rule reads it."""

from __future__ import annotations

from stylelint_news.text.prose import prose_view

ARTICLE = (
    "# Ferry timetable\n\n"
    "The ferry sailed on time.\n\n"
    '<script type="text/javascript">\nvar sailings = the the timetable; // recieved\n</script>\n\n'
    "<STYLE>p { colour: teh }</STYLE>\n\n"
    "The harbour master said the the crossing was calm.\n"
)


def test_script_and_style_contents_are_not_linted(lint):
    found = [(f.line, f.code) for f in lint(ARTICLE, select=("T001", "T003"), path="story.md")]
    assert found == [(11, "T003")]  # the prose slip after them, nothing inside them


def test_an_unclosed_script_tag_in_prose_blanks_only_the_tag():
    text = "Attackers hid a <script> tag in the the page.\n"
    view, _ = prose_view(text, markdown=True)
    assert "the the page." in view and "<script>" not in view and len(view) == len(text)
