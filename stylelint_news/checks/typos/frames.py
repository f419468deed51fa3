"""The news frames T002 reads a word in: what stands around a verb of saying, a possessive, a
preposition, "now" and "not"; and the parts of speech that tell a slip from a word in its own right."""

from __future__ import annotations

from ...language.inflections import can_be_noun, is_past_tense, parts_of_speech
from ...language.lexicon import pair_log, zipf
from ...language.wordlists import auxiliaries, closed_class, determiners, honorifics_before, verb_forms
from ...text.document import CLITIC

#: Verbs of saying that news uses after a subject ("said" above all): the words T002 finds a
#: slip for.
SAYING = frozenset(
    verb_forms(("say", "claim", "add", "tell", "argue", "insist", "warn", "deny", "admit"), ["third", "past"])
)
#: What follows a verb of saying: a clause, a name, or nothing (the end of an attribution).
AFTER_SAYING = frozenset(
    {
        "that",
        "the",
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
        "a",
        "an",
        "his",
        "her",
        "their",
        "there",
        "this",
        "in",
        "on",
        "mr",
        "ms",
        "mrs",
        "last",
        "yesterday",
        "today",
        "its",
        "some",
        "more",
        "while",
        "when",
        "after",
        "before",
    }
)

BE = frozenset({"is", "was", "are", "were", "be", "been", "being", "am"})

#: Words that follow "there" as an adverb ("went there yesterday", "lived there once").
ADVERBS_AFTER_THERE = frozenset(
    {
        "yesterday",
        "today",
        "tomorrow",
        "once",
        "twice",
        "again",
        "already",
        "still",
        "first",
        "last",
        "later",
        "earlier",
        "online",
        "instead",
        "alone",
        "together",
        "anyway",
        "overnight",
        "permanently",
        "forever",
        "before",
        "afterwards",
        "soon",
        "previously",
        "recently",
        "regularly",
        "daily",
        "tonight",
        "lately",
        "briefly",
    }
)

#: Words that introduce an example or a comparison, never the subject of a verb of saying.
NOT_SUBJECTS = frozenset({"as", "than", "like", "such", "the", "a", "an"})

#: After these a past participle follows ("has said"), never an adjective ("has sad").
PERFECT = frozenset({"has", "have", "had"})

PRONOUNS = frozenset({"he", "she", "they", "we", "it", "i", "who", "you"})

SUBJECTS = PRONOUNS | {"one"}

#: Possessive determiners and the words typed for them. (Only "there": Google Books splits "it's"
#: and "you're" so that "its a" and "your a" look common, which would make these frames noisy.)
POSSESSIVES = {"there": "their"}

PREPOSITIONS = frozenset({"from", "for", "of", "on", "in", "to", "with", "at", "by", "into", "onto", "off"})

#: What opens a noun phrase: the determiners, and the titles that stand where one would ("Mr").
DETERMINERS = frozenset(determiners()) | {t.lower() for t in honorifics_before("surname")}

COMPARATIVES = frozenset({"more", "less", "rather", "other", "fewer", "better", "worse"})


def _noun_phrase(prose: str, words, i: int) -> bool:
    """Whether the words before word i are a noun phrase opened by a determiner within three
    words ("the chief executive", "its new chairman"): the shape of a subject."""
    function_words = closed_class()
    for back in range(1, 4):
        j = i - back
        if j < 0 or not _joined(prose, words[j], words[j + 1]):
            return False
        word = words[j].text.lower()
        if word in DETERMINERS and back > 1:
            return True
        if word in function_words or not word.isalpha():
            return False
    return False


