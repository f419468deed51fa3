"""Attribution (A): claims with no source an editor would accept.

Weasel sources are composed from parts (a vague quantifier and source with a verb of saying or
believing; an agentless passive; "according to" a vague source; research that names no study)
rather than listed as phrases, so new combinations are caught. Anonymous but specific sources
("officials said", "a White House spokesman said", "Labour sources") are accepted news practice
and pass.
"""

from __future__ import annotations

import calendar
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import NamedTuple

import regex

from ..document import Document, Span
from ..finding import Finding
from ..hookspecs import hookimpl
from ..inflections import parts_of_speech
from ..lexicon import zipf
from ..patterns import Lazy
from ..people import (
    TITLE_WORDS,
    census_first_names,
    full_namings,
    is_given_name_only,
    is_person_name,
    is_slip_of,
    surname_rank,
)
from ..rule import Context, Rule
from ..words import closed_class

# -- parts -----------------------------------------------------------------------------------
QUANT = r"(?:some|many|most|several|certain|numerous|various|countless|other|a\s+few|a\s+number\s+of|a\s+lot\s+of|lots\s+of|a\s+handful\s+of|a\s+growing\s+number\s+of|a\s+majority\s+of|plenty\s+of)"
GENERIC = r"(?:leading|prominent|independent|top|unnamed|anonymous|outside|informed|well-placed|concerned|influential)"
#: Sources that are nobody in particular, flagged bare ("Critics say") or counted ("Some people say").
GENERIC_NOUNS = (
    "people|critics|observers|experts|sources|insiders|commentators|pundits|sceptics|skeptics|"
    "detractors|onlookers|watchers|voices|many|some"
)
#: Professions: a bare plural reports a profession's consensus ("Analysts say ..." is routine in
#: business copy); counted out ("some analysts argue") it becomes a weasel.
PROFESSIONS = (
    "analysts|economists|historians|researchers|scientists|academics|scholars|specialists|"
    "observers|campaigners|activists|officials|authorities|traders|investors|diplomats|doctors|lawyers"
)
VAGUE = rf"(?:{GENERIC_NOUNS}|{PROFESSIONS})"
#: Verbs of saying or believing that turn a vague source into a claim (not "fear", "predict",
#: "warn": those report a mood or a forecast, which news attributes to groups routinely).
SAY_NOW = r"(?:say|argue|believe|claim|suggest|think|contend|maintain|insist|assert|allege|reckon|agree|hold)"
SAY_PAST = r"(?:said|argued|believed|claimed|suggested|thought|contended|maintained|insisted|asserted|alleged|reckoned|agreed|held)"
ADVERB_WORDS = (
    "have|has|had|would|will|may|might|could|also|now|often|long|widely|still|already|even|privately|openly|"
    "generally|increasingly|repeatedly|always|do|did"
)
ADVERBS = rf"(?:\s+(?:{ADVERB_WORDS}))"
PASSIVE_VERB = (
    r"(?:believed|thought|said|claimed|understood|rumoured|rumored|alleged|argued|suggested|reported|feared|"
    r"felt|assumed|held|speculated|whispered)"
)
PASSIVE_ADV_WORDS = (
    "widely|generally|commonly|often|now|also|long|increasingly|privately|strongly|sometimes|frequently|popularly"
)
PASSIVE_ADV = rf"(?:\s+(?:{PASSIVE_ADV_WORDS}))"
REPORTS = r"(?:reports|rumou?rs|estimates|accounts|media\s+reports|press\s+reports|news\s+reports|local\s+reports|gossip|speculation|hearsay)"
OPEN_Q = r"(?:[\"“‘']\s*)?"

SPECIFIC_AFTER = Lazy(
    r"[ \t]*(?:close\s+to|familiar\s+with|in|at|within|inside|from|by|on|with|who|quoted|including|such\s+as|of\s+the\s+(?-i:\p{Lu})|(?-i:\p{Lu}))",
    regex.IGNORECASE,
)

