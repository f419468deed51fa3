"""What C001 weighs before it calls a capital stray, and what it says then.

A capital mid-sentence is right far more often than it is wrong, so each judgement here is made
from the sentence's grammar and the article's own usage, never from a list of names:

- Does the capital belong to a name or a title that nothing else marks? A word after a determiner
  is used as a noun ("the Who", "a No vote"); a title follows the kind of work it is ("the show
  Later... With Jools Holland") or asks a question ("Where is the Love?"); a word between
  names in a list is one of them ("Windows 98, Me, NT").
- Is it a function word that no name holds there, although a name is next to it? A preposition
  ends no name ("Luxembourg With five each"), one before a single name starts no title ("a move
  For France"), and a people's adjective before a common noun is no title ("at The Polish
  training centre").
- Does a new sentence start at it? Then a full stop is missing, and lowercasing the word would
  make a run-on sentence ("at high speed They spend").
"""

from __future__ import annotations

from functools import cache

from ...language.inflections import is_past_tense, parts_of_speech
from ...language.people import is_people_adjective
from ...language.wordlists import auxiliaries, closed_class, determiners, read_list, word_class
from ...text.document import Document, Word
from .casing import CONNECTORS, FORWARD_CONNECTORS, Slot

#: Kinds of work, act or body whose name follows them: "the TV programme The OC", "the band The
#: Who", "the consumers' association Which".
WORKS = frozenset(
    """programme program show series sitcom soap documentary drama comedy film movie album single song
    track hit book novel play musical opera magazine newspaper paper game poem painting exhibition title
    band group duo trio act association charity company firm organisation organization website site
    campaign brand label""".split()
)

#: What a word may be followed by, with no space, and still be a word of the sentence.
PLAIN_AFTER = frozenset(" \t\n.,;:!?'\"’”)…-–—")

#: How far ahead a question mark still closes a title that asks ("Where is the Love?").
TITLE_REACH = 6

#: A line of its own this short, all its words capitalised, is a heading.
HEADING_WORDS = 8

#: Endings of agent nouns, the roles before a name ("producer No ID", "rapper The Game").
AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent")

#: Words that join two names in one run of capitals: "England and Real Madrid".
AND = frozenset({"and", "&"})

#: Words that join two conjuncts: "Vertical Limit and Beyond Borders" is a list of titles.
COORDINATORS = frozenset({"and", "or", "nor"})

#: Relative words: after a noun they open a clause of its sentence, never a new sentence.
RELATIVES = frozenset({"which", "who", "whom", "whose"})

#: Verbs that are never finite on their own: "be", "been", "being" need an auxiliary.
NON_FINITE = frozenset({"be", "been", "being"})


def prepositions() -> frozenset[str]:
    return word_class("preposition-only") | word_class("preposition-particle")


def _cap(w: Word | None) -> bool:
    return w is not None and w.text[:1].isupper()


def _lower_word(w: Word | None) -> bool:
    return w is not None and w.text[:1].islower()


def raw_prev(doc: Document, slot: Slot) -> Word | None:
    """The word before, when only spaces part them (even the first word of the sentence, which
    `Slot.prev` drops as no evidence of a name)."""
    j, (lo, _) = slot.index, slot.sentence
    if j <= lo:
        return None
    words = doc.words
    return words[j - 1] if not doc.prose[words.ends[j - 1] : words.starts[j]].strip() else None


def titled(doc: Document, slot: Slot) -> bool:
    """Whether the capital belongs to a name or a title that its neighbours alone do not show."""
    prose, w = doc.prose, slot.word
    after = prose[w.end : w.end + 1]
    if after and after not in PLAIN_AFTER:
        return True  # part of a token the splitter cut: "Ever[Crack]", "Me&You"
    if after in ("?", "!") or _asks(doc, slot):
        return True  # a title that asks or exclaims: "Which?", "Where is the Love?"
    prev = raw_prev(doc, slot)
    if prev is not None and prev.text.islower():
        if prev.text in WORKS and w.text.lower() not in auxiliaries():
            return True  # a title after the kind of work it names: "the sitcom The Office" (not "the game Has")
        if _cap(slot.next) and prev.text.endswith(AGENT_ENDINGS) and parts_of_speech(prev.text) == "n":
            return True  # a name after a role: "producer No ID", "rapper The Game"
    if prev is not None and determiners().get(prev.text.lower()) == "article":
        tags = parts_of_speech(w.text.lower())
        if "a" not in tags and "n" not in tags:
            return True  # a function word used as a noun is a name: "the Who", "a No vote"
    return _listed(doc, slot) or _quoted_title(doc, slot) or _heading_line(doc, slot)


