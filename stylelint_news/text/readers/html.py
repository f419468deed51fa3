"""HTML articles: the headline from `<h1>` (or `<title>`), paragraphs, captions; markup never prose.

Read with the standard library's `html.parser`, a maintained parser that is forgiving of the
broken markup CMS exports hold and reports where each tag and text run starts. Text is taken
from text nodes only, with its character references decoded (`don&rsquo;t` is one word) and its
place in the file kept (see article.py): a finding points at the word in the file, and a fix is
written only inside one text node. What is never prose: `<script>`, `<style>`, `<code>`, `<pre>`,
`<nav>`, `<template>`, `<svg>`, the document's `<head>` (but its `<title>`), attributes, and
a template language's tags (`{{ page.title }}`, `{% if %}`) in a site's layouts.

Which element is which part: `<h1>` is the headline (the first; `<title>` when there is none);
`<figcaption>` a caption; an element whose class (or `itemprop`) names a standfirst, byline or
caption field (`class="standfirst"`, `class="article-byline"`, the names of the `fields`
configuration) that part; `<address>` a byline; `<h2>`-`<h6>` headings, `<li>` list items,
`<blockquote>` quotations, and any other text a paragraph, ended by the next block's tag.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from html.parser import HTMLParser

import regex

from ...engine.patterns import Lazy
from .article import Builder, Layout

#: Elements whose content is not prose (`head` is, but for its `<title>`).
SKIP = frozenset("script style template noscript svg math code pre nav textarea select button iframe object".split())
#: Elements that start and end a block of text: a paragraph never runs across them.
BLOCK = frozenset(
    "address article aside blockquote body caption dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html li main menu nav ol p pre section summary "
    "table tbody td tfoot th thead title tr ul".split()
)
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
HEADINGS = {f"h{n}": "heading" for n in range(2, 7)}
#: A character reference, as html.unescape finds them (the standard library's own pattern).
CHARREF = Lazy(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")
DIRECTIVE_MARK = "stylelint-news:"
#: A template language's tags (Liquid, Jinja, Go templates, Handlebars), on one line.
TEMPLATE = Lazy(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")


class _Events(HTMLParser):
    """Every event of the parse with where it starts in the text, handled afterwards (a text
    run's extent in the file is known only once the next event starts)."""

    def __init__(self, starts: list[int]) -> None:
        super().__init__(convert_charrefs=True)
        self.starts = starts
        self.events: list[tuple[int, str, str, list[tuple[str, str | None]]]] = []

    def _at(self) -> int:
        line, column = self.getpos()
        return self.starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append((self._at(), "start", tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append((self._at(), "void", tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        self.events.append((self._at(), "end", tag, []))

    def handle_data(self, data: str) -> None:
        self.events.append((self._at(), "data", "", []))

    def handle_comment(self, data: str) -> None:
        self.events.append((self._at(), "comment" if DIRECTIVE_MARK in data else "markup", "", []))

    def handle_decl(self, decl: str) -> None:
        self.events.append((self._at(), "markup", "", []))

    def handle_pi(self, data: str) -> None:
        self.events.append((self._at(), "markup", "", []))

    def unknown_decl(self, data: str) -> None:
        self.events.append((self._at(), "markup", "", []))


def _part_of(tag: str, attrs: list[tuple[str, str | None]], by_name: Mapping[str, str]) -> str | None:
    """The kind of text an element holds, if it says."""
    if tag == "figcaption":
        return "caption"
    if tag in ("h1", "title"):
        return tag
    if tag == "address":
        return "byline"
    for key, value in attrs:
        if key in ("class", "itemprop") and value:
            for token in value.lower().split():
                for name, kind in by_name.items():
                    if token == name or token.endswith(("-" + name, "_" + name)):
                        return kind
    if tag in HEADINGS:
        return "heading"
    if tag in ("li", "dt", "dd"):
        return "list"
    if tag == "blockquote":
        return "quote"
    return None


def _line_starts(text: str) -> list[int]:
    starts = [0]
    i = text.find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    return starts


#: One step of a block's text: ("text", file offset, text), ("escape", file offset, raw length,
#: text) or ("added", file offset, text).
Op = tuple


def _text_node(text: str, start: int, end: int) -> list[Op]:
    """A text node's steps; a template's tags in it (`{{ page.title }}`, `{% if %}`: a site's
    layouts are HTML files too) are code, read as a space."""
    if "{" not in text[start:end]:
        return _decoded(text, start, end)
    ops: list[Op] = []
    pos = start
    for m in TEMPLATE.finditer(text, start, end):
        ops += _decoded(text, pos, m.start())
        ops.append(("added", m.start(), " "))
        pos = m.end()
    return ops + _decoded(text, pos, end)


def _decoded(text: str, start: int, end: int) -> list[Op]:
    """A text node as literal runs and decoded character references, each where it is."""
    raw = text[start:end]
    if not raw:
        return []
    if "&" not in raw:
        return [("text", start, raw)]
    ops: list[Op] = []
    pos = 0
    for m in CHARREF.finditer(raw):
        value = html.unescape(m.group())
        if value == m.group():
            continue  # not a reference html knows: the characters stand as they are
        if m.start() > pos:
            ops.append(("text", start + pos, raw[pos : m.start()]))
        ops.append(("escape", start + m.start(), len(m.group()), value))
        pos = m.end()
    if pos < len(raw):
        ops.append(("text", start + pos, raw[pos:]))
    return ops


def _trimmed(ops: list[Op]) -> list[Op]:
    """A block's steps without the white space at either end (the file keeps it; the block
    starts at its first character)."""
    ops = list(ops)
    while ops and not ops[0][-1].strip():
        ops.pop(0)
    while ops and not ops[-1][-1].strip():
        ops.pop()
    if not ops:
        return ops
    first, last = ops[0], ops[-1]
    if first[0] == "text":
        lead = len(first[2]) - len(first[2].lstrip())
        ops[0] = ("text", first[1] + lead, first[2][lead:])
    last = ops[-1]
    if last[0] == "text":
        ops[-1] = ("text", last[1], last[2].rstrip())
    return ops


def read(text: str, names: Mapping[str, Sequence[str]]) -> Layout:
    """The article an HTML text holds; `names` are the field names (the classes that mark a
    standfirst, byline or caption)."""
    return _compose(blocks(text, names), text)


#: Tags that say a string holds HTML (a CMS's body field, say), not text with a "<" in it.
LOOKS_LIKE_HTML = Lazy(
    r"<(?:p|div|br|h[1-6]|ul|ol|li|blockquote|figure|figcaption|em|strong|b|i|a|span)\b[^<>]*>", regex.IGNORECASE
)


def blocks(text: str, names: Mapping[str, Sequence[str]]) -> list[tuple[str, list[Op]]]:
    """The blocks of text an HTML text holds, in order, each as its kind and its steps (text
    runs, decoded references, added line breaks) at their offsets in `text`."""
    by_name = {
        n.lower(): ("caption" if kind == "captions" else kind)
        for kind in ("standfirst", "byline", "captions")
        for n in names.get(kind, ())
    }
    parser = _Events(_line_starts(text))
    parser.feed(text)
    parser.close()
    events = parser.events
    stack: list[tuple[str, str | None]] = []
    found: list[tuple[str, list[Op]]] = []
    current: list[Op] = []
    current_kind = "paragraph"

    def flush() -> None:
        nonlocal current
        ops = _trimmed(current)
        if ops:
            found.append((current_kind, ops))
        current = []

    for n, (at, event, tag, attrs) in enumerate(events):
        end = events[n + 1][0] if n + 1 < len(events) else len(text)
        if event in ("start", "void", "end"):
            if tag in BLOCK:
                flush()
            if tag == "br" and current:
                current.append(("added", at, "\n"))
            if event == "start" and tag not in VOID:
                if tag == "body":
                    stack = [s for s in stack if s[0] != "head"]
                stack.append((tag, _part_of(tag, attrs, by_name)))
            elif event == "end" and any(t == tag for t, _ in stack):
                while stack and stack.pop()[0] != tag:
                    pass
        elif event == "comment":
            flush()
            found.append(("directive", [("text", at, text[at:end])]))
        elif event == "data":
            tags = [t for t, _ in stack]
            if any(t in SKIP for t in tags) or ("head" in tags and "title" not in tags):
                continue
            kind = next((k for _, k in reversed(stack) if k is not None), "paragraph")
            if kind != current_kind:
                flush()
                current_kind = kind
            current.extend(_text_node(text, at, end))
    flush()
    return found


def _compose(blocks: list[tuple[str, list[Op]]], file_text: str) -> Layout:
    """The article text from the blocks found: the first `<h1>` is the headline (or else the
    first `<title>`), other `<h1>`s are headings, other titles are not prose."""
    h1 = any(kind == "h1" for kind, _ in blocks)
    headline_taken = False
    builder = Builder(file_text, escape=lambda s: html.escape(s, quote=False))
    for kind, ops in blocks:
        if kind == "title" and (h1 or headline_taken):
            continue  # the page's title, when the article has a headline of its own
        if kind in ("h1", "title"):
            kind = "heading" if headline_taken else "headline"
            headline_taken = True
        builder.begin(ops[0][1])
        for op in ops:
            if op[0] == "text":
                builder.literal(op[1], op[2])
            elif op[0] == "escape":
                builder.escaped(op[1], op[2], op[3])
            else:
                builder.added(op[2], op[1])
        builder.end(kind)
    return builder.layout()
