"""The word lists we curate: sorted, no duplicates, each with its source, nothing mapped to itself."""

from __future__ import annotations

from importlib import resources

import pytest

DATA = resources.files("stylelint_news").joinpath("data")
LISTS = sorted(p.name for p in DATA.iterdir() if p.name.endswith(".txt"))
#: Lists whose entries are capitalised as written (titles before a name).
CAPITALISED = {"honorifics.txt"}


def entries(name: str) -> list[str]:
    return [ln for ln in DATA.joinpath(name).read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]


@pytest.mark.parametrize("name", LISTS)
def test_lists_are_sorted_unique_and_sourced(name):
    """Each list says where it comes from, and its first column is sorted and has no duplicates
    (confusion_sets.txt holds sets, checked below)."""
    text = DATA.joinpath(name).read_text(encoding="utf-8")
    assert text.startswith("#") and ("Source" in text or "CGEL" in text), f"{name} does not say where it comes from"
    rows = entries(name)
    keys = [r.split()[0] for r in rows] if name != "confusion_sets.txt" else rows
    assert keys == sorted(keys), f"{name} is not sorted"
    assert len(keys) == len(set(keys)), f"{name} has duplicates"
    assert all(r == r.strip() for r in rows)
    if name not in CAPITALISED:
        assert all(r == r.lower() for r in rows), f"{name} has capitals"


def test_the_tables_have_their_columns_and_kinds():
    from stylelint_news.language import wordlists

    assert set(wordlists.determiners().values()) == {"article", "demonstrative", "possessive"}
    assert set(wordlists.honorifics().values()) == {"surname", "given", "either"}
    assert set(wordlists.source_nouns().values()) == {"vague", "profession"}
    assert all(len(r.split()) == 5 for r in entries("reporting_verbs.txt"))
    assert {v.kind for v in wordlists.reporting_verbs().values()} == {"speech", "belief"}


def test_reporting_verb_forms_are_the_verbs_own():
    """Each verb's third person, past and participle are forms lemminflect's tables give it."""
    import csv
    import gzip

    from stylelint_news.engine.datastore import package_file
    from stylelint_news.language import wordlists

    forms: dict[str, set[str]] = {}
    with gzip.open(package_file("lemminflect", "resources", "infl_lu.csv.gz"), "rt", encoding="utf-8") as fh:
        for lemma, pos, *rest in csv.reader(fh):
            if pos == "verb":
                forms.setdefault(lemma, set()).update(f for cell in rest for f in cell.split("/") if f)
    for verb in wordlists.reporting_verbs().values():
        known = forms.get(verb.base, set())
        for form in (verb.third, verb.past, verb.participle):
            assert form in known or form == verb.base + "s", (verb.base, form)


def test_auxiliaries_are_function_words_too():
    closed = set(entries("closed_class.txt"))
    missing = set(entries("auxiliaries.txt")) - closed - {"be", "will", "shall"}
    assert not missing, missing


def test_confusion_sets_have_two_or_more_distinct_words_and_no_word_twice():
    seen: set[str] = set()
    for row in entries("confusion_sets.txt"):
        words = row.split()
        assert len(words) >= 2 and len(set(words)) == len(words), row
        assert words == sorted(words), row
        assert not seen & set(words), f"{row}: a word is in two sets"
        seen.update(words)


def test_built_confusion_sets_never_map_a_word_to_itself_or_an_inflection():
    from stylelint_news.language import confusables

    for word in ("trial", "public", "from", "said", "their", "claims", "county"):
        found = confusables.candidates(word)
        assert word not in found and word + "s" not in found and found, word


@pytest.mark.parametrize("switch_after", [0, 3, 1000])
@pytest.mark.parametrize("stride", [1, 2, 3, 64])
def test_word_tables_answer_the_same_by_bisection_and_as_a_dict(switch_after, stride):
    """One article searches the tables by bisection, an archive as a dict: the answers must not
    depend on how many look-ups came first, nor on where the sampled lines fall."""
    from stylelint_news.language.lexicon import Lines, Table, _pack, pack_lines

    pairs = {"harbour": 40, "zebra": 12, "aardvark": 3, "ferry": 255, "quay": 7, "jetty": 9, "éclair": 5}
    words = {"colour": "color", "grey": "gray", "tyre": "tire", "kerb": "curb", "aeroplane": "airplane"}
    odd = {**words, "tab": "a\tb", "none": ""}  # a tab in a value: the dict is split line by line
    table, lines, odd_lines = (
        Table(_pack(pairs, stride)),
        Lines(pack_lines(words, stride)),
        Lines(pack_lines(odd, stride)),
    )
    table.DICT_AFTER = lines.DICT_AFTER = odd_lines.DICT_AFTER = switch_after
    for _ in range(2):  # before and after the switch
        for probe in [*pairs, "ferr", "ferryboat", "", "zz", "a", "quays", "jet"]:
            assert table.get(probe) == pairs.get(probe, 0)
            assert (table.getter()(probe) or 0) == pairs.get(probe, 0)  # the bare look-up of a loop
        for probe in [*odd, "colo", "colours", "", "tyres", "aero", "kerbs", "zz", "ta", "b"]:
            assert lines.get(probe) == words.get(probe)
            assert odd_lines.get(probe) == odd.get(probe)


def test_parts_of_speech_from_lemminflect():
    """The table T002 reads to tell a verb in its own right from a slip for "said"."""
    from stylelint_news.language.inflections import can_be_noun, is_past_tense, parts_of_speech

    assert all(is_past_tense(w) for w in ("slid", "told", "folded", "written", "dented"))
    assert not any(is_past_tense(w) for w in ("sad", "oars", "toad", "adder", "slide", "told-off"))
    assert can_be_noun("harbour") and can_be_noun("fold") and not can_be_noun("sad")
    assert parts_of_speech("villagers") == "n" and parts_of_speech("qzxv") == ""


def test_census_surname_ranks():
    from stylelint_news.language.people import surname_rank

    assert surname_rank("Smith") == 1 and 100 < surname_rank("Walsh") < 2000
    assert surname_rank("Qzxv") is None and surname_rank("Harbour") > 2000  # a surname, but a rare one


def test_a_word_table_finds_an_articles_keys_by_bisection_then_as_a_dict():
    """`among` looks each word up while the table is asked little, then turns it into a dict
    and intersects in C: the same answer either way, as the table grows used."""
    from stylelint_news.language.lexicon import Lines, pack_lines

    keys = {f"word{i:03}": "" for i in range(100)}  # a twentieth of its lines: five words
    lines = Lines(pack_lines(keys))
    article = frozenset({"word007", "word099", "ferry"})
    assert lines.among(article) == {"word007", "word099"} and lines.map is None  # three words asked
    assert lines.among(article) == {"word007", "word099"} and lines.map is not None  # six: a dict
    assert lines.among(frozenset({"word100", "word0"})) == set()