def _asks(doc: Document, slot: Slot) -> bool:
    """A title that asks: a question mark within a few words, with a capital among them and
    nothing but spaces between them ("Where is the Love? - picked up")."""
    words, prose = doc.words, doc.prose
    j, (_, hi) = slot.index, slot.sentence
    capital = False
    for k in range(j + 1, min(hi, j + 1 + TITLE_REACH)):
        if prose[words.ends[k - 1] : words.starts[k]].strip():
            return False
        capital = capital or words.texts[k][:1].isupper()
        if prose[words.ends[k] : words.ends[k] + 1] in ("?", "!"):
            return capital
    return False


def _listed(doc: Document, slot: Slot) -> bool:
    """One of a list of names, between commas: "Windows 98, Me, NT and XP"."""
    words, prose = doc.words, doc.prose
    j, (lo, hi) = slot.index, slot.sentence
    if j - 1 < lo or j + 1 >= hi:
        return False
    before, after = prose[words.ends[j - 1] : words.starts[j]], prose[slot.word.end : words.starts[j + 1]]
    if before.strip() != "," or after.strip() not in (",", ""):
        return False
    return all(t[:1].isupper() or t[:1].isdigit() for t in (words.texts[j - 1], words.texts[j + 1]))


def _heading_line(doc: Document, slot: Slot) -> bool:
    """A heading inside the body of a plain-text article: a short line of its own, every word
    capitalised but the connectors, and no full stop ("About Us:", "Where The Money Goes")."""
    prose, w = doc.prose, slot.word
    a, b = prose.rfind("\n", 0, w.start) + 1, prose.find("\n", w.end)
    line = prose[a : b if b >= 0 else len(prose)].strip()
    texts = doc.words_in(a, a + len(prose[a:].split("\n", 1)[0])).texts
    return (
        0 < len(texts) <= HEADING_WORDS
        and not line.endswith((".", "!", "?", ","))
        and all(t[:1].isupper() or t[:1].isdigit() or t in CONNECTORS for t in texts)
    )


def _quoted_title(doc: Document, slot: Slot) -> bool:
    """A short quotation in title case, most of its words capitalised: the study "Whose Secretary
    are You, minister" is a title, and its capitals are the title's."""
    quote = doc.in_quote(slot.word.start)
    if quote is None:
        return False
    texts = doc.words_in(quote.start, quote.end).texts
    if not 2 < len(texts) <= 12:
        return False
    return sum(1 for t in texts if t[:1].isupper()) * 2 > len(texts)


def stray_beside_name(doc: Document, slot: Slot) -> bool:
    """Whether a function word next to a capitalised word is still no part of a name."""
    lower = slot.word.text.lower()
    prev, nxt, after = raw_prev(doc, slot), slot.next, slot.after
    title_goes_on = _lower_word(nxt) and nxt.text in FORWARD_CONNECTORS and _cap(after)  # type: ignore[union-attr]
    if determiners().get(lower) in ("article", "possessive") and _lower_word(nxt) and not title_goes_on:
        return True  # an article wants its noun, and no name ends in one: "for The last"
    if (
        lower in word_class("preposition-only")
        and _cap(prev)
        and _proper(prev.text)  # type: ignore[union-attr]
        and _lower_word(nxt)
        and not title_goes_on
        and _starts_noun_phrase(nxt)
    ):
        return True  # a name does not end in a preposition: "Luxembourg With five each"
    if (
        lower in prepositions()
        and _lower_word(prev)
        and prev.text not in COORDINATORS  # type: ignore[union-attr]
        and _cap(nxt)
        and _names_no_title(doc, slot)
    ):
        return True  # a preposition before a name starts no title: "a move For France"
    return (
        lower == "the"
        and nxt is not None
        and is_people_adjective(nxt.text)
        and _lower_word(after)
        and after.text not in WORKS  # type: ignore[union-attr]
        and "n" in parts_of_speech(after.text)  # type: ignore[union-attr]
    )  # a people's adjective before a common noun: "at The Polish training centre"


def _capital_run(doc: Document, slot: Slot, joiners: frozenset[str]) -> tuple[list[str], int]:
    """The capitalised words that follow the slot's word with only spaces and the given joining
    words between them ("England and Real Madrid", "Gulf of Suez"), and the index of the word
    after them."""
    words, prose = doc.words, doc.prose
    j, (_, hi) = slot.index, slot.sentence
    k, capitals = j + 1, []
    while k < hi and not prose[words.ends[k - 1] : words.starts[k]].strip():
        text = words.texts[k]
        if text[:1].isupper():
            capitals.append(text)
        elif not (text in joiners and k + 1 < hi and words.texts[k + 1][:1].isupper()):
            break
        k += 1
    return capitals, k


