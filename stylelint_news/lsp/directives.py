"""Where "disable CODE for this line" writes its directive, so the engine reads it and the article
does not change.

A directive on a line of its own ends the paragraph it stands in, for the engine as for a Markdown
renderer (an HTML comment starts a block), so one put inside a paragraph would move the lead, the
paragraph a repeat is measured against, and what a reader sees. So:

- a line that starts a block (after a blank line, a heading, a fence, the front matter: anywhere
  the engine's blocks already break) gets the directive on a line of its own before it, indented
  as it is: `<!-- stylelint-news: disable-next-line CODE -->` in Markdown,
  `# stylelint-news: disable-next-line CODE` in plain text;
- a line that continues a block (a paragraph's, a quotation's or a list item's second line) gets
  the HTML comment at the end of the line before it (the engine's "next line" is the first
  non-blank one after the line where a directive ends), and so does a list item after another
  (a comment between two items would end the list);
- a line of Markdown front matter gets the `#` form, which YAML and TOML read as a comment;
- a line a `disable-next-line` directive already aims at gets the code added to that directive:
  a second directive above it would aim at the first.
"""

from __future__ import annotations

from ..engine import suppression
from ..finding import Edit
from ..text.document import Block, Document
from ..text.fields import front_matter
from ..text.source import Source

VERB = "stylelint-news: disable-next-line"


def disable_next_line(text: str, path: str, line: int, code: str) -> Edit:
    """The edit of `text` (the linted text of `path`) that suppresses `code` on its 1-based `line`.

    Run it inside the run's `active()` context: it parses the document as the engine does.
    """
    source = Source(path, text)
    doc = Document.parse(source)
    directives, _ = suppression.parse(doc)
    for d in directives:
        if d.verb == "disable-next-line" and d.first_line == line and d.selectors:
            inner = text[d.start : d.end]
            body = inner[:-3] if inner.endswith("-->") else inner
            at = d.start + len(body.rstrip())
            return Edit(at, at, f" {code}")
    starts = doc.line_starts
    line = min(max(line, 1), len(starts))
    start = starts[line - 1]
    own = doc.line_text(line)
    indent = own[: len(own) - len(own.lstrip(" \t"))]
    newline = "\r\n" if "\r\n" in text else "\n"
    if source.is_markdown and start < front_matter(text)[0]:
        return Edit(start, start, f"{indent}# {VERB} {code}{newline}")
    block = _block_at(doc, line)
    if block is not None and block.start < start:
        return _at_end_of(doc, line - 1, code)
    if block is not None and block.kind == "list":
        before = line - 1
        while before > 0 and not doc.line_text(before).strip():
            before -= 1
        previous = _block_at(doc, before) if before > 0 else None
        if previous is not None and previous.kind == "list":
            return _at_end_of(doc, before, code)
    directive = f"<!-- {VERB} {code} -->" if source.is_markdown else f"# {VERB} {code}"
    return Edit(start, start, f"{indent}{directive}{newline}")


def _block_at(doc: Document, line: int) -> Block | None:
    """The body block holding the prose of a 1-based line (None: no prose there, or the headline)."""
    start = doc.line_starts[line - 1]
    prose = doc.prose[start : start + len(doc.line_text(line))]
    if not prose.strip():
        return None
    first = start + len(prose) - len(prose.lstrip())
    return next((b for b in doc.blocks if b.start <= first <= b.end), None)


def _at_end_of(doc: Document, line: int, code: str) -> Edit:
    """The HTML comment at the end of a 1-based line: the engine's next line is the next non-blank one."""
    end = doc.line_starts[line - 1] + len(doc.line_text(line))
    return Edit(end, end, f" <!-- {VERB} {code} -->")