VAGUE_SAY = Lazy(
    rf"(?<![\p{{L}}-])(?P<phrase>(?:(?P<q>{QUANT})\s+)?(?:of\s+the\s+)?(?:{GENERIC}\s+)?(?P<noun>{VAGUE})"
    rf"(?P<adv>{ADVERBS}{{0,2}})\s+(?P<verb>{SAY_NOW}|{SAY_PAST})s?)(?![\p{{L}}-])",
    regex.IGNORECASE,
)
PRONOUN_SAY = Lazy(
    rf"(?<![\p{{L}}-])(?P<phrase>(?:some|many)(?:{ADVERBS}{{0,2}})\s+(?:say|believe|argue|claim|think|suggest|contend|maintain|insist))(?![\p{{L}}-])",
    regex.IGNORECASE,
)
PASSIVE = Lazy(
    rf"(?<![\p{{L}}-])(?P<phrase>it(?:\s+is|\s+was|\s+has\s+been|\s+had\s+been|['’]s){PASSIVE_ADV}?\s+{PASSIVE_VERB})(?![\p{{L}}-])"
    rf"(?!\s+(?:by|to\s+be\s+the\s+first))",
    regex.IGNORECASE,
)
THERE_ARE = Lazy(
    rf"(?<![\p{{L}}-])(?P<phrase>there\s+(?:are|were|have\s+been)\s+(?:those|people|some|many)\s+who\s+(?:{SAY_NOW}|{SAY_PAST}))",
    regex.IGNORECASE,
)
ACCORDING = Lazy(
    rf"(?<![\p{{L}}-])(?P<phrase>according\s+to\s+{OPEN_Q}(?:{QUANT}\s+(?:{GENERIC}\s+)?(?:{VAGUE}|{REPORTS})|(?:{GENERIC}\s+)?(?:{GENERIC_NOUNS}|{REPORTS}))(?![\p{{L}}-]))",
    regex.IGNORECASE,
)
RESEARCH_ADVERBS = "has|have|now|also|consistently|repeatedly"
RESEARCH_VERBS = (
    "show|shows|shown|suggest|suggests|prove|proves|proven|indicate|indicates|demonstrate|demonstrates|confirm|confirms"
)
RESEARCH = Lazy(
    rf"(?<![\p{{L}}-])(?P<phrase>(?:research|studies|scientific\s+evidence|science)"
    rf"(?:\s+(?:{RESEARCH_ADVERBS})){{0,2}}\s+(?:{RESEARCH_VERBS}))(?![\p{{L}}-])",
    regex.IGNORECASE,
)
STUDY = Lazy(r"\b(?:report|survey|study|research|poll|analysis|paper|review)\b", regex.IGNORECASE)
NAMED_STUDY = Lazy(r"\b(?:by|from|at|of|in|published|conducted|commissioned|according\s+to)\s+(?:the\s+)?[\p{Lu}\d]")


def _alternatives(pattern: str) -> frozenset[str]:
    """The words of a plain alternation such as GENERIC_NOUNS ("people|critics|...")."""
    return frozenset(pattern.strip("(?:)").split("|"))


class Cued(NamedTuple):
    """A pattern and where it can match: around one of its cue words (tokens it must contain),
    when the words beside the cue can belong to a match (`fits`, given the word texts and the
    cue's index), from `back` characters before the cue's start to `ahead` after its end. A
    pattern runs only in those windows, not over every block: the cues are rare, the patterns are
    long alternations, and scanning whole blocks made A001 the slowest rule. The neighbours count
    because the commonest cues ("it", "some", "said") mostly stand in no phrase at all. A window
    reaches back far enough for the longest lead-in ("a growing number of leading critics"), so
    the leftmost match in it is the whole phrase."""

    pattern: Lazy
    cues: frozenset[str]
    fits: Callable[[list[str], int], bool]
    back: int
    ahead: int


def _next_in(words: frozenset[str]) -> Callable[[list[str], int], bool]:
    """`fits` for a pattern whose cue is followed by one of `words` (in any case)."""
    return lambda texts, k: k + 1 < len(texts) and texts[k + 1].lower() in words


