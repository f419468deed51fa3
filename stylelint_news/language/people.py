"""Names of people: is a capitalised word a first name or a surname, and where does an article
name someone in full?

Sources: the US Census Bureau's 1990 name lists as shipped by the `names` package (88,799
surnames, 5,494 first names), the international first-name dictionary of `gender-guesser`
(Jörg Michael's nam_dict, about 48,000 names from 54 countries) and the proper nouns of
lemminflect's lemma table (about 6,000 places, peoples, languages and people a dictionary lists:
"Czech", "Thames", "Darwin"). Loaded on first use: only A003, T004 and C001 ask, and only when an
article gives them a candidate.
"""

from __future__ import annotations

import gzip
import re
from functools import cache

from ..engine.context import built
from ..engine.datastore import package_file
from ..engine.patterns import Lazy
from .lexicon import Lines, StoredLines, pack_lines


def NAM_DICT():  # noqa: N802 - a path, named like the constant it stands for
    return package_file("gender_guesser", "data", "nam_dict.txt")


def _census(name: str) -> set[str]:
    text = package_file("names", name).read_text(encoding="ascii", errors="ignore")
    return {line.split(" ", 1)[0].capitalize() for line in text.splitlines() if line.strip()}


def _names(pack: list[str] | set[str]) -> StoredLines:
    return pack_lines(dict.fromkeys(pack, ""))


@cache
def census_first_names() -> Lines:
    return Lines(
        built(
            "census-first",
            package_file("names", "dist.male.first"),
            lambda: _names(_census("dist.male.first") | _census("dist.female.first")),
        )
    )


def _build_first_names() -> StoredLines:
    names = _census("dist.male.first") | _census("dist.female.first")
    text = NAM_DICT().read_text(encoding="iso-8859-1")
    for line in text.splitlines():
        if line[:1] in "MF?" and not line.startswith("#") and len(line) > 30:
            name = line[3:29].strip()
            if name.isalpha() and name[:1].isupper():
                names.add(name)
    return _names(names)


@cache
def first_names() -> Lines:
    return Lines(built("first-names", NAM_DICT(), _build_first_names))


def _ranked_surnames() -> StoredLines:
    """Each census surname with its rank (1 is the commonest)."""
    text = package_file("names", "dist.all.last").read_text(encoding="ascii", errors="ignore")
    rows = (line.split() for line in text.splitlines() if line.strip())
    return pack_lines({row[0].capitalize(): row[-1] for row in rows if len(row) == 4})


@cache
def surnames() -> Lines:
    """Census surnames, with their rank as the value."""
    return Lines(built("surnames", package_file("names", "dist.all.last"), _ranked_surnames))


def surname_rank(word: str) -> int | None:
    """A capitalised word's rank among US surnames ("Brennan": 744), or None if it is not one."""
    rank = surnames().get(word)
    return int(rank) if rank else None


def is_person_name(word: str) -> bool:
    """Whether a capitalised word is known as a first name or a surname."""
    return word in surnames() or word in first_names()


#: US surnames up to this census rank are well-known names wherever they stand (T002, T004);
#: past it, a surname spelt like a word ("Sea") says little.
KNOWN_SURNAME_RANK = 10_000


def is_common_name(word: str) -> bool:
    """Whether a capitalised word reads as a name even where every word is capitalised (a
    sentence's first word): a census given name, or a surname among the commonest. The wider
    lists hold rare surnames and given names from every language spelt like common words
    ("Sea", "Mane"), too weak to outweigh the word at a sentence's start."""
    rank = surname_rank(word)
    return word in census_first_names() or (rank is not None and rank <= KNOWN_SURNAME_RANK)


def is_given_name_only(word: str) -> bool:
    """A common English given name that is not also a surname: "Jill", "Lucy" (a person called by
    first name, as children and family members are), not "Ayodele" or "Glenn"-as-surname."""
    return word in census_first_names() and word not in surnames()


def _build_dictionary_names() -> StoredLines:
    """Each capitalised headword of lemminflect's lemma table with its parts of speech ("a" when
    it is also an adjective: a people's or a place's adjective, "Polish", "Atlantic")."""
    tags: dict[str, set[str]] = {}
    with gzip.open(package_file("lemminflect", "resources", "lemma_lu.csv.gz"), "rt", encoding="utf-8") as fh:
        for line in fh:
            form, pos, *_ = line.split(",", 2)
            if form[:1].isupper() and form[1:].islower() and pos in ("noun", "adj"):
                tags.setdefault(form, set()).add(pos[0])
    return pack_lines({form: "".join(sorted(t)) for form, t in tags.items()})


