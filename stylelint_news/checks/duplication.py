"""Duplication (D): what a feed, a CMS or a copy-paste left behind.

A repeated headline, a repeated lead, a repeated paragraph or long sentence, and scrape
leftovers ("Read more", captions, a related article's headline stranded in the body). The
phrases for leftovers ship as a TOML pack (rules/scrape-leftovers.toml) of the `leftover` rule
type defined here, so a newsroom can add its own CMS's phrases; the structural signals need no
list.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import regex

from .. import patterns
from ..document import Block, Document, Span
from ..finding import Edit, Finding
from ..hookspecs import hookimpl
from ..rule import Context, Rule
from ..similarity import (
    ShingleIndex,
    changed_words,
    dice,
    normalise,
    shingles,
    tokens,
    tokens_of,
    trigrams,
)
from .packs import PackRule, _strings, compile_pattern, render

#: Share of the shorter paragraph's shingles the longer must hold to be a candidate copy.
CONTAINED = 0.6
#: Share of the shorter paragraph's words that may differ in a copy (one word, at least):
#: a second draft changes a word; a templated list ("- Name, Outlet: Film - ...") changes names.
MAX_CHANGED = 0.08
#: Fewest shingles (about words - 2) for a paragraph to be compared at all.
MIN_SHINGLES = 8
#: Fewest words for a sentence to count as a repeat on its own.
MIN_SENTENCE_WORDS = 14
HEADLINE_SIMILAR = 0.85


SPACE_AFTER = patterns.compile(r"[ \t\r\n]*")


def removal(doc: Document, block: Block) -> Edit:
    """An edit deleting a block with the blank lines that part it from the rest, leaving no gap."""
    text = doc.text
    start = doc.line_starts_at(block.start)
    end = SPACE_AFTER.match(text, block.end).end()
    if end < len(text):  # something follows: take the block and the blank lines after it
        return Edit(start, end, "")
    # the last block: take it and the blank lines before it, so the file ends as it did
    before = start
    while before > 0 and text[before - 1] in " \t\r\n":
        before -= 1
    return Edit(before, block.end, "")


class RepeatedHeadline(Rule):
    code = "D001"
    name = "repeated-headline"
    summary = "The headline appears again in the body."
    what = (
        "Flags a line of the body that is the headline again, exactly or nearly (character "
        "trigrams, so a changed letter or quote mark still matches)."
    )
    why = "A headline pasted into the body is a CMS or copy-paste slip; readers see it twice."
    bad = (
        "# Council backs new library plan\n\nThe council approved the plan on Monday.\n\nCouncil backs new library plan"
    )
    good = "# Council backs new library plan\n\nThe council approved the plan on Monday."

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        headline = doc.headline
        if headline is None or len(tokens_of(headline.text)) < 2:
            return
        said = " ".join(tokens_of(headline.text))
        size = len(said)
        target = None
        for block in doc.blocks:
            for line in block.lines:
                text = normalise(doc.words_in(line.start, line.end).texts)
                if not text or not 0.75 <= len(text) / size <= 1.33:
                    continue
                target = target or trigrams(said)
                if dice(target, trigrams(text)) >= HEADLINE_SIMILAR:
                    line_at = doc.position(headline.start)[0]
                    yield self.report(
                        doc,
                        line.start,
                        line.end,
                        f"repeats the headline (line {line_at}): delete this copy",
                        edits=[removal(doc, block)] if block.lines == [line] else None,
                        safe=False,
                    )


class _Paragraphs:
    """Which paragraph repeats which, computed once per document for D002 and D003."""

    def __init__(self, doc: Document) -> None:
        self.copies: list[tuple[Block, Block, bool]] = []  # (copy, original, nothing new in the copy)
        index = ShingleIndex()
        blocks = doc.paragraphs
        words = [tokens(doc.words_in(b.start, b.end).texts) for b in blocks]
        for j, block in enumerate(blocks):
            fp = shingles(words[j])
            hit = index.best_earlier(fp) if len(fp) >= MIN_SHINGLES else None
            if hit is not None:
                i, shared = hit
                smaller = min(len(fp), len(index.sets[i]))
                if smaller >= MIN_SHINGLES and shared / smaller >= CONTAINED:
                    unmatched = changed_words(words[i], words[j])
                    if unmatched <= max(1, MAX_CHANGED * min(len(words[i]), len(words[j]))):
                        self.copies.append((block, blocks[i], shared / len(fp) >= 0.9))
            index.add(fp)


def _paragraphs(doc: Document) -> _Paragraphs:
    return doc.memo("repeated paragraphs", _Paragraphs)


class RepeatedLead(Rule):
    code = "D002"
    name = "repeated-lead"
    summary = "The lead paragraph appears again later."
    what = (
        "Flags a paragraph that repeats the lead: exactly, with a few words changed, or with "
        'text added ("... Read the full story"). The copy is reported, with the line of the lead.'
    )
    why = "A feed or a second paste often puts the lead in twice; the second one must go."
    marks_copies = True
    bad = (
        "The city council voted on Monday to close three libraries, saying the savings would pay for new street lighting.\n\n"
        "Residents protested outside.\n\n"
        "The city council voted on Monday to close three libraries, saying the savings would pay for new street lighting."
    )
    good = (
        "The city council voted on Monday to close three libraries, saying the savings would pay for new street lighting.\n\n"
        "Residents protested outside the town hall as the vote was taken."
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        lead = doc.lead
        for copy, original, subset in _paragraphs(doc).copies:
            if original is lead:
                line = doc.position(original.start)[0]
                yield self.report(
                    doc,
                    copy.start,
                    copy.end,
                    f"repeats the lead at line {line}: delete this copy",
                    edits=[removal(doc, copy)] if subset else None,
                    safe=False,
                )


class RepeatedParagraph(Rule):
    code = "D003"
    name = "repeated-paragraph"
    summary = "A paragraph, or a long sentence, repeats an earlier one."
    marks_copies = True
    what = (
        "Flags a paragraph whose words are (nearly) all in an earlier paragraph, and a long "
        "sentence that appears twice. The lead has its own rule (D002)."
    )
    why = "A paragraph pasted twice makes the story read as if no one edited it."
    bad = (
        "Intro paragraph of the story.\n\nThe bridge will be closed for six weeks while engineers replace the damaged supports, the council said.\n\n"
        "Drivers are advised to use the ring road.\n\nThe bridge will be closed for six weeks while engineers replace the damaged supports, the council said."
    )
    good = (
        "Intro paragraph of the story.\n\nThe bridge will be closed for six weeks while engineers replace the damaged supports, the council said.\n\n"
        "Drivers are advised to use the ring road."
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        lead = doc.lead
        copies = _paragraphs(doc).copies
        flagged = {copy.start for copy, _, _ in copies}
        for copy, original, subset in copies:
            if original is not lead:
                line = doc.position(original.start)[0]
                yield self.report(
                    doc,
                    copy.start,
                    copy.end,
                    f"repeats the paragraph at line {line}: delete this copy",
                    edits=[removal(doc, copy)] if subset else None,
                    safe=False,
                )
        seen: dict[str, Span] = {}
        for sentence in doc.sentences:
            words = tokens(doc.words_in(sentence.start, sentence.end).texts)
            if len(words) < MIN_SENTENCE_WORDS:
                continue
            key = " ".join(words)
            first = seen.get(key)
            if first is None:
                seen[key] = sentence
                continue
            block_start = doc.blocks[doc.block_at(sentence.start)].start
            if block_start in flagged:
                continue
            line = doc.position(first.start)[0]
            yield self.report(
                doc, sentence.start, sentence.end, f"repeats a sentence from line {line}: delete one of them"
            )


# -- scrape leftovers ------------------------------------------------------------------------

CLOSING = patterns.compile(r"[.!?:;\"”’')\]]\s*$")
TITLE_LIKE = patterns.compile(r"^[\p{Lu}\p{N}\"“‘'][^\n]{10,160}$")
SENTENCE_END = patterns.compile(r"[.!?][\"”’')\]]*\s+")
#: The last of them, searched for from the end of the line (the parts cannot trade characters,
#: so the match ends where the last forward match would).
LAST_SENTENCE_END = patterns.compile(r"(?r)[.!?][\"”’')\]]*\s+")


class Leftover(PackRule):
    """The `leftover` rule type: lines and paragraph tails a scrape or a CMS left in the body."""

    type_name = "leftover"
    type_keys = frozenset({"lines", "suffixes", "captions", "actions", "max-words"})

    def __init__(self, table: Mapping[str, Any], where: str) -> None:
        super().__init__(table, where)
        self.lines = self._any_of(table, "lines")
        self.suffixes = self._any_of(table, "suffixes")
        self.captions = self._any_of(table, "captions")
        self.actions = frozenset(a.lower() for a in _strings(table, "actions"))
        self.max_words = int(table.get("max-words", 12))
        render(self.message, match="x")

    def _any_of(self, table: Mapping[str, Any], key: str) -> regex.Pattern | None:
        """One alternation for a whole list, so a line is tried once, not once a pattern: "any of
        them matches (or is found in) the line" is the same test. Each pattern is checked on its
        own first, so a bad one is named."""
        listed = _strings(table, key)
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
        if self.suffixes is not None and self.suffixes.match(tail) or self._kind(tail) == "line":
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
def stylelint_news_rules():
    return [RepeatedHeadline(), RepeatedLead(), RepeatedParagraph()]


@hookimpl
def stylelint_news_rule_types():
    return {"leftover": Leftover}