SAYING_NOW_OR_PAST = _alternatives(SAY_NOW) | _alternatives(SAY_PAST)
PATTERN_CUES = (
    Cued(
        VAGUE_SAY,
        _alternatives(GENERIC_NOUNS) | _alternatives(PROFESSIONS),
        _next_in(_alternatives(ADVERB_WORDS) | SAYING_NOW_OR_PAST | {v + "s" for v in SAYING_NOW_OR_PAST}),
        60,
        90,
    ),
    Cued(
        PRONOUN_SAY, frozenset({"some", "many"}), _next_in(_alternatives(ADVERB_WORDS) | _alternatives(SAY_NOW)), 1, 90
    ),
    Cued(
        PASSIVE,
        frozenset({"it", "it's", "it’s"}),
        _next_in(
            frozenset({"is", "was", "has", "had"}) | _alternatives(PASSIVE_ADV_WORDS) | _alternatives(PASSIVE_VERB)
        ),
        1,
        80,
    ),
    Cued(THERE_ARE, frozenset({"there"}), _next_in(frozenset({"are", "were", "have"})), 1, 80),
    Cued(ACCORDING, frozenset({"according"}), _next_in(frozenset({"to"})), 1, 120),
    Cued(
        RESEARCH,
        frozenset({"research", "studies", "science", "evidence"}),
        _next_in(_alternatives(RESEARCH_ADVERBS) | _alternatives(RESEARCH_VERBS)),
        12,
        80,
    ),
)


#: Every cue word as written in lowercase, title case and capitals, and the patterns it cues
#: (one dict look-up a word, no lowercasing of every word of the article).
CUED: dict[str, list[int]] = {
    form: [i for i, c in enumerate(PATTERN_CUES) if cue in c.cues]
    for cue in frozenset().union(*(c.cues for c in PATTERN_CUES))
    for form in (cue, cue.capitalize(), cue.upper())
}


#: The word, and the run of non-spaces, at the end of a stretch of text. The second is searched for
#: from the end, as its two parts (spaces, non-spaces) cannot trade characters; in the first a
#: trailing apostrophe could go to either part, and only the forward search keeps it in the word.
WORD_BEFORE = Lazy(r"([\p{L}'’-]+)[\s“\"‘']*$")
TOKEN_BEFORE = Lazy(r"(?r)(\S+)\s+$")
#: Blocks of running text: what the attribution rules read (headings are titles, not claims).
BODY = frozenset({"paragraph", "list", "quote"})


def _windows(
    doc: Document, cued: Mapping[str, list[int]], specs: Sequence[Cued], kinds: frozenset[str] = BODY
) -> list[list[tuple[int, int]]]:
    """For each pattern, the stretches of prose around its cue words (see Cued), within one block
    of the given kinds and never ending inside a word, merged where they overlap; found in one
    pass over the words."""
    prose = doc.prose
    out: list[list[tuple[int, int]]] = [[] for _ in specs]
    words = doc.words
    texts = words.texts
    for k in words.where(cued):
        w = words[k]
        block = doc.blocks[doc.block_at(w.start)]
        if block.kind not in kinds:
            continue
        for i in cued[w.text]:
            back, ahead, fits = specs[i].back, specs[i].ahead, specs[i].fits
            if not fits(texts, k):
                continue
            a, b = max(block.start, w.start - back), min(block.end, w.end + ahead)
            while b < block.end and prose[b].isalnum():
                b += 1  # never end a window inside a word: "claims" is not "claim"
            spans = out[i]
            if spans and a <= spans[-1][1] and spans[-1][0] >= block.start:
                spans[-1] = (spans[-1][0], max(b, spans[-1][1]))
            else:
                spans.append((a, b))
    return out


