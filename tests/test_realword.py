"""T002's contextual model and the T001/T003 mechanisms of issue 15, on sentences of our own."""

from __future__ import annotations

import time

import pytest

from stylelint_news.engine.context import current
from stylelint_news.language import channel, lexicon, slips, spelling
from stylelint_news.language.inflections import same_lemma
from stylelint_news.language.lm import END, START, model


@pytest.fixture(scope="module")
def lm():
    with current().active():
        yield model()


# -- candidates and the channel ----------------------------------------------------------------


@pytest.mark.parametrize(
    "typed, meant, kind",
    [
        ("manger", "manager", "drop"),
        ("adress", "address", "drop-double"),
        ("tje", "the", "neighbour-key"),  # j is beside h
        ("fame", "fume", "vowel"),
        ("barn", "born", "vowel"),
        ("plot", "blot", "other-key"),
        ("form", "from", "swap"),
        ("planed", "planned", "drop-double"),
        ("hoppe", "hope", "double"),
        ("stoop", "stop", "double"),
        ("mosth", "most", "insert-neighbour"),
        ("pricnes", "princes", "swap"),
    ],
)
def test_each_slip_has_its_kind(typed, meant, kind):
    assert channel.edit(typed, meant) == kind


def test_slips_are_weighed_by_kind_and_a_classic_confusion_most_of_all():
    with current().active():
        drop = channel.log_slip("manger", "manager")
        far_key = channel.log_slip("plot", "blot")
        classic = channel.log_slip("loose", "lose")
        assert classic == channel.CONFUSION
        assert classic > drop > far_key  # a dropped letter is commoner than a key across the board
        assert channel.log_slip("harbour", "ferry") is None  # no one slip turns one into the other


def test_candidates_leave_out_forms_of_one_word_function_pairs_and_numbers():
    with current().active():
        assert same_lemma("matched", "matches") and same_lemma("woman", "women")
        assert not same_lemma("trial", "trail")
        for word, not_meant in (("matched", "matches"), ("his", "this"), ("two", "to")):
            assert not_meant not in [c for c, _ in slips._judged(word)], word  # the rules the table is built by
            assert not_meant not in [c for c, _ in slips.slips_for(word)], word  # and the stored table
        assert "their" in [c for c, _ in slips.slips_for("there")]  # a classic confusion of function words
        assert "trial" in [c for c, _ in slips.slips_for("trail")]


def test_a_word_outside_the_model_is_a_suspect_with_its_web_frequency():
    with current().active():
        lm = model()
        assert lm.lookup("determiner") is None  # the trigram model's vocabulary lacks it; wordfreq has it
        assert "determined" in [c for c, _ in slips.slips_for("determiner")]
        assert slips.typed_logprob("determiner", None) == pytest.approx(lexicon.zipf("determiner") - 9)
        assert slips.typed_logprob("the", "the") == lm.logprob("the")


def test_a_dialect_spelling_and_a_misspelling_are_no_real_word_slips():
    with current().active():
        # the other dialect's spelling of the word is a choice (T001 knows the house's dialect)
        assert "industrialized" not in [c for c, _ in slips._judged("industrialised")]
        assert "honorable" not in [c for c, _ in slips._judged("honourable")]
        # but the same letters inside a word are two words, and a classic slip
        assert "forth" in [c for c, _ in slips._judged("fourth")]
        assert "morning" in [c for c, _ in slips._judged("mourning")]
        # a misspelling T001 flags is one finding, not two
        assert spelling.misspelling("corse")[0] and slips._judged("corse") == []


# -- the model ---------------------------------------------------------------------------------


def test_the_model_knows_british_spellings_by_their_american_form(lm):
    assert lm.lookup("criticise") == "criticize" and lm.lookup("Organise") == "organize"
    assert lm.lookup("xqzvw") is None


def test_a_word_in_its_usual_company_is_likelier_than_a_slip(lm):
    assert lm.logprob("manager", "fund", "a") > lm.logprob("manger", "fund", "a") + 2
    assert lm.logprob("the", START) > lm.logprob("the", "the")


def test_an_unknown_word_ends_the_history_it_backs_off_from(lm):
    """A name the model does not know is no context: P(word | unknown, x) is P(word)."""
    assert lm.logprob("said", None, "the") == lm.logprob("said")
    assert lm.logprob("said", "minister", None) == lm.logprob("said", "minister")


