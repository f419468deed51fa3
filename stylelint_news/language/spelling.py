"""Is a lowercase word English, and if not, what was meant?

A word is known when wordfreq has seen it often enough, or when it is a known word with a
productive affix ("unrecycled", "slinkier", "churlishly") or two known words run together
("weblogger"). wordfreq also holds the commonest typos of the web at low frequency ("becuase"),
so a rare word counts as a typo when codespell lists it as a misspelling or when a word one edit
away is hundreds of times more common. Corrections are the common words one edit away ranked
by frequency (neighbours.py), or codespell's correction.
"""

from __future__ import annotations

from functools import cache, lru_cache

from ..engine.context import built
from ..engine.datastore import package_file
from .lexicon import Lines, StoredLines, pack_lines, zipf
from .neighbours import NEIGHBOUR, common_longer, common_neighbours

#: Below this Zipf frequency a word is barely attested: a typo when a common word is one edit
#: away ("politicial" 1.2, "political" 5.3). Rare real words sit above it ("raunch" 1.6, "rouble" 2.2).
RARE = 1.5
#: Above this, only codespell's list makes a word a typo ("becuase" is common on the web).
COMMON = 2.5
#: A never-seen word this close to a word this common is a typo, whatever its affixes suggest.
OBVIOUS = 4.0
#: Zipf a stem or compound part must reach to vouch for a word.
STEM = 2.5
#: How much commoner (Zipf) a dictionary word must be for a rare word that no dictionary has,
#: and that is the word with a letter dropped, to be its misspelling ("missles" 1.5, "missiles"
#: 4.0), whatever wordfreq's count: the web repeats a common slip often enough to count it.
VARIANT_GAP = 2.0
#: No English word is longer; a token past it is no candidate for anything (and its edits would
#: take seconds and gigabytes: a 10,000-letter token has half a million of them).
MAX_WORD = 40
PREFIXES = (
    "un",
    "re",
    "non",
    "pre",
    "post",
    "anti",
    "over",
    "under",
    "out",
    "mis",
    "dis",
    "co",
    "counter",
    "inter",
    "multi",
    "sub",
    "super",
    "mega",
    "mini",
    "micro",
    "cyber",
    "self",
    "semi",
    "ultra",
    "hyper",
    "de",
    "ex",
)
SUFFIXES = (
    "s",
    "es",
    "ed",
    "d",
    "ing",
    "er",
    "ers",
    "est",
    "ly",
    "ness",
    "less",
    "ful",
    "able",
    "ably",
    "ability",
    "ism",
    "ist",
    "ists",
    "ian",
    "ians",
    "ise",
    "ize",
    "ised",
    "ized",
    "ising",
    "izing",
    "isation",
    "ization",
    "ment",
    "ments",
    "ity",
    "ities",
    "ish",
    "dom",
    "hood",
    "ship",
    "ology",
    "ologist",
    "ologists",
    "ery",
    "ies",
    "ier",
    "iest",
    "ily",
    "iness",
    "al",
    "ally",
    "ic",
    "ical",
    "ically",
)


def _build_codespell() -> StoredLines:
    text = package_file("codespell_lib", "data", "dictionary.txt").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        wrong, _, right = line.partition("->")
        right = right.split(",")[0].strip()
        if wrong.isalpha() and right.replace(" ", "").replace("'", "").isalpha():
            out[wrong] = right
    return pack_lines(out)


@cache
def _codespell() -> Lines:
    """codespell's misspelling -> first correction, for prose words (no code identifiers)."""
    return Lines(built("codespell", package_file("codespell_lib", "data", "dictionary.txt"), _build_codespell))


@cache
def dialect_pairs() -> tuple[dict[str, str], dict[str, str]]:
    """(British -> American, American -> British) spellings, from codespell's en-GB list."""
    text = package_file("codespell_lib", "data", "dictionary_en-GB_to_en-US.txt").read_text(encoding="utf-8")
    gb_us = {}
    for line in text.splitlines():
        gb, _, us = line.partition("->")
        if gb and us:
            gb_us[gb.strip()] = us.split(",")[0].strip()
    return gb_us, {us: gb for gb, us in gb_us.items()}


def wrong_dialect(dialect: str) -> dict[str, str]:
    """The other dialect's spellings, each with this one's; none when both pass ("en"), so that
    a run in the default dialect never reads the list."""
    if dialect not in ("en-GB", "en-US"):
        return {}
    gb_us, us_gb = dialect_pairs()
    return us_gb if dialect == "en-GB" else gb_us


def _stem_known(word: str, depth: int = 0) -> bool:
    for p in PREFIXES:
        rest = word[len(p) :]
        if word.startswith(p) and len(rest) >= 3 and (zipf(rest) >= STEM or (depth == 0 and _stem_known(rest, 1))):
            return True
    for s in SUFFIXES:
        if word.endswith(s) and len(word) - len(s) >= 3:
            stem = word[: -len(s)]
            candidates = [stem, stem + "e", stem + "y"]
            if len(stem) > 3 and stem[-1] == stem[-2]:
                candidates.append(stem[:-1])  # "slimmer" -> "slim"
            if stem.endswith("i"):
                candidates.append(stem[:-1] + "y")  # "slinkier" -> "slinky"
            if any(zipf(c) >= STEM for c in candidates):
                return True
    return False


