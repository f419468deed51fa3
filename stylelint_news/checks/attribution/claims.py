"""What A001 reads of the grammar around a weasel phrase: is the vague group the subject of its
verb, does the verb introduce a claim, and does an agentless passive report one.

A phrase list cannot tell "Critics say the plan will fail" from "a poll of 1,313 people suggests"
or "if it is held, as expected, on 5 May"; the clause around the phrase can.
"""

from __future__ import annotations

from functools import cache

import regex

from ...engine.patterns import Lazy
from ...text.document import Document
from .cues import TOKEN_BEFORE, sentence_index

#: Modals that make a claim hypothetical: "many would argue", "some might say".
HYPOTHETICAL = frozenset({"would", "could", "might", "may"})

#: Words after which a noun phrase begins a clause of its own: a coordinator or a subordinator
#: ("but critics say", "although many believe"), or an adverb that opens a sentence.
CLAUSE_OPENERS = frozenset(
    "and but or so yet that while whilst although though as because since when whereas where which what who now today "
    "still also however indeed meanwhile instead yesterday".split()
)

#: After an agentless passive, what makes it report no claim: punctuation, or a preposition or
#: particle of the verb's other sense ("it has been held in storage", "if it is held, as
#: expected"); a clause, "that" or "to" after it report one ("it is understood no deal was made").
NOT_CLAIM_AFTER = Lazy(
    r"[ \t]*(?:[,;:)\]]|[.!?]|$|(?:in|on|at|by|for|with|from|into|under|over|until|since|during|after|before|up|down|"
    r"out|off|back|away|responsible|liable|accountable|captive|hostage)\b)",
    regex.IGNORECASE,
)

#: Words after a verb of thinking that make it no claim: "think of trees", "believe in God".
NOT_A_CLAIM = frozenset({"of", "about", "in", "so", "otherwise", "twice"})

#: A claim is a clause: this many words at least after the verb ("most people think they are."
#: states a misconception, it sources nothing).
MIN_CLAIM_WORDS = 4

#: A finding of a survey, a poll or a study: "Opinion polls show ... But many also say".
SURVEYED = Lazy(r"\b(?:polls?|polled|surveys?|surveyed|questionnaires?|respondents)\b", regex.IGNORECASE)

PERCENT = Lazy(r"\d\s*%|\bper\s*cent\b", regex.IGNORECASE)


def subject_position(prose: str, start: int, function_words: frozenset[str]) -> bool:
    """Whether a noun phrase at `start` begins a clause, so it can be the subject of the verb
    after it: at the start of a block or sentence, after a comma, a colon, a dash or an opening
    quote, or after a word that opens a clause ("but critics say"); not inside another phrase
    ("a poll of 1,313 people suggests", "many of the people say")."""
    before = TOKEN_BEFORE.search(prose, max(0, start - 40), start)
    if before is None:
        return True
    token = before.group(1)
    if token[-1:] in ".,;:!?—–-(“\"‘'" or not token[-1:].isalnum():
        return True
    return token.lower() in CLAUSE_OPENERS


def claims(doc: Document, m: regex.Match) -> bool:
    """Whether the verb introduces a claim: a clause of some words follows ("think of" does not),
    and it is no survey's finding (a poll or a study named in the sentence or the one before, or
    one the article reports figures from: "In Britain, people think that 43% ...")."""
    prose = doc.prose
    i = sentence_index(doc, m.start())
    if i is None:
        return True
    sentence = doc.sentences[i]
    after = prose[m.end("phrase") : sentence.end].split()
    if after and after[0].lower().strip(",") in NOT_A_CLAIM:
        return False
    if len(after) < MIN_CLAIM_WORDS and not parenthetical(prose, m.start("phrase")):
        return False
    previous = doc.sentences[i - 1] if i > 0 else sentence
    if SURVEYED.search(prose, previous.start, sentence.end):
        return False
    return not (PERCENT.search(prose, m.end("phrase"), sentence.end) and SURVEYED.search(prose, 0, sentence.start))


def parenthetical(prose: str, start: int) -> bool:
    """Whether the source stands after a comma or a dash, attributing the words around it: "too
    much, critics argue - into enforcement", "a British suspect plans to sue, it is reported"."""
    before = prose[max(0, start - 3) : start].rstrip()
    return before[-1:] in (",", "-", "–", "—", "(")


def passive_claim(prose: str, start: int, end: int) -> bool:
    """Whether an agentless passive reports a claim: a clause, "that" or "to" follows it, or it
    attributes the sentence before it (", it has been reported."); not the verb's other sense
    ("it has been held in storage since")."""
    return parenthetical(prose, start) or not NOT_CLAIM_AFTER.match(prose, end)


def known_group(doc: Document, m: regex.Match, professions: frozenset[str]) -> bool:
    """Whether a bare profession names a group the article presents elsewhere ("the scientists
    write in Nature", "researchers at Stanford"): "Scientists believe" then refers back to them.
    Counted groups ("some scientists believe") are never known."""
    noun = m.group("noun").lower()
    if m.group("q") or noun not in professions:
        return False
    return bool(_known_group_pattern(noun).search(doc.prose))


@cache
def _known_group_pattern(noun: str) -> Lazy:
    """A profession as a group the article presents: "the scientists", "the researchers'",
    "scientists at Stanford", "Nasa scientists"."""
    return Lazy(
        rf"\b(?i:the\s+{noun}\b|{noun}\s+(?:at|from|with|led\s+by|behind|who\s+(?:carried|conducted|led|ran|did))\b)"
        rf"|\b\p{{Lu}}[\p{{L}}'’]*\s+(?i:{noun})\b"
    )