#: Sentences of our own for the two readers of the model: every trigram, bigram and unigram
#: of them and of their words shuffled (unseen n-grams, so every back-off path), with words
#: the model does not know among them.
READER_TEXT = """The council said on Tuesday that the new bridge over the river would open in spring.
Shoppers queued outside the bakery before dawn, hoping for the last loaves of the week.
A spokeswoman for the hospital trust declined to comment on the figures published yesterday.
Engineers warned that the ageing pipes beneath Qzxtown could burst during a hard frost.
The committee criticised the minister's plan, calling it rushed and poorly costed."""


def _reader_questions() -> list[tuple[str, str | None, str | None]]:
    import random

    words = READER_TEXT.lower().replace(",", "").replace(".", "").split()
    shuffled = words[:]
    random.Random(0).shuffle(shuffled)
    asked = []
    for seq in (words, shuffled, words[::-1]):
        seq = [START, *seq, END]
        for i in range(1, len(seq)):
            asked += [
                (seq[i], seq[i - 1], seq[i - 2] if i > 1 else None),
                (seq[i], seq[i - 1], None),
                (seq[i], None, None),
            ]
    return asked


def test_the_mapped_file_scores_every_question_as_pocketsphinx_does(lm):
    """One article's questions are answered by reading the model's file in Python; an archive's
    by pocketsphinx's C reader: both must give the same integer, back-offs and unknown words
    included."""
    from stylelint_news.language.lm import _CReader

    c = _CReader()
    asked = _reader_questions()
    assert len(asked) > 400
    for word, h1, h2 in asked:
        raw = c.prob([x for x in (word, h1, h2) if x is not None])
        assert lm._from_file(word, h1, h2) == (None if raw == c.zero else raw), (word, h1, h2)


def test_the_model_loads_the_c_reader_only_once_asked_enough(monkeypatch):
    from stylelint_news.language import lm as lm_module

    questions = _reader_questions()[:24]
    monkeypatch.setattr(lm_module, "C_AFTER", 5)
    with current().active():
        fresh = lm_module.LanguageModel()
        first = [fresh.logprob(*q) for q in questions[:12]]
        assert fresh._c is not None
        fresh._file = None  # type: ignore[assignment]  # the C reader answers from now on
        rest = [fresh.logprob(*q) for q in questions[12:]]
        monkeypatch.setattr(lm_module, "C_AFTER", 10_000)
        by_file = lm_module.LanguageModel()
        assert [by_file.logprob(*q) for q in questions] == first + rest
        assert by_file._c is None


def test_one_article_imports_neither_pocketsphinx_nor_what_only_errors_and_help_need(tmp_path):
    """pocketsphinx's import and C reader cost one article more than all T002's questions do;
    traceback (a crashing rule's report) and shutil (argparse's terminal width) 8 and 6 ms. (The
    first run after an install builds the word tables, and asks the model enough to load it.)"""
    import subprocess
    import sys

    article = tmp_path / "a.md"
    article.write_text("The fund manger said the plan had failed.\n\nShoppers were angry.\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from stylelint_news.cli import main\n"
        f"sys.argv = ['stylelint-news', '--no-cache', {str(article)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print([m for m in ('pocketsphinx', 'traceback', 'shutil') if m in sys.modules], file=sys.stderr)\n"
    )
    subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)  # builds what a first run builds
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "T002" in run.stdout and run.stderr.strip().splitlines()[-1] == "[]", run.stderr


@pytest.mark.parametrize(
    "text, word, meant",
    [
        ("Investors asked a fund manger at the bank whether rates would rise.", "manger", "manager"),
        ("The union has serious concerns abut that approach to pay.", "abut", "about"),
        ("His early career was in stark contract to his later success.", "contract", "contrast"),
        ("The government fell after less then four years in office.", "then", "than"),
        ("If we loose the vote, the plan is dead, the leader said.", "loose", "lose"),
        ("The council will weight for the results before deciding.", "weight", "wait"),
        ("The talks went back and fourth for hours before a deal was struck.", "fourth", "forth"),
        # a word the trigram model does not know: its frequency alone, against the candidate's fit
        ("The minister said the decision was determiner by the courts.", "determiner", "determined"),
    ],
)
def test_a_real_word_out_of_place_is_flagged_with_the_word_meant(lint, text, word, meant):
    found = lint(text, select="T002")
    assert [(text[f.start : f.end], f.suggestions[0]) for f in found] == [(word, meant)]
    assert "times likelier" in found[0].message and not found[0].fix.safe


