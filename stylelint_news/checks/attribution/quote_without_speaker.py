"""A002: a direct quotation that no one is said to have said."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ...engine.context import Context
from ...engine.patterns import Lazy
from ...finding import Finding
from ...language.wordlists import reporting_verbs, verb_forms
from ...rule import Rule
from ...text.document import Document, Span
from .cues import CALENDAR, alternation

# -- quotes with no speaker ------------------------------------------------------------------
#: Words that say a quotation has a source: every reporting verb of speech, the verbs that
#: introduce other kinds of quoted words (a post, a song, a sign, a title), and the nouns and
#: phrases of attribution ("in a statement", "a spokeswoman").
QUOTING = (
    "tweet",
    "tweets",
    "tweeted",
    "post",
    "posts",
    "posted",
    "call",
    "calls",
    "called",
    "joke",
    "jokes",
    "joked",
    "laughed",
    "shouted",
    "cried",
    "sang",
    "sings",
    "read",
    "reads",
    "quoted",
    "quotes",
    "titled",
    "entitled",
    "headlined",
    "dubbed",
    "believes",
    "thinks",
    "say",
    "said:",
    "says:",
    "added:",
    "wrote:",
)
ATTRIBUTING = (
    r"according\s+to",
    r"in\s+a\s+statement",
    r"told\s+reporters",
    r"put\s+it",
    r"puts\s+it",
    r"pointed\s+out",
    r"went\s+on",
    "statement",
    "interview",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "slogan",
    "motto",
    "message",
    "words",
    "phrase",
    "letter",
    "report",
    "speech",
    "memo",
    "email",
    "e-mail",
    "tweet",
    "post",
    "note",
    "blog",
)
SPEECH = Lazy(
    r"(?<![\p{L}-])"
    + alternation(
        [
            *verb_forms((v.base for v in reporting_verbs().values() if v.kind == "speech"), ["past", "third"]),
            *QUOTING,
            *ATTRIBUTING,
        ]
    )
    + r"(?![\p{L}-])",
    regex.IGNORECASE,
)

#: Verbs of saying proper: a paragraph of quotation continues the words of the paragraph before
#: only if someone spoke there ("called for a meeting" is not speech).
SPOKE = (
    "say",
    "tell",
    "add",
    "ask",
    "explain",
    "insist",
    "argue",
    "claim",
    "warn",
    "stress",
    "admit",
    "note",
    "write",
    "reply",
    "continue",
    "declare",
    "announce",
)
SAID = Lazy(
    r"(?<![\p{L}-])"
    + alternation(
        [
            *verb_forms(SPOKE, ["past"]),
            "says",
            r"according\s+to",
            r"in\s+a\s+statement",
            "spokesman",
            "spokeswoman",
            "spokesperson",
        ]
    )
    + r"(?![\p{L}-])",
    regex.IGNORECASE,
)
MIN_QUOTE_WORDS = 8

#: Paragraphs back that a speaker stays the speaker: a feature quotes one person across several
#: paragraphs of narrative ("Attitudes have also changed. \u201cFor many years ...\u201d").
SPEAKER_REACH = 4

#: A speaker after the quotation: a comma, then a subject and its verb ("..., it found.", ",\u201d she
#: added"), or a source after a dash ("\u2014 CBC.ca, August 15").
AFTER_QUOTE = Lazy(
    r"(?:,[\"\u201d\u2019']?|[\"\u201d\u2019'],)[ \t]*(?:(?i:it|he|she|they|we)|I|\p{Lu}[\p{L}.'\u2019-]+(?:[ \t]+\p{Lu}[\p{L}.'\u2019-]+)*)"
    r"[ \t]+\p{Ll}+\b|[.!?]?[\"\u201d\u2019']?[ \t]*[\u2014\u2013-][ \t]*\S"
)

#: Someone who could be speaking: a personal pronoun, or a name (two capitalised words, or a
#: capitalised word that is not the first of its sentence).
SPEAKER = Lazy(
    r"(?<![\p{L}-])(?:(?i:he|she|they|we|him|her|them|his|their)|I)(?![\p{L}-])"
    r"|(?<=[\p{Ll},;] )\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+"
)

QUOTE_MARKS = "\"“”‘’'"


def _speaker(text: str) -> bool:
    """Whether a stretch of prose names someone who could be speaking (days and months cannot)."""
    return any(m.group().split()[0].lower() not in CALENDAR for m in SPEAKER.finditer(text))


class QuoteWithoutSpeaker(Rule):
    code = "A002"
    level = "info"
    name = "quote-without-speaker"
    summary = "A direct quotation that no one is said to have said."
    what = (
        'Flags a quotation of a sentence or more with no verb of saying or "according to" in its '
        "paragraph, unless the paragraph is a quotation continuing a speaker from the paragraph "
        "before. Scare quotes of a few words are not quotations and pass."
    )
    why = "A quotation without a speaker cannot be checked, and readers cannot weigh it."
    bad = 'The council met on Monday.\n\n"This is the worst budget we have seen in twenty years of local government."'
    good = (
        "The council met on Monday.\n\n"
        '"This is the worst budget we have seen in twenty years of local government," said the opposition leader, Tom Hale.'
    )
    fix_safety = "No fix: only the reporter knows who said it."

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        prose = doc.prose
        blocks = doc.paragraphs
        for n, block in enumerate(blocks):
            quotes = doc.quotes_in(block.start, block.end)
            sentences = [q for q in quotes if self._is_sentence(prose, q)]
            if not sentences:
                continue
            outside = self._outside(prose, block.start, block.end, quotes)
            if ":" in outside or SPEECH.search(outside) or _speaker(outside):  # the cheap test first
                continue
            if any(AFTER_QUOTE.match(prose, q.end - (prose[q.end - 1] == ",")) for q in sentences):
                continue  # the speaker follows the quotation: "..., it found."
            if n > 0 and prose[block.start] in QUOTE_MARKS and self._speaker_before(doc, blocks[n - 1]):
                continue  # a paragraph that goes on with the last speaker's words
            if any(SAID.search(prose, b.start, b.end) for b in blocks[max(0, n - SPEAKER_REACH) : n]):
                continue  # a feature's speaker, named a few paragraphs before
            q = sentences[0]
            yield self.report(
                doc,
                max(block.start, q.start - 1),
                q.end + 1 if q.end < block.end else q.end,
                "quotation with no speaker: who said this? Add the speaker or a verb of saying",
            )

    @staticmethod
    def _is_sentence(prose: str, q: Span) -> bool:
        """A quotation of a sentence or more: it starts with a capital and runs to several words
        (a lowercase start is a fragment woven into the writer's sentence, a scare quote)."""
        text = prose[q.start : q.end].lstrip(" '\"‘“…")
        return text[:1].isupper() and len(text.split()) >= MIN_QUOTE_WORDS

    @staticmethod
    def _outside(prose: str, start: int, end: int, quotes: list[Span]) -> str:
        parts, pos = [], start
        for q in quotes:
            parts.append(prose[pos : max(pos, q.start)])
            pos = max(pos, q.end)
        parts.append(prose[pos:end])
        return " ".join(parts)

    @staticmethod
    def _speaker_before(doc: Document, block) -> bool:
        quotes = doc.quotes_in(block.start, block.end)
        text = QuoteWithoutSpeaker._outside(doc.prose, block.start, block.end, quotes)
        return bool(quotes) or bool(SAID.search(text)) or _speaker(text)
