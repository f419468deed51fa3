"""A003: a person named by surname alone, never named in full before."""

from __future__ import annotations

from collections.abc import Iterator

from ...engine.context import Context
from ...engine.patterns import Lazy
from ...finding import Finding
from ...language.inflections import parts_of_speech
from ...language.lexicon import zipf
from ...language.people import (
    TITLE_WORDS,
    census_first_names,
    full_namings,
    initialled_namings,
    is_given_name_only,
    is_person_name,
    is_slip_of,
    surname_rank,
)
from ...language.wordlists import closed_class, honorifics_before, verb_forms
from ...rule import Rule
from ...text.document import Document
from .cues import CALENDAR, TOKEN_BEFORE, Cued, alternation, alternatives, cue_windows

#: The titles that stand before a surname ("Mr Okafor", not "Sir Keir"), with or without a full stop.
HONORIFIC = alternation(honorifics_before("surname")) + r"\.?"
#: The verbs that follow a speaker's name: "Okafor said", "Okafor has argued", "Okafor believes".
SPEAKING = (
    "say",
    "tell",
    "add",
    "argue",
    "explain",
    "insist",
    "warn",
    "claim",
    "stress",
    "admit",
    "note",
    "write",
    "ask",
    "reply",
    "believe",
    "think",
    "agree",
    "deny",
    "confirm",
    "announce",
)
SAYING = alternation(verb_forms(SPEAKING, ["past", "third"]))

#: The words that may stand between a name and its verb of saying: "Okafor has said".
SURNAME_AUXILIARIES = "(?:has|had|also|then|later)"

SURNAME_AUXILIARY_WORDS = alternatives(SURNAME_AUXILIARIES)

SURNAME_SAYS = Lazy(
    rf"(?<![\p{{L}}\p{{N}}'’.&-])(?<!&\s)(?:(?P<hon>{HONORIFIC})\s+)?(?P<name>\p{{Lu}}\p{{Ll}}+(?:-\p{{Lu}}\p{{Ll}}+)?)(?=\s+(?:{SURNAME_AUXILIARIES}\s+)?{SAYING}\b)"
    rf"|(?<=\b(?:said|says|added|asked)\s+)(?:(?P<hon2>{HONORIFIC})\s+)?(?P<name2>\p{{Lu}}\p{{Ll}}+)(?=\s*[.,;])"
    rf"|(?<=\baccording\s+to\s+)(?:(?P<hon3>{HONORIFIC})\s+)?(?P<name3>\p{{Lu}}\p{{Ll}}+)(?=\s*[.,;])"
)

#: The words SURNAME_SAYS cannot match without (its verbs and "according"), and how far a match
#: reaches from one: a title, a hyphenated name and "has also" before the verb, or "according
#: to Professor" and a name after it.
SURNAME_CUED = {
    form: [0] for word in (*SAYING.strip("(?:)").split("|"), "according") for form in (word, word.capitalize())
}

SURNAME_REACH = 80


def _may_name(texts: list[str], k: int) -> bool:
    """`fits` for SURNAME_SAYS: a capitalised word that may be a name (not "He") or one of the
    auxiliaries before the verb ("Okafor said", "Okafor has said"), such a word after it ("said
    Okafor", "said Mr Okafor"), or "to" after "according"."""
    before = texts[k - 1] if k else ""
    after = texts[k + 1] if k + 1 < len(texts) else ""
    function_words = closed_class()
    return (
        (before[:1].isupper() and before.lower() not in function_words)
        or before.lower() in SURNAME_AUXILIARY_WORDS
        or (after[:1].isupper() and after.lower() not in function_words)
        or after.lower() == "to"
    )


SURNAME_WINDOW = Cued(SURNAME_SAYS, frozenset(SURNAME_CUED), _may_name, SURNAME_REACH, SURNAME_REACH)

PARAGRAPHS = frozenset({"paragraph", "quote"})

#: Words that introduce a body or a place rather than a person ("security firm Sophos said").
ORG_WORDS = (
    "firm|company|companies|group|maker|makers|retailer|website|site|studio|studios|bank|agency|carrier|airline|"
    "brand|chain|operator|provider|developer|publisher|giant|rival|manufacturer|insurer|lender|regulator|"
    "network|council|club|side|team|town|village|island|city|county|region|association|union|charity|"
    "organisation|organization|outfit|label|broadcaster|newspaper|magazine|channel|service|software|"
    "specialist|consultancy|watchdog|body|institute|university|school|hospital|party"
)