#: Copy in which the candidates are words the article uses (each is likelier meant where it uses
#: it), so that the context alone decides.
OWN_WORDS = "She used the money where it was needed, and went through the figures. They have said so.\n\n"


def test_a_capitalised_neighbour_is_a_name_not_the_common_word(lint):
    """The model is lowercase: a name beside the word ("Ireland end their season") would be read
    as the common word ("ireland and"). To the model a name is a word it does not know."""
    assert (
        lint(OWN_WORDS + "Defeat in Cardiff last week saw Ireland end their season without a win.", select="T002") == []
    )
    # the first word of a sentence is capitalised as such, and stays context
    found = lint(OWN_WORDS + "Plans hive been drawn up to move the work forward before the winter.", select="T002")
    assert [f.suggestions[0] for f in found] == ["have"]
    assert found[0].message.endswith("(over a million times likelier in this context)")


@pytest.mark.parametrize(
    "text, code",
    [
        ('He told reporters: "It it would be wrong to say so."', "T003"),  # a quotation opens
        (OWN_WORDS + 'The coach said: "I\'ve bean there before, and it was hard."', "T002"),
        (OWN_WORDS + "He said that I've bean there before and it was hard.", "T002"),  # "I" is a word
        # a standfirst of two sentences is one span: its second sentence's first word is no name
        (
            '---\nstandfirst: "Talks collapsed on Monday. Officials hive said the plan had failed."\n---\n\n'
            + OWN_WORDS,
            "T002",
        ),
    ],
)
def test_a_capital_that_opens_a_sentence_or_a_quotation_or_is_i_is_no_name(lint, text, code):
    assert [f.code for f in lint(text, select=code)] == [code]


@pytest.mark.parametrize(
    "text",
    [
        "The city has a long coastline and the fishing fleet is small.",
        "Passengers waited for hours at the port before the ferry left the harbour.",
        "The coach praised his players after their win on Saturday.",
        "The minister said he would visit the hospital too, after the talks.",  # "too," ends a phrase
        "Africa needed to listen to the world too, he said.",
        "Councillors voted to approve the plan, and two members abstained.",  # a number is chosen
        # no pair across punctuation: "risks too" and "too with" are no neighbours of "too"
        "The two councils met on Monday. There are risks, too, with the idea that prices could rise.",
    ],
)
def test_words_that_fit_their_context_pass(lint, text):
    assert lint(text, select="T002") == []


def test_the_frames_work_out_a_words_candidates_once_a_process(lint, monkeypatch):
    from stylelint_news.checks.typos import confused_word

    edits = []
    real = confused_word.edit
    monkeypatch.setattr(confused_word, "edit", lambda x, c: edits.append(x) or real(x, c))
    confused_word._frame_candidates.cache_clear()
    text = "The minister adder that the talks would resume on Monday."
    assert [f.suggestions[0] for f in lint(text, select="T002")] == ["added"]
    asked = len(edits)
    assert [f.suggestions[0] for f in lint(text, select="T002")] == ["added"]
    assert asked and len(edits) == asked  # the second article asks no edit again


def test_a_word_the_article_uses_twice_is_meant(lint):
    once = "Investors asked a fund manger at the bank whether rates would rise."
    twice = once + " The manger said rates would stay where they were."
    assert lint(once, select="T002") and not lint(twice, select="T002")


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_a_word_with_an_apostrophe_is_a_suspect_in_either_apostrophe(lint, apostrophe):
    text = f"Please send us you{apostrophe}re views on the new timetable by Friday."
    assert [(text[f.start : f.end], f.suggestions[0]) for f in lint(text, select="T002")] == [
        (f"you{apostrophe}re", "your")
    ]