def _saying_frame(
    x: str,
    p: str | None,
    q: str | None,
    before,
    after,
    lead: str,
    trail: str,
    phrase: bool,
    determined: bool,
    x_right: float,
    c: str,
) -> str | None:
    """Why `x` stands where the verb of saying `c` belongs (a subject before it and what a verb of
    saying takes after it), or None."""
    if (
        before is not None
        and after is not None
        and before.text[:1].isupper()
        and after.text[:1].isupper()
        and p not in PRONOUNS
    ):
        return None  # inside a name ("Port Sad Harbour"); but "He sad Kenya's": a pronoun starts no name
    if trail == ":":
        return "introducing a quotation"
    bare = before is not None and before.text[:1].isupper() and not CLITIC.search(before.text)  # not "I'm"
    # no word before: a subject after a quotation or an aside ('"...," sad Ms Ortega', "The mayor -
    # who ... - sad"), not after a bare comma ("food, aid, shelter"; "the council leader, lays")
    subject = (
        (p is None and any(ch in lead for ch in '"”’-–—)'))
        or bare
        or p in PRONOUNS
        or (
            p is not None
            and p not in BE
            and p not in PREPOSITIONS
            and p not in NOT_SUBJECTS
            and pair_log(p, "said") >= 7.0
        )
    )
    c_right = pair_log(c, q) if q else 0.0
    complement = (
        q is None or after.text[:1].isupper() or q in AFTER_SAYING or p in PERFECT or (c_right >= 7.0 and not x_right)
    )
    if not subject and phrase and q is not None and (q in AFTER_SAYING or after.text[:1].isupper()):
        subject = complement = True  # "the chief executive sad the ...": a noun phrase, then a clause
    if not complement and q is not None and _only_adjective(x) and (p in PRONOUNS or bare):
        complement = subject = True  # "The Treasury sad demand was weak": no adjective follows a bare subject
    if not subject and p is not None and complement and _only_adjective(x) and _can_head(p):
        subject = True  # "the shipping firm sad it": a noun, then an adjective with no verb between
    if subject and complement and determined and q is None and can_be_noun(x) and before.text[:1].isupper():
        return None  # "back in the Wales fold,": the noun a capitalised modifier qualifies
    if subject and complement:
        return f'after "{p}"' if p else "attributing a quotation"
    return None


def _preposition(x, p, q, after, candidates, x_left, x_right, zx, function_words) -> tuple[str, str] | None:
    """ "reports form China": a preposition that fits both neighbours, where the word typed fits
    neither as well ("form the" is common, but "returned from the" is far commoner)."""
    if x in function_words or q is None or x_left or (p in SUBJECTS and _is_verb(x)):
        return None  # (after a subject pronoun a verb is a verb: "how can one wish a happy new year")
    if not (after.text[:1].isupper() or q in DETERMINERS or q[:1].isdigit()):
        return None
    best = None
    for c in candidates:
        if c not in PREPOSITIONS or zipf(c) - zx < 1.0:
            continue
        c_left, c_right = (pair_log(p, c) if p else 0.0), pair_log(c, q)
        if x_right and not (c_left and c_right >= x_right + 1.5):
            continue
        score = c_left + c_right
        if best is None or score > best[0]:
            best = (score, c)
    return (best[1], f'"{best[1]} {after.text}"') if best else None


def _only_adjective(word: str) -> bool:
    """An adjective and nothing else ("sad", "pubic"): it cannot be the verb after a subject."""
    return parts_of_speech(word) == "a"


def _noun_only(word: str) -> bool:
    """A noun and nothing else ("firm", "observers"): the head of a subject, never a verb."""
    return parts_of_speech(word) == "n" and word not in closed_class()


def _can_head(word: str) -> bool:
    """A word that can head a subject noun phrase ("firm", "officials"): a noun, not a past tense
    ("looked sad") and not a function word ("so sad")."""
    tags = parts_of_speech(word)
    return "n" in tags and "p" not in tags and word not in closed_class()


def _place_after(p: str, x: str, right: str) -> bool:
    """Whether "there" after `p` is the adverb of place: after a noun ("the villagers there
    need", "the people there"), unless the noun is also a verb that takes "their" far more
    often ("help their")."""
    tags = parts_of_speech(p)
    if "n" not in tags or "p" in tags or p in closed_class():
        return False
    return "v" not in tags or pair_log(p, x) > pair_log(p, right)