class VagueSource(Rule):
    code = "A001"
    name = "vague-source"
    summary = "A claim attributed to no one in particular."
    what = (
        'Flags weasel attributions: a vague source with a verb of saying or believing ("critics '
        'say", "many experts believe", "some argue"), an agentless passive ("it is widely '
        'believed", "it has been claimed"), "according to" a vague source ("according to '
        'some observers", "according to reports") and research that names no study. Named or '
        'specific sources pass ("police said", "a White House spokesman said", "Labour '
        'critics say", "according to Eurostat"), and so do words inside direct quotations.'
    )
    why = 'A claim needs a source the reader can weigh; "some people" is nobody.'
    bad = "Critics say the new bridge will cost far more than planned."
    good = "The council's finance chief, Ana Ruiz, said the new bridge would cost far more than planned."

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        function_words = closed_class()
        seen: set[int] = set()
        for (pattern, *_), windows in zip(PATTERN_CUES, _windows(doc, CUED, PATTERN_CUES)):
            for a, b in windows:
                yield from self._matches(doc, pattern, a, b, seen, function_words)

    def _matches(
        self, doc: Document, pattern: Lazy, a: int, b: int, seen: set[int], function_words: frozenset[str]
    ) -> Iterator[Finding]:
        prose = doc.prose
        for m in pattern.finditer(prose, a, b):
            start, end = m.span("phrase")
            if start in seen or doc.in_quote(start) is not None:
                continue
            if pattern is VAGUE_SAY and not self._vague_subject(prose, m, function_words):
                continue
            if pattern is ACCORDING and SPECIFIC_AFTER.match(prose, end):
                continue
            if pattern is RESEARCH and (self._named(doc, start) or not _bare(prose, start, function_words)):
                continue
            seen.add(start)
            phrase = " ".join(prose[start:end].split())
            yield self.report(doc, start, end, f'vague source "{phrase}": name the source (who says so?)')

    @staticmethod
    def _vague_subject(prose: str, m: regex.Match, function_words: frozenset[str]) -> bool:
        """Whether the source is vague: not narrowed by a modifier before it ("Labour critics",
        "security sources") or a named group after the verb; bare plurals only in the present
        tense ("analysts said" reports what was said; "analysts say" asserts a standing view)."""
        before = WORD_BEFORE.search(prose[max(0, m.start() - 40) : m.start()])
        if before is not None:
            word = before.group(1)
            if word[:1].isupper() and word.lower() not in function_words:
                return False
            if word.lower() not in function_words and not word.endswith((",", ";")) and not m.group("q"):
                return False
        noun = m.group("noun").lower()
        past = regex.fullmatch(SAY_PAST, m.group("verb"), regex.IGNORECASE) is not None
        if past:
            return False  # "some analysts said the move was ill-timed" reports what was said
        if regex.fullmatch(PROFESSIONS, noun) and not m.group("q"):
            return False  # "Analysts say": a profession's view, routine in business copy
        return True

    @staticmethod
    def _named(doc: Document, start: int) -> bool:
        """Whether the study is named in the sentence, or in the one after it: a lead that says
        "research suggests" and a second paragraph that opens "A survey of 280 firms by the
        Institute ..." has attributed its claim."""
        sentences, prose = doc.sentences, doc.prose
        i = _sentence_index(doc, start)
        if i is None:
            return False
        if NAMED_STUDY.search(prose, sentences[i].start, sentences[i].end):
            return True
        after = sentences[i + 1] if i + 1 < len(sentences) else None  # it must name a study, not a place
        return after is not None and bool(
            STUDY.search(prose, after.start, after.end) and NAMED_STUDY.search(prose, after.start, after.end)
        )


DETERMINERS = frozenset(
    {"the", "this", "that", "these", "those", "our", "their", "his", "her", "its", "my", "your", "such"}
)


def _bare(prose: str, start: int, function_words: frozenset[str]) -> bool:
    """Whether nothing narrows the phrase at `start`: no determiner ("the research") and no
    modifier ("government research") before it."""
    before = WORD_BEFORE.search(prose[max(0, start - 40) : start])
    if before is None:
        return True
    word = before.group(1).lower()
    return word in function_words and word not in DETERMINERS


def _sentence_index(doc: Document, offset: int) -> int | None:
    """The index in `doc.sentences` of the sentence holding an offset, or None."""
    sentences = doc.sentences
    i = bisect_right(sentences, (offset, float("inf"))) - 1
    return i if i >= 0 and sentences[i].start <= offset < sentences[i].end else None