def test_a_word_the_article_uses_in_another_form_is_meant(lint):
    """ "sues" beside "sued": the word is part of the story, however rare its company."""
    once = "The company sues the regulator over the new rules."
    assert [f.suggestions for f in lint(once, select="T002")] == [("uses",)]
    assert lint(once + " It sued the same regulator last year and lost.", select="T002") == []
    # forms that begin alike, that is: an irregular past ("ate" beside "eat") protects nothing
    ate = "Supporters ate angry about the price of tickets, the club said."
    assert [f.suggestions for f in lint(ate + "\n\nMany supporters eat at the ground.", select="T002")] == [("are",)]


def test_a_sentences_first_word_is_judged_as_a_word_unless_it_is_a_common_name(lint):
    """A capital at a sentence's start says nothing: a common surname there is a name, a rare
    one spelt like a common word (a census entry ranked past 10,000) is the word."""
    found = lint("Sea also the notes at the end of this page.", select="T002")
    assert [f.suggestions for f in found] == [("See",)]
    assert lint("Linton said the plan was sound.", select="T002") == []


def test_headlines_and_standfirsts_are_read_too(lint):
    text = (
        "---\n"
        "title: Investors quiz fund manger at the bank\n"
        "standfirst: The union has serious concerns abut that approach to pay.\n"
        "---\n\n"
        "Rates stayed where they were.\n"
    )
    found = lint(text, select="T002")
    assert sorted(text[f.start : f.end] for f in found) == ["abut", "manger"]
    assert all(f.line in (2, 3) for f in found)


# -- T001 --------------------------------------------------------------------------------------


def test_typos_in_a_title_case_headline_and_a_standfirst_are_found(lint):
    text = '---\ntitle: "Minister Resigns Over Expences Row"\ndek: The minsiter denied it.\n---\n\nHe went.\n'
    found = lint(text, select="T001")
    assert [(text[f.start : f.end], f.suggestions[0], f.line) for f in found] == [
        ("Expences", "Expenses", 2),
        ("minsiter", "minister", 3),
    ]


def test_a_plain_text_headline_is_spell_checked(lint):
    text = "Ferry fares to rise in the autum\n\nFares will rise in October.\n"
    assert [text[f.start : f.end] for f in lint(text, path="a.txt", select="T001")] == ["autum"]


def test_ligatures_are_read_as_their_letters_and_the_writers_bytes_kept(lint):
    text = "The ﬁnal ﬁve teams reached the ﬁnel stage of the contest."
    found = lint(text, select="T001")
    assert [(text[f.start : f.end], f.suggestions[0]) for f in found] == [("ﬁnel", "final")]


def test_a_capitalised_word_a_misspelling_list_knows_is_a_misspelling(lint):
    text = "The Portugese ambassador met the Portuguese team in Lisbon."
    found = lint(text, select="T001")
    assert [(text[f.start : f.end], f.suggestions[0]) for f in found] == [("Portugese", "Portuguese")]


def test_one_judge_finds_misspelt_names_and_words_and_gathers_names_once_when_asked(lint, monkeypatch):
    from stylelint_news.checks.typos import misspelling

    built = []
    real = misspelling._Context._names
    monkeypatch.setattr(misspelling._Context, "_names", lambda self: built.append(1) or real(self))
    text = "The Portugese minister was finaly heard, and the recieved wisdom of the Minister of Finance."
    found = lint(text, select="T001")
    assert [(text[f.start : f.end], f.suggestions[0]) for f in found] == [
        ("Portugese", "Portuguese"),
        ("finaly", "finally"),
        ("recieved", "received"),
    ]
    assert built == [1]  # two misspelt words ask whether each is a name: the names are gathered once
    built.clear()
    assert lint("The minister was heard by the Minister of Finance in Lisbon.", select="T001") == []
    assert built == []  # no suspect, no title-case headline: the names are never gathered


def test_a_title_case_headline_is_read_before_the_standfirst_that_follows_it(lint):
    # the standfirst's capital opens a sentence: no sign that the headline's word is a name
    text = '---\ntitle: "Minister Resigns Over Expences Row"\ndek: Expences were high, the minsiter said.\n---\n\nHe went.\n'
    found = lint(text, select="T001")
    assert [(text[f.start : f.end], f.line) for f in found] == [("Expences", 2), ("minsiter", 3)]


def test_a_frequent_web_misspelling_with_a_letter_dropped_is_a_misspelling(lint):
    text = "The army said the missles were old, and the supremo agreed."
    found = lint(text, select="T001")
    assert [(text[f.start : f.end], f.suggestions[0]) for f in found] == [("missles", "missiles")]