#: Verbs that tell someone what (not) to do: "urged them not to", never "urged them now to".
DIRECTIVES = frozenset(
    {
        "warn",
        "warns",
        "warned",
        "ask",
        "asks",
        "asked",
        "tell",
        "tells",
        "told",
        "urge",
        "urges",
        "urged",
        "advise",
        "advises",
        "advised",
        "order",
        "orders",
        "ordered",
        "instruct",
        "instructs",
        "instructed",
        "remind",
        "reminds",
        "reminded",
        "beg",
        "begs",
        "begged",
    }
)


def _now_or_not(x: str, text: str, words, i: int, before, trail: str) -> tuple[str, str] | None:
    """ "now" and "not" differ by a key and both fit most places; three frames tell them apart: a
    directive takes "not to" ("urged the crew now to sail"), a sentence does not end on "not"
    right after a name or a noun phrase ("the game is out on Xbox not."), and "not" cannot make a
    verb of the bare noun that starts a sentence ("Ferry operators not expect ...")."""
    if x == "now" and i + 1 < len(words) and words[i + 1].text == "to" and _joined(text, words[i], words[i + 1]):
        for k in range(i - 1, max(-1, i - 5), -1):
            if not _joined(text, words[k], words[k + 1]):
                break
            if words[k].text.lower() in DIRECTIVES:
                return "not", f'"{words[k].text} ... not to"'
        return None
    if x != "not" or before is None:
        return None
    p, two_back = before.text.lower(), words[i - 2].text.lower() if i >= 2 else ""
    if (
        trail == "."
        and i >= 2
        and _joined(text, words[i - 2], before)
        and (two_back in PREPOSITIONS or two_back in DETERMINERS)
        and (_noun_only(p) or before.text[:1].isupper())
    ):
        return "now", 'a sentence does not end on "not" after a noun'
    k = i + 1
    while k < len(words) and words[k].text.endswith("ly") and _joined(text, words[k - 1], words[k]):
        k += 1  # "not widely expect": past the adverbs to the verb
    if (
        _starts_sentence(text, words, i - 1)
        and _noun_only(p)
        and k < len(words)
        and _joined(text, words[k - 1], words[k])
        and words[k].text not in auxiliaries()
        and parts_of_speech(words[k].text) == "v"
        and not words[k].text.endswith("ing")
    ):
        return "now", f'"{before.text} now {words[k].text}": "not" needs an auxiliary'
    return None


def _starts_sentence(text: str, words, k: int) -> bool:
    """Whether word k opens a sentence or a paragraph (only quotes or brackets may come before)."""
    if k == 0:
        return True
    gap = text[words[k - 1].end : words[k].start]
    return any(mark in gap for mark in ".!?") or "\n\n" in gap


#: Objects a verb of saying takes before its that-clause ("warned his rivals that", "told them that").
OBJECTS = frozenset({"him", "her", "them", "us", "me", "his", "their", "its", "our", "my", "your"})


def _that_clause(text: str, words, i: int) -> bool:
    """Whether a that-clause follows word i, as it follows verbs of saying: "that" within three
    words, or within eight after an object ("warmed his rugby rivals that ...")."""
    reach = 8 if i + 1 < len(words) and words[i + 1].text.lower() in OBJECTS else 3
    for k in range(i + 1, min(i + 1 + reach, len(words))):
        if not _joined(text, words[k - 1], words[k]):
            return False
        if words[k].text.lower() == "that":
            return True
    return False


def _is_verb(x: str, clause: bool = False) -> bool:
    """Whether a word is a verb in its own right, not a slip for a verb of saying: a past tense
    ("Okafor slid the ball past the keeper", "had dented"), unless a that-clause follows as it
    follows verbs of saying ("warmed his young players that"); or a word that follows a subject pronoun in the pair
    counts ("he paid", "they laid"; "he sad" never occurs)."""
    return (is_past_tense(x) and not clause) or any(
        pair_log(pronoun, x) for pronoun in ("he", "she", "it", "they", "we", "i", "who")
    )


def _joined(prose: str, a, b) -> bool:
    """Two words side by side with nothing but spaces between: no punctuation, and at most a
    soft line break (a blank line ends a paragraph)."""
    gap = prose[a.end : b.start]
    return not gap.strip() and gap.count("\n") <= 1