_NAME = r"(?P<w>\p{Lu}\p{Ll}+)"

#: Contexts that mark a capitalised word as a body or a place: "the W", "in W", "security firm
#: W", "W said it", "W, which", "W's shares", "W plc", "W said in a statement".
ORG_CUES = Lazy(
    rf"\b(?i:{ORG_WORDS})\s+{_NAME}\b|\b{_NAME}\s+(?:said|says)\s+in\s+a\s+statement"
    rf"|\b(?i:the|of|in|at|from|to|into|by|for|with|via)\s+{_NAME}\b"
    rf"|\b{_NAME}\s+(?:said|says|added|told)\s+(?:that\s+)?(?:it|its|they|their)\b|\b{_NAME},\s+(?:which|the|a|an)\s"
    rf"|\b{_NAME}\s+\p{{Ll}}+\s+(?:its|their)\s"
    rf"|\b(?i:the|of|in|at|from|to|into|by|for|with|via)\s+\p{{Lu}}\p{{Ll}}+\s+(?:and|&)\s+{_NAME}\b"
    rf"|\b{_NAME}['’]s\s+(?:shares|profits?|sales|board|chief|boss|website|spokesman|spokeswoman|owner|parent)\b"
    rf"|\b{_NAME}\s+(?:Inc|Ltd|plc|Corp|Group|Bank|Council|Party|University|Street|Road|Square|FC|United|City)\b"
)

HONOURED = Lazy(rf"\b{HONORIFIC}\s+(\p{{Lu}}\p{{Ll}}+)")

#: Lowercase particles inside names: "Sandra den Hamer", "Ludwig van Beethoven".
PARTICLES = frozenset("de den der van von da di du le la bin al el ten ter".split())

#: A word this common in lowercase (wordfreq Zipf) is a word or a famous place before it is a
#: surname: "Police said", "Washington has", "Orange added".
COMMON_WORD = 3.3

#: A surname this common (wordfreq Zipf) is a famous place or body first: "Washington said",
#: "Jordan has", "Chelsea added".
FAMOUS = 4.4

#: Census surnames up to this rank are common surnames ("Walsh", "Brennan", "Garcia"): their
#: frequency in wordfreq comes from people so named, not from a word.
COMMON_SURNAME = 2000

#: Below this a capitalised word named once is taken for a person when nothing says otherwise.
RARE_NAME = 2.5


def _common_word(name: str) -> bool:
    """A capitalised word common enough in lowercase to be a word, a place or a body before a
    person ("Police said", "Orange added", "Washington said"); not a common surname that is no
    dictionary word and no first name ("Brennan said", "Garcia told"), however often it is seen."""
    lower = name.lower()
    z = zipf(lower)
    if z < COMMON_WORD:
        return False
    if z >= FAMOUS or parts_of_speech(lower) or name in census_first_names():
        return True
    rank = surname_rank(name)
    return rank is None or rank > COMMON_SURNAME