@pytest.mark.parametrize("size", [10_000, 1_000_000])
def test_one_enormous_word_is_no_candidate_and_costs_little(lint, size):
    text = "Head\n\nThe word " + "a" * size + " is long.\n"
    start = time.perf_counter()
    assert lint(text, path="a.txt", select="T") == []
    assert time.perf_counter() - start < 2


# -- T003 --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, flagged, safe",
    [
        ("The council will meet to to discuss the budget.", "to to", True),
        ("The report was sent to the the committee.", "the the", True),
        ("The plan is is unpopular with voters.", "is is", False),
        ("If he said it it would be news.", "it it", False),  # may want a comma
        ("The plan that that failed was costly.", "that that", False),
    ],
)
def test_slips_of_doubling_and_whether_deleting_one_is_safe(lint, text, flagged, safe):
    found = lint(text, select="T003")
    assert [text[f.start : f.end] for f in found] == [flagged]
    assert found[0].fix.safe is safe


@pytest.mark.parametrize(
    "text",
    [
        "What it is is a matter of money.",
        "He said that that plan had failed.",
        "She had had enough of the delays.",
        "It was very very cold on the quay.",
    ],
)
def test_english_doubles_its_own_words_and_those_pass(lint, text):
    assert lint(text, select="T003") == []


def test_a_double_in_the_headline_is_found(lint):
    text = "Ferry fares to rise in the the autumn\n\nFares will rise.\n"
    assert [text[f.start : f.end] for f in lint(text, path="a.txt", select="T003")] == ["the the"]


def test_no_audio_library_is_loaded():
    import subprocess
    import sys

    code = (
        "import sys; from stylelint_news import lint_text; "
        "lint_text('The council will weight for the results.'); "
        "print('sounddevice' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_end_marks_a_phrase_boundary(lm):
    """A phrase-final "too" is what the model expects before a break, "to" never."""
    assert lm.logprob(END, "too", "hospital") > lm.logprob(END, "to", "hospital") + 1


def test_punctuation_parts_the_words_the_model_sees(lm):
    """The model has no punctuation: a comma, a dash or a quotation mark between two words is a
    phrase boundary in its view, so "too," is read as ending a phrase."""
    from stylelint_news.checks.typos.wordfit import BREAK, local
    from stylelint_news.text.document import Document
    from stylelint_news.text.source import Source

    doc = Document.parse(Source("a.md", "He would visit the hospital too, after the talks.\n"))
    words = doc.read_words
    k = words.texts.index("too")
    seq, j = local(doc, lm, k, 0, len(words))
    assert seq[j] == "too" and seq[j + 1] is BREAK and seq[j - 1] == "hospital"
    assert local(doc, lm, 0, 0, len(words))[0][0] is START


def test_the_neighbours_t002_reads_are_those_of_the_sequence_t003_builds(lm):
    """T002 reads a suspect's four neighbours directly (`_around`), T003 builds the sequence
    (`local`): two ways to one view of a sentence, which must agree on every word, at a
    sentence's edges, around punctuation, and beside words the model does not know."""
    from stylelint_news.checks.typos.wordfit import BREAK, _around, _history, local, sentence_around
    from stylelint_news.text.document import Document
    from stylelint_news.text.source import Source

    text = (
        "# Ferry fares rise, again\n\n"
        "Passengers, who waited for hours at Xqzport, said the 590 fares were too high.\n"
        '"It is a scandal," one said - and the operator, Brightsea Lines, did not reply; '
        "talks (with unions) resume on 12 May.\n"
    )
    doc = Document.parse(Source("a.md", text))
    words = doc.read_words
    for k in range(len(words)):
        lo, hi = sentence_around(doc, k)
        seq, j = local(doc, lm, k, lo, hi)
        h1, h2 = _history(seq, j)
        after: list[str | None] = []
        for m in (j + 1, j + 2):
            if m >= len(seq) or seq[m] is None:
                after.append(None)
                break
            after.append(END if seq[m] is BREAK else seq[m])
            if after[-1] == END:
                break
        after += [None] * (2 - len(after))
        h1, h2 = (h1, h2) if h1 is not None else (None, None)
        assert _around(doc, lm, k, lo, hi) == (h1, h2, *after), (words.texts[k], seq, j)