# -- quotes with no speaker ------------------------------------------------------------------
SPEECH = Lazy(
    r"(?<![\p{L}-])(?:said|says|say|told|tells|added|adds|asked|asks|explained|explains|insisted|insists|"
    r"argued|argues|claimed|claims|warned|warns|stressed|stresses|admitted|admits|noted|notes|wrote|writes|"
    r"replied|replies|continued|continues|declared|declares|announced|announces|urged|urges|suggested|"
    r"suggests|commented|comments|tweeted|tweets|posted|posts|recalled|recalls|conceded|concedes|"
    r"acknowledged|acknowledges|described|describes|called|calls|according\s+to|in\s+a\s+statement|"
    r"quoted|quotes|statement|interview|spokesman|spokeswoman|spokesperson|put\s+it|puts\s+it|joked|"
    r"jokes|laughed|said:|says:|believes|thinks|predicted|predicts|promised|promises|vowed|vows|"
    r"confirmed|confirms|denied|denies|reported|reports|told\s+reporters|accused|accuses|pointed\s+out|"
    r"went\s+on|added:|wrote:|observed|observes|remarked|remarks|states|stated|shouted|cried|sang|"
    r"sings|read|reads|titled|entitled|headlined|dubbed|slogan|motto|message|words|phrase|letter|"
    r"report|speech|memo|email|e-mail|tweet|post|note|blog)(?![\p{L}-])",
    regex.IGNORECASE,
)
#: Verbs of saying proper: a paragraph of quotation continues the words of the paragraph before
#: only if someone spoke there ("called for a meeting" is not speech).
SAID = Lazy(
    r"(?<![\p{L}-])(?:said|says|told|added|asked|explained|insisted|argued|claimed|warned|stressed|"
    r"admitted|noted|wrote|replied|continued|declared|announced|according\s+to|in\s+a\s+statement|"
    r"spokesman|spokeswoman|spokesperson)(?![\p{L}-])",
    regex.IGNORECASE,
)
MIN_QUOTE_WORDS = 8
#: Someone who could be speaking: a personal pronoun, or a name (two capitalised words, or a
#: capitalised word that is not the first of its sentence).
SPEAKER = Lazy(
    r"(?<![\p{L}-])(?:he|she|they|we|I|him|her|them|his|their)(?![\p{L}-])"
    r"|(?<=[\p{Ll},;] )\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+"
)
QUOTE_MARKS = "\"“”‘’'"


def _speaker(text: str) -> bool:
    """Whether a stretch of prose names someone who could be speaking (days and months cannot)."""
    return any(m.group().split()[0].lower() not in CALENDAR for m in SPEAKER.finditer(text))


class QuoteWithoutSpeaker(Rule):
    code = "A002"
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
            if n > 0 and prose[block.start] in QUOTE_MARKS and self._speaker_before(doc, blocks[n - 1]):
                continue  # a paragraph that goes on with the last speaker's words
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


# -- surname at first reference --------------------------------------------------------------
HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor)\.?"
SAYING = r"(?:said|says|told|added|adds|argued|argues|explained|insisted|warned|claimed|stressed|admitted|noted|wrote|asked|replied|believes|thinks|agreed|denied|confirmed|announced)"
#: The words that may stand between a name and its verb of saying: "Okafor has said".
SURNAME_AUXILIARIES = "(?:has|had|also|then|later)"
SURNAME_AUXILIARY_WORDS = _alternatives(SURNAME_AUXILIARIES)
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
        before[:1].isupper()
        and before.lower() not in function_words
        or before.lower() in SURNAME_AUXILIARY_WORDS
        or after[:1].isupper()
        and after.lower() not in function_words
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
CALENDAR = frozenset(n.lower() for n in (*calendar.day_name, *calendar.month_name) if n)


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
            if firsts.get(name, len(prose) + 1) < start:
                return True
            # "Mrs Abernaty" after "Lindiwe Abernathy": introduced, and misspelt since (T004)
            return any(at < start and is_slip_of(name, known) for known, at in firsts.items())

        for a, b in _windows(doc, SURNAME_CUED, [SURNAME_WINDOW], PARAGRAPHS)[0]:
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
                    if word in PARTICLES or word[:1].isupper() and word.rstrip(",.;:") == word:
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


@hookimpl
def stylelint_news_rules():
    return [VagueSource(), QuoteWithoutSpeaker(), SurnameFirstReference()]