class SurnameFirstReference(Rule):
    code = "A003"
    level = "info"
    name = "surname-first-reference"
    summary = "A person named by surname alone, never named in full before."
    what = (
        'Flags a person first named by surname alone ("Okafor said", "Mr Okafor said") when the '
        "article has not named them in full before (first name and surname, or a title and "
        'name such as "President Okafor"). Organisations and places ("Ofcom said", "Downing '
        'Street said") pass: a word counts as a person only with evidence, an honorific or a '
        "known first name or surname, and never when the article treats it as a body or a place."
    )
    why = "Readers meet people by full name first; a bare surname leaves them guessing who is speaking."
    bad = "The ferry was late again on Monday.\n\nOkafor said the operator had let passengers down."
    good = "The ferry was late again on Monday.\n\nGrace Okafor, a commuter, said the operator had let passengers down. Okafor said she would complain."
    fix_safety = "No fix: the person's full name must come from the reporter."

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        prose = doc.prose
        headline = doc.headline.text if doc.headline is not None else ""
        done: set[str] = set()
        function_words = closed_class()
        firsts: dict[str, int] = {}

        def introduced(name: str, start: int) -> bool:
            """Named in full before `start` (the headline counts as before everything)."""
            if not firsts:
                firsts.update(full_namings(headline, prose))
                for known, at in initialled_namings(prose).items():
                    firsts[known] = min(at, firsts.get(known, at))
            if firsts.get(name, len(prose) + 1) < start:
                return True
            # "Mrs Abernaty" after "Lindiwe Abernathy": introduced, and misspelt since (T004)
            return any(at < start and is_slip_of(name, known) for known, at in firsts.items())

        for a, b in cue_windows(doc, SURNAME_CUED, [SURNAME_WINDOW], PARAGRAPHS)[0]:
            for m in SURNAME_SAYS.finditer(prose, a, b):
                group = "name" if m.group("name") else "name2" if m.group("name2") else "name3"
                name = m.group(group)
                hon = m.group({"name": "hon", "name2": "hon2", "name3": "hon3"}[group])
                start = m.start(group)
                if (
                    name in done
                    or name in TITLE_WORDS
                    or name.lower() in function_words
                    or name in ctx.words
                    or name.lower() in CALENDAR
                ):
                    continue
                if doc.in_quote(start) is not None:
                    continue
                before = TOKEN_BEFORE.search(prose[max(0, start - 40) : start])
                if not hon and before is not None:
                    word = before.group(1).strip("'\"‘’“”")
                    if word in PARTICLES or (word[:1].isupper() and word.rstrip(",.;:") == word):
                        continue  # part of a longer name: "Grace Okafor said", "Brian 'Head' Welch"
                    if (
                        word.isalpha()
                        and word.islower()
                        and before.group(0).endswith(f"{before.group(1)} ")
                        and _role(word)
                    ):
                        continue  # introduced by a role, as a title: "veteran midfielder Ruvalcaba told"
                done.add(name)
                if introduced(name, start):
                    continue
                if not hon and not self._person(name, prose):
                    continue
                who = f"{hon} {name}" if hon else name
                span_start = (
                    m.start("hon" if group == "name" else "hon2" if group == "name2" else "hon3") if hon else start
                )
                yield self.report(
                    doc,
                    span_start,
                    m.end(group),
                    f'"{who}" at first reference: give {name}\'s full name (first name and surname) here',
                )

    @staticmethod
    def _person(name: str, prose: str) -> bool:
        """Evidence that a bare capitalised word is a person, and none that it is a body or place."""
        body, honoured, count = _evidence(prose, name)
        if body:
            return False
        if honoured:
            return True
        if _common_word(name) or is_given_name_only(name):
            return False
        # A name the lists know, or a rare word named once that nothing marks as a body or place
        # ("Adeyemi said ..."): organisations come back ("the firm", "it said", "Acme's shares").
        return is_person_name(name) or (zipf(name.lower()) < RARE_NAME and count == 1)


#: How far around a name its context cues reach ("security firm", "said in a statement that it").
CUE_REACH = 80


def _evidence(prose: str, name: str) -> tuple[bool, bool, int]:
    """What the article says of one capitalised word: whether a cue marks it as a body or a
    place (ORG_CUES), whether it follows an honorific, and how often it stands as a word. Read
    in windows around the word's occurrences, found by a plain search: the cues scanned over
    the whole article were a third of A003's time, for the one or two names that needed them."""
    body = honoured = False
    count = 0
    whole_word = "-" not in name  # counted: no letter or hyphen on either side; a hyphenated name never is
    pos = prose.find(name)
    while pos >= 0:
        end = pos + len(name)
        if (
            whole_word
            and not (pos and (prose[pos - 1].isalpha() or prose[pos - 1] == "-"))
            and not (end < len(prose) and (prose[end].isalpha() or prose[end] == "-"))
        ):
            count += 1
        a, b = max(0, pos - CUE_REACH), min(len(prose), end + CUE_REACH)
        body = body or any(next(g for g in m.groups() if g) == name for m in ORG_CUES.finditer(prose, a, b))
        honoured = honoured or any(m.group(1) == name for m in HONOURED.finditer(prose, a, b))
        pos = prose.find(name, pos + 1)
    return body, honoured, count


#: Endings of agent nouns, for roles the dictionary does not list ("midfielder", "blogger").
AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent")


def _role(word: str) -> bool:
    """A noun that can stand before a name as a title does ("economist", "midfielder"): no
    function word, no past tense ("said Okafor"), no word that is only a verb ("asks"); a
    word the dictionary lacks counts when it has an agent noun's ending."""
    if word in closed_class():
        return False
    tags = parts_of_speech(word)
    if not tags:
        return word.endswith(AGENT_ENDINGS) and zipf(word) > 0
    return "n" in tags and "p" not in tags
