"""A001: a claim attributed to no one in particular.

Weasel sources are composed from parts (a vague quantifier and source with a verb of saying or
believing; an agentless passive; "according to" a vague source; research that names no study)
rather than listed as phrases, so new combinations are caught. Anonymous but specific sources
("officials said", "a White House spokesman said", "Labour sources") are accepted news practice
and pass.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ...engine.context import Context
from ...engine.patterns import Lazy
from ...finding import Finding
from ...language.wordlists import closed_class, determiners_of, source_nouns, verb_forms
from ...rule import Rule
from ...text.document import Document
from .claims import HYPOTHETICAL, claims, known_group, passive_claim, subject_position
from .cues import WORD_BEFORE, Cued, alternation, alternatives, cue_windows, next_in, sentence_index

QUANT = r"(?:some|many|most|several|certain|numerous|various|countless|other|a\s+few|a\s+number\s+of|a\s+lot\s+of|lots\s+of|a\s+handful\s+of|a\s+growing\s+number\s+of|a\s+majority\s+of|plenty\s+of)"
GENERIC = r"(?:leading|prominent|independent|top|unnamed|anonymous|outside|informed|well-placed|concerned|influential)"
#: Sources that are nobody in particular, flagged bare ("Critics say") or counted ("Some people
#: say"); "many" and "some" stand alone as such a source.
GENERIC_NOUNS = alternation([*(n for n, kind in source_nouns().items() if kind == "vague"), "many", "some"])
#: Professions: a bare plural reports a profession's consensus ("Analysts say ..." is routine in
#: business copy); counted out ("some analysts argue") it becomes a weasel.
PROFESSION_WORDS = frozenset(n for n, kind in source_nouns().items() if kind == "profession")
PROFESSIONS = alternation(sorted(PROFESSION_WORDS))
VAGUE = rf"(?:{GENERIC_NOUNS}|{PROFESSIONS})"
#: Verbs of saying or believing that turn a vague source into a claim (not "fear", "predict",
#: "warn": those report a mood or a forecast, which news attributes to groups routinely).
CLAIMING = (
    "say",
    "argue",
    "believe",
    "claim",
    "suggest",
    "think",
    "contend",
    "maintain",
    "insist",
    "assert",
    "allege",
    "reckon",
    "agree",
    "hold",
    "expect",
    "suspect",
)
#: Verbs that turn even a bare profession into a weasel: a belief or a claim ("Analysts
#: believe", "Campaigners claim"), not the routine report of a field's view ("Analysts say").
BELIEVING = frozenset(
    verb_forms(
        (
            "believe",
            "think",
            "reckon",
            "suspect",
            "claim",
            "allege",
            "contend",
            "assert",
            "insist",
            "maintain",
        ),
        ["base", "third", "past"],
    )
)
#: Sources named by their office, the accepted anonymous source of news: "officials believe" is
#: no weasel, whatever the verb.
OFFICES = frozenset({"officials", "authorities"})
SAY_NOW = alternation(verb_forms(CLAIMING, ["base"]))
SAY_PAST_WORDS = frozenset(verb_forms(CLAIMING, ["past"]))
SAY_PAST = alternation(verb_forms(CLAIMING, ["past"]))
ADVERB_WORDS = (
    "have|has|had|would|will|may|might|could|also|now|often|long|widely|still|already|even|privately|openly|"
    "generally|increasingly|repeatedly|always|do|did"
)

ADVERBS = rf"(?:\s+(?:{ADVERB_WORDS}))"

#: Verbs whose agentless passive reports a claim or a belief with no one behind it ("it is
#: believed", "it has been reported").
PASSIVE_VERB = alternation(
    verb_forms(
        (
            "believe",
            "think",
            "say",
            "claim",
            "understand",
            "rumour",
            "rumor",
            "allege",
            "argue",
            "suggest",
            "report",
            "fear",
            "feel",
            "assume",
            "hold",
            "speculate",
            "whisper",
        ),
        ["participle"],
    )
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
    rf"(?<![\p{{L}}-])(?P<phrase>it(?:\s+is|\s+was|\s+has\s+been|\s+had\s+been|['’]s(?:\s+been)?){PASSIVE_ADV}?\s+{PASSIVE_VERB})(?![\p{{L}}-])"
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

SAYING_NOW_OR_PAST = alternatives(SAY_NOW) | alternatives(SAY_PAST)

PATTERN_CUES = (
    Cued(
        VAGUE_SAY,
        alternatives(GENERIC_NOUNS) | alternatives(PROFESSIONS),
        next_in(alternatives(ADVERB_WORDS) | SAYING_NOW_OR_PAST | {v + "s" for v in SAYING_NOW_OR_PAST}),
        60,
        90,
    ),
    Cued(PRONOUN_SAY, frozenset({"some", "many"}), next_in(alternatives(ADVERB_WORDS) | alternatives(SAY_NOW)), 1, 90),
    Cued(
        PASSIVE,
        frozenset({"it", "it's", "it’s"}),
        next_in(
            frozenset({"is", "was", "has", "had", "been"})
            | alternatives(PASSIVE_ADV_WORDS)
            | alternatives(PASSIVE_VERB)
        ),
        1,
        80,
    ),
    Cued(THERE_ARE, frozenset({"there"}), next_in(frozenset({"are", "were", "have"})), 1, 80),
    Cued(ACCORDING, frozenset({"according"}), next_in(frozenset({"to"})), 1, 120),
    Cued(
        RESEARCH,
        frozenset({"research", "studies", "science", "evidence"}),
        next_in(alternatives(RESEARCH_ADVERBS) | alternatives(RESEARCH_VERBS)),
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


class VagueSource(Rule):
    code = "A001"
    level = "info"
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
    fix_safety = "No fix: only the reporter knows who said it."

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        function_words = closed_class()
        seen: set[int] = set()
        for (pattern, *_), windows in zip(PATTERN_CUES, cue_windows(doc, CUED, PATTERN_CUES)):
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
            if pattern is VAGUE_SAY and not (
                self._vague_subject(prose, m, function_words)
                and claims(doc, m)
                and not known_group(doc, m, PROFESSION_WORDS)
            ):
                continue
            if pattern is PRONOUN_SAY and not (
                subject_position(prose, start, function_words)
                and not HYPOTHETICAL.intersection(m.group("phrase").lower().split())
                and claims(doc, m)
            ):
                continue
            if pattern is PASSIVE and not passive_claim(prose, start, end):
                continue  # "if it is held, as expected, on 5 May": an event, not a claim
            if pattern is ACCORDING and SPECIFIC_AFTER.match(prose, end):
                continue
            if pattern is RESEARCH and (self._named(doc, start) or not _bare(prose, start, function_words)):
                continue
            seen.add(start)
            phrase = " ".join(prose[start:end].split())
            yield self.report(doc, start, end, f'vague source "{phrase}": name the source (who says so?)')

    @staticmethod
    def _vague_subject(prose: str, m: regex.Match, function_words: frozenset[str]) -> bool:
        """Whether the source is vague and the subject of the verb: not narrowed by a modifier
        before it ("Labour critics", "security sources") or a named group after the verb, not
        inside a phrase ("a poll of 1,313 people suggests": the poll is the subject); bare
        plurals only in the present tense or the perfect ("analysts said" reports what was said;
        "sceptics have argued" asserts a standing view); a bare profession only with a verb of
        belief or claim ("Analysts say" is a field's view, routine in business copy; "Analysts
        believe" is a weasel); nothing hypothetical ("many would argue")."""
        adverbs = m.group("adv").lower().split()
        if any(a in HYPOTHETICAL for a in adverbs):
            return False
        verb = m.group("verb").lower()
        if verb in SAY_PAST_WORDS and not any(a in ("has", "have") for a in adverbs):
            return False  # "some analysts said the move was ill-timed" reports what was said
        noun = m.group("noun").lower()
        if noun in PROFESSION_WORDS and not m.group("q") and (verb not in BELIEVING or noun in OFFICES):
            return False  # "Analysts say": a profession's view, routine in business copy
        before = WORD_BEFORE.search(prose[max(0, m.start() - 40) : m.start()])
        if before is not None:
            word = before.group(1)
            if word[:1].isupper() and word.lower() not in function_words:
                return False
            if word.lower() not in function_words and not word.endswith((",", ";")) and not m.group("q"):
                return False
        return subject_position(prose, m.start(), function_words)

    @staticmethod
    def _named(doc: Document, start: int) -> bool:
        """Whether the study is named in the sentence, or in the one after it: a lead that says
        "research suggests" and a second paragraph that opens "A survey of 280 firms by the
        Institute ..." has attributed its claim."""
        sentences, prose = doc.sentences, doc.prose
        i = sentence_index(doc, start)
        if i is None:
            return False
        if NAMED_STUDY.search(prose, sentences[i].start, sentences[i].end):
            return True
        after = sentences[i + 1] if i + 1 < len(sentences) else None  # it must name a study, not a place
        return after is not None and bool(
            STUDY.search(prose, after.start, after.end) and NAMED_STUDY.search(prose, after.start, after.end)
        )


#: What narrows a research claim to a study of its own ("the research", "this study").
DETERMINERS = determiners_of("demonstrative", "possessive") | {"the", "such"}


def _bare(prose: str, start: int, function_words: frozenset[str]) -> bool:
    """Whether nothing narrows the phrase at `start`: no determiner ("the research") and no
    modifier ("government research") before it."""
    before = WORD_BEFORE.search(prose[max(0, start - 40) : start])
    if before is None:
        return True
    word = before.group(1).lower()
    return word in function_words and word not in DETERMINERS
