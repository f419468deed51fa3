"""The `leftover` rule type: lines and paragraph tails a scrape or a CMS left in the body (D004).

A leftover is known by its shape more than by its words: a short line of its own between
paragraphs that holds no sentence of the story and speaks the page's language rather than the
news's. The shapes: a label line ("Headline: ...", "Gallery: ..."), a prompt that addresses the
reader about the page ("Please adhere to our commenting policy", "% of readers think this story
is Fact. Add your two cents."), a marker of the page's furniture ("Story continues below
advertisement"), a short call to action with no closing punctuation, a caption or credit, a
headline stranded after a leftover. The vocabularies of those kinds (the labels, the page's words,
the words that address the reader) and a few exact phrases ship as data
(rules/scrape-leftovers.toml), so a newsroom can add its own CMS's.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import regex

from ..engine.context import Context
from ..engine.patterns import Lazy
from ..finding import Edit, Finding
from ..hookspecs import hookimpl
from ..text.document import Document, Span
from .rule import PackRule, compile_pattern, render, strings

CLOSING = Lazy(r"[.!?:;\"”’')\]]\s*$")

TITLE_LIKE = Lazy(r"^[\p{Lu}\p{N}\"“‘'][^\n]{10,160}$")

SENTENCE_END = Lazy(r"[.!?][\"”’')\]]*\s+")

#: A label line: one to three words and a colon, then its value ("Headline: ...", "Filed under:").
LABEL = Lazy(r"[ \t]*((?:[\p{L}'’&]+[ \t]+){0,2}[\p{L}'’&]+)[ \t]*:(?:[ \t]|$)")

#: Where a line's sentences part (a prompt is often a question and an order: "Already a
#: subscriber? Log in").
SENTENCES = Lazy(r"(?<=[.!?])\s+")

#: The words of a line, lowercase, for the vocabularies.
LINE_WORDS = Lazy(r"[\p{L}’'-]+")

QUOTE_MARKS = frozenset('"“”‘’')

#: A marker of the page's furniture is this short at most ("Story continues below advertisement").
MARKER_WORDS = 8

#: The last of them, searched for from the end of the line (the parts cannot trade characters,
#: so the match ends where the last forward match would).
LAST_SENTENCE_END = Lazy(r"(?r)[.!?][\"”’')\]]*\s+")


class Leftover(PackRule):
    """The `leftover` rule type: lines and paragraph tails a scrape or a CMS left in the body."""

    type_name = "leftover"
    fix_safety = (
        "No fix for a whole line (delete it by hand); a leftover at the end of a paragraph has an unsafe "
        "fix that deletes it, as the editor should see where the paragraph now ends."
    )
    type_keys = frozenset({"lines", "suffixes", "captions", "actions", "max-words", "labels", "page-words", "address"})

    def __init__(self, table: Mapping[str, Any], where: str) -> None:
        super().__init__(table, where)
        self.lines = self._any_of(table, "lines")
        self.suffixes = self._any_of(table, "suffixes")
        self.captions = self._any_of(table, "captions")
        self.actions = frozenset(a.lower() for a in strings(table, "actions"))
        self.labels = frozenset(a.lower() for a in strings(table, "labels"))
        self.page_words = frozenset(a.lower() for a in strings(table, "page-words"))
        self.address = frozenset(a.lower() for a in strings(table, "address"))
        self.max_words = int(table.get("max-words", 12))
        render(self.message, match="x")

    def _any_of(self, table: Mapping[str, Any], key: str) -> regex.Pattern | None:
        """One alternation for a whole list, so a line is tried once, not once a pattern: "any of
        them matches (or is found in) the line" is the same test. Each pattern is checked on its
        own first, so a bad one is named."""
        listed = strings(table, key)
        for pattern in listed:
            compile_pattern(pattern, self.ignore_case, key)
        return compile_pattern("|".join(f"(?:{p})" for p in listed), self.ignore_case, key) if listed else None

    def _kind(self, text: str) -> str | None:
        """Why a whole line is a leftover, or None."""
        bare = text.strip().rstrip(" .…:»>→|-–—")
        if self.lines is not None and self.lines.fullmatch(bare):
            return "line"
        words = text.split()
        if len(words) <= 2 * self.max_words and self.captions is not None and self.captions.search(text):
            return "caption"  # a credit at the end of a long sentence is attribution, not a caption
        if (
            len(words) <= self.max_words
            and not CLOSING.search(text)
            and words
            and words[0].lower().strip("\"“‘'") in self.actions
        ):
            return "action"
        return self._shape(text, words)

    def _shape(self, text: str, words: list[str]) -> str | None:
        """A leftover known by its shape: a label line, a prompt to the reader about the page, or
        a marker of the page's furniture. None for anything with a quotation in it (a quote is
        the story's, whatever its words) or longer than a short paragraph."""
        if not words or len(words) > 2 * self.max_words or not QUOTE_MARKS.isdisjoint(text):
            return None
        label = LABEL.match(text)
        if label is not None and self.labels.intersection(label.group(1).lower().split()):
            return "label"  # "Headline: Council backs plan", "Filed under: Politics"
        vocabulary = [w.lower() for w in LINE_WORDS.findall(text)]
        page = sum(1 for w in vocabulary if w in self.page_words)
        addressed = self.address.intersection(vocabulary)
        if page >= 2 - ("please" in addressed) and addressed:
            return "prompt"  # "Please adhere to our commenting policy", "... this story ... Add your two cents."
        if (
            page
            and len(words) <= self.max_words
            and any(s.split()[0].lower() in self.actions for s in SENTENCES.split(text) if s.split())
        ):
            return (
                "prompt"  # a sentence that tells the reader what to do with the page: "Enjoyed this story? Share it."
            )
        if page >= 2 and len(words) <= MARKER_WORDS and not CLOSING.search(text):
            return "marker"  # "Story continues below advertisement"
        return None

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        prose = doc.prose
        blocks = doc.blocks
        for index, block in enumerate(blocks):
            after_leftover = False
            lines = block.lines
            for n, line in enumerate(lines):
                text = prose[line.start : line.end]
                kind = self._kind(text)
                if (
                    kind is None
                    and after_leftover
                    and TITLE_LIKE.match(text)
                    and not CLOSING.search(text)
                    and n + 1 == len(lines)
                    and not SENTENCE_END.search(text)
                ):
                    kind = "stranded headline"
                if kind is not None:
                    after_leftover = True
                    yield self.report(doc, line.start, line.end, render(self.message, match=_clip(text)))
                    continue
                after_leftover = False
                yield from self._tail(doc, line)
            # a related headline may stand as its own block right after a leftover block
            if after_leftover:
                nxt = blocks[index + 1] if index + 1 < len(blocks) else None
                if nxt is not None and len(nxt.lines) == 1:
                    text = prose[nxt.start : nxt.end]
                    if (
                        self._kind(text) is None
                        and TITLE_LIKE.match(text)
                        and not CLOSING.search(text)
                        and len(text.split()) <= 20
                        and not SENTENCE_END.search(text)
                    ):
                        yield self.report(doc, nxt.start, nxt.end, render(self.message, match=_clip(text)))

    def _tail(self, doc: Document, line: Span) -> Iterator[Finding]:
        """A leftover appended to the end of a paragraph: "... security. Read the full article at X"."""
        prose = doc.prose
        text = prose[line.start : line.end]
        last = LAST_SENTENCE_END.search(text)
        if last is None:
            return
        cut = last.end()
        tail = text[cut:]
        if len(tail.split()) > self.max_words:
            return
        if (self.suffixes is not None and self.suffixes.match(tail)) or self._kind(tail) == "line":
            yield self.report(
                doc,
                line.start + cut,
                line.end,
                render(self.message, match=_clip(tail)),
                edits=[Edit(line.start + cut - (len(text[:cut]) - len(text[:cut].rstrip())), line.end, "")],
                safe=False,
            )


def _clip(text: str, width: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


@hookimpl
def stylelint_news_rule_types():
    return {"leftover": Leftover}