def _names_no_title(doc: Document, slot: Slot) -> bool:
    """Whether the capitals after the word name something rather than make a title with it: a
    single capitalised word ("From Freescale."), or names joined by "and" that begin with a
    proper noun ("For England and Real Madrid striker"); not a title of common words ("In Good
    Company", "Of Mice and Men"), one with a capitalised function word ("About A Boy"), one
    that asks, or one before the kind of work it is ("To Vima newspaper")."""
    capitals, k = _capital_run(doc, slot, AND)
    words, (_, hi) = doc.words, slot.sentence
    end = words.ends[k - 1]
    if doc.prose[end : end + 1] in ("?", "!") or (k < hi and words.texts[k] in WORKS):
        return False
    if any(t.lower() in closed_class() for t in capitals):
        return False
    return len(capitals) == 1 or _proper(capitals[0])


def before_body_or_place(doc: Document, slot: Slot) -> bool:
    """Whether "The" stands before the name of a place, a body or an event, which news style
    never opens with a capital "The": two or more capitalised words, one of them (after the
    first, or the first before "of") a generic head ("The Czech Republic", "The Qatar Open", "The
    Gulf of Suez"), and no capitalised function word (a title: "The Bank Job" is two words, but
    "Knights Of The Old Republic" has "Of")."""
    prev = raw_prev(doc, slot)
    if slot.word.text != "The" or not _lower_word(prev) or not _cap(slot.next):
        return False
    capitals, _ = _capital_run(doc, slot, AND | {"of"})
    if len(capitals) < 2 or any(t.lower() in closed_class() for t in capitals):
        return False
    heads = name_heads()
    first_of = slot.index + 2 < len(doc.words) and doc.words.texts[slot.index + 2] == "of"
    return any(t.lower() in heads for t in capitals[1:]) or (first_of and capitals[0].lower() in heads)


@cache
def name_heads() -> frozenset[str]:
    """data/name_heads.txt: the nouns that say a name is of a place, a body or an event."""
    return read_list("name_heads.txt")


def _proper(word: str) -> bool:
    """A capitalised word that is a name in its own right, not a common word of a title: no
    dictionary lists it in lowercase ("Luxembourg", "Auschwitz"; not "Making", "Warrior")."""
    return not parts_of_speech(word.lower()) and word.lower() not in closed_class()


def _starts_noun_phrase(w: Word | None) -> bool:
    """A word that can open the noun phrase a preposition takes: a determiner, a number, an
    adjective or a noun (not a verb: "Warrior Within is a game")."""
    if w is None:
        return False
    text = w.text.lower()
    if text[:1].isdigit() or text in determiners() or text in word_class("numeral"):
        return True
    if text in closed_class():
        return text in ("some", "many", "most", "more", "all", "both", "each", "every", "no", "other", "another")
    tags = parts_of_speech(text)
    return bool(tags) and ("a" in tags or "n" in tags) and "x" not in tags


def clause_break(doc: Document, slot: Slot) -> str:
    """Whether a sentence seems to start at the capital: "missing" when the words before it make
    a clause that can end there and the words from it one of their own, its full stop missing ("at
    high speed They spend"); "maybe" when only the words from it do (lowercasing the word could
    still make a run-on sentence: "- Possible help for pensioners The stamp duty rise is"); ""
    when no sentence can start there ("a move For France", "collide with The Czech")."""
    words, prose = doc.words, doc.prose
    j, (lo, hi) = slot.index, slot.sentence
    if j <= lo:
        return ""
    gap = prose[words.ends[j - 1] : words.starts[j]].strip()
    if gap not in ("", ",", '"', "”", "’", ")", ",”", "”,", ",’"):
        return ""
    prev = words.texts[j - 1]
    lower_prev = prev.lower()
    if prev.islower() and lower_prev in closed_class() and lower_prev not in word_class("clause-final"):
        return ""  # "collide with The Czech": the clause goes on
    lower = slot.word.text.lower()
    if lower in auxiliaries() or lower in RELATIVES:
        return ""  # "Microsoft Has unveiled", "the mayor, Which the council elected": no new sentence
    connective = lower in word_class("connective") and prose[slot.word.end : slot.word.end + 1] == ","
    if not (connective or _finite(doc, j, hi)):
        return ""
    return "missing" if _finite(doc, lo, j) else "maybe"


def _finite(doc: Document, a: int, b: int) -> bool:
    """Whether words [a, b) hold a finite verb of their own clause, before any subordinator (a
    verb after "when" or "who" belongs to another clause): an auxiliary, a past tense, a verb in
    -s, or any verb right after a subject pronoun ("They spend")."""
    texts = doc.words.texts
    aux, sub, subjects = auxiliaries(), word_class("subordinator"), word_class("subject")
    for k in range(a, b):
        t = texts[k].lower()
        if k > a and t in sub:
            return False
        if t in aux and t not in NON_FINITE:
            return True
        if k == a:
            continue
        before = texts[k - 1].lower()
        tags = parts_of_speech(t)
        if before in subjects and "v" in tags:
            return True
        if (
            before not in aux
            and before not in determiners()
            and (is_past_tense(t) or (t.endswith("s") and "v" in tags and "n" not in tags))
        ):
            return True  # "the High Court ruled", "The EC says"
    return False