def _compound(word: str) -> bool:
    return any(zipf(word[:i]) >= 3.0 and zipf(word[i:]) >= 3.0 for i in range(4, len(word) - 3))


def _inflection(a: str, b: str) -> bool:
    """Whether one word is the other with an inflection added ("beachgoer", "beachgoers")."""
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and long[len(short) :] in ("s", "d", "es", "ed")


def common_neighbour(word: str) -> tuple[str, float] | None:
    """The commonest word one edit away (not an inflection of it), if one is at least NEIGHBOUR
    common, and its Zipf frequency."""
    scored = [(zipf(c), c) for c in common_neighbours(word) if not _inflection(word, c)]
    if not scored:
        return None
    z, c = max(scored)
    return c, z


#: Where British -ise, -yse and -our are American -ize, -yze and -or: before one of these endings,
#: on a stem of three letters or more ("civil-is-ed", "anal-ys-e", "hon-our-able"). The same
#: letters inside a word are no dialect: "fourth"/"forth", "mourning"/"morning", "prise"/"prize"
#: and "scoured"/"scored" are different words, and real slips of each other.
DIALECT_INFIXES = (("is", "iz"), ("ys", "yz"), ("our", "or"))
DIALECT_ENDINGS = frozenset(
    {
        "",
        "e",
        "s",
        "es",
        "ed",
        "ing",
        "er",
        "ers",
        "ation",
        "ations",
        "able",
        "ably",
        "ite",
        "ites",
        "ful",
        "less",
        "al",
    }
)


def dialect_variant(word: str, other: str) -> bool:
    """Whether two words are one word in British and American spelling ("civilised",
    "civilized"): a choice of dialect, never a misspelling or a slip of the key. codespell's
    list, and the endings it leaves out (it has "analyse" but not "stabilise")."""
    gb_us, us_gb = dialect_pairs()
    return (
        gb_us.get(word) == other
        or us_gb.get(word) == other
        or _dialect_ending(word, other)
        or _dialect_ending(other, word)
    )


def _dialect_ending(british: str, american: str) -> bool:
    for gb, us in DIALECT_INFIXES:
        i = british.find(gb, 3)
        while i != -1:
            rest = british[i + len(gb) :]
            if rest in DIALECT_ENDINGS and british[:i] + us + rest == american:
                return True
            i = british.find(gb, i + 1)
    return False


def _build_dictionary() -> StoredLines:
    path = package_file("pocketsphinx", "model", "en-us", "cmudict-en-us.dict")
    words = {line.split(" ", 1)[0].split("(", 1)[0] for line in path.read_text(encoding="utf-8").splitlines()}
    return pack_lines(dict.fromkeys((w for w in words if w.isalpha()), ""))


@cache
def _dictionary() -> Lines:
    """The Carnegie Mellon pronouncing dictionary's 134,000 words (shipped with pocketsphinx,
    BSD): a curated record of what is a word, which web frequencies are not."""
    path = package_file("pocketsphinx", "model", "en-us", "cmudict-en-us.dict")
    return Lines(built("dictionary", path, _build_dictionary))


def in_dictionary(word: str) -> bool:
    """Whether the pronouncing dictionary has the word, in its own or its American spelling."""
    table = _dictionary()
    return word in table or dialect_pairs()[0].get(word, word) in table


def _rare_variant(word: str, z: float) -> str | None:
    """The word a rare, undictionaried word is a slip of: a dictionary word far commoner that it
    is with one letter dropped ("missles", "childre"). A word one letter different or one longer
    is as often a word of its own ("supremo", "jokey"), so only the dropped letter counts."""
    if in_dictionary(word):
        return None
    found = [(zipf(c), c) for c in common_longer(word) if in_dictionary(c)]
    if not found:
        return None
    zc, right = max(found)
    if zc < max(NEIGHBOUR, z + VARIANT_GAP) or dialect_variant(word, right):
        return None
    return right


@lru_cache(maxsize=131072)
def misspelling(word: str) -> tuple[bool, str | None]:
    """(is it a misspelling, the likely correction) for a lowercase alphabetic word."""
    if len(word) > MAX_WORD:
        return False, None
    z = zipf(word)
    correction = _codespell().get(word)
    if correction is not None and dialect_variant(word, correction):
        correction = None  # codespell prefers American spellings; both are English
    if z >= COMMON:
        return (correction is not None and zipf(correction.split()[0]) > z + 1.5), correction
    if correction is not None:
        return True, correction
    if z >= RARE:
        right = _rare_variant(word, z)
        return right is not None, right
    neighbour = common_neighbour(word)
    if z == 0 and neighbour is not None and neighbour[1] >= OBVIOUS:
        return True, neighbour[0]  # never seen, and one key from a common word: "witgout"
    if _stem_known(word) or _compound(word):
        return False, None
    if neighbour is not None:
        return True, neighbour[0]
    return False, None  # an unseen word with no common neighbour: a term, a name, a loanword


def listed_correction(word: str) -> str | None:
    """codespell's correction of a lowercase word it lists as a misspelling, if any."""
    return _codespell().get(word)


def is_listed(word: str) -> bool:
    """Whether codespell lists the word as a misspelling (repeating it does not make it right)."""
    return _codespell().get(word) is not None