@cache
def dictionary_names() -> Lines:
    """Proper nouns a dictionary lists (places, peoples, languages, famous people), each with "n"
    and/or "a": a word that names something by itself, never a title a newsroom made up."""
    return Lines(
        built("dictionary-names", package_file("lemminflect", "resources", "lemma_lu.csv.gz"), _build_dictionary_names)
    )


def is_people_adjective(word: str) -> bool:
    """A place's or a people's adjective the dictionary lists: "Polish", "Czech", "Atlantic"."""
    return "a" in (dictionary_names().get(word) or "")


# -- names in an article -----------------------------------------------------------------------

TITLE_WORDS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Sir", "Dame", "Lord", "Lady"})

FULL_NAME = Lazy(
    r"(?<=(\S+)[ \t]+)(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}-])"
    r"|(\p{Lu}\p{Ll}+)(?=[ \t]+\p{Lu}\p{Ll}+-\p{Ll}+)"
)


def is_slip_of(name: str, known: str) -> bool:
    """One letter dropped, added, changed or two swapped in a name of five letters or more,
    keeping its first letter ("Abernaty" for "Abernathy", "Wierzbiki" for "Wierzbicki")."""
    if name == known or name[:1] != known[:1] or min(len(name), len(known)) < 5 or abs(len(name) - len(known)) > 1:
        return False
    if len(name) == len(known):
        diff = [i for i, (a, b) in enumerate(zip(name, known)) if a != b]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and name[diff[0]] == known[diff[1]]
            and name[diff[1]] == known[diff[0]]
        )
    short, long = sorted((name, known), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def full_namings(headline: str, prose: str) -> dict[str, int]:
    """Where each capitalised word is first named in full: after a first name or a title
    ("Grace Okafor", "President Okafor"), or before a hyphenated given name ("Kim Jung-tae").
    One pass over the article; the headline counts as offset -1."""
    firsts: dict[str, int] = {}
    for text, base in ((headline, None), (prose, 0)):
        for m in FULL_NAME.finditer(text):
            if m.group(2):
                word = m.group(1).strip("\"“‘'(")
                if not (word[:1].isupper() and word.rstrip(".") not in TITLE_WORDS and word[-1:] not in ".,;:!?"):
                    continue
                name, at = m.group(2), m.start(2)
                if word.isalpha() and word[1:].islower():
                    firsts.setdefault(word, -1 if base is None else at)  # family name first: "Tan Weiming"
            else:
                name, at = m.group(3), m.start(3)
            firsts.setdefault(name, -1 if base is None else at)
    return firsts


#: The particles a surname is joined to after a given name ("al-Mamun", "van Gaal", "bin Laden").
PARTICLES = "al|el|ad|as|ash|at|az|bin|ibn|abu|ben|bint|de|di|da|du|del|della|van|von|der|den|le|la|dos|das"
#: A surname after initials ("K.C. Maurer", "B. Satyanarayana", "J. K. Rowling").
INITIALLED = Lazy(r"(?<![\p{L}.])(?:\p{Lu}\.[ \t]?){1,3}[ \t]*(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}-])")
#: A surname joined to a particle after a given name ("Mohammed Abdullah al-Mamun", "Louis van
#: Gaal", "Osama bin Laden"), read where PARTICLE_AT finds a particle.
PARTICLE_NAME = Lazy(
    rf"(?<=\p{{Lu}}\p{{Ll}}+[ \t]+)(?:{PARTICLES})(?:[-\u2019'][ \t]?|[ \t]+)(\p{{Lu}}\p{{Ll}}+)(?![\p{{L}}-])"
)
#: Where a particle may begin. The standard library's re finds a set of short words in an
#: article's prose several times faster than regex does (regex tried the pattern with its
#: variable look-behind at every character: a tenth of A003's time), and regex reads the name
#: with Unicode's classes only at the few places found.
PARTICLE_AT = re.compile(rf"(?<=[ \t])(?:{PARTICLES})(?=[-\u2019' \t])")


def initialled_namings(prose: str) -> dict[str, int]:
    """Where each surname is first named in full in a way `full_namings` does not read: after
    initials, or after a given name and a particle ("al-Mamun": "Mamun" is named in full)."""
    found = [(m.start(1), m.group(1)) for m in INITIALLED.finditer(prose)]
    particle_name = PARTICLE_NAME.match
    for at in PARTICLE_AT.finditer(prose):
        m = particle_name(prose, at.start())
        if m is not None:
            found.append((m.start(1), m.group(1)))
    firsts: dict[str, int] = {}
    for start, name in sorted(found):
        firsts.setdefault(name, start)
    return firsts
