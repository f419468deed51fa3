"""The desk's vocabulary: an accepted term is never flagged by any rule, a rejected one always is
(S001), from the configuration's lists or from folders holding accept.txt and reject.txt; `words`
counts as accepted terms."""

from __future__ import annotations

import pytest

from stylelint_news.config import Settings, Vocabulary
from stylelint_news.engine.linter import Flags, Linter
from stylelint_news.text.source import Source

from conftest import run_cli

#: A pack that swaps an old spelling, as a desk's own would.
KIEV_PACK = (
    '[[rule]]\ncode = "N101"\nname = "kyiv"\ntype = "substitution"\nmessage = "write {replacement}"\n'
    'swap = { "Kiev" = "Kyiv" }\n'
)
#: "Kiev" for the pack's substitution, "dreich" (Scots: dreary) for the speller.
DRAFT = "# Talks in Kiev\n\nThe envoy flew to Kiev on a dreich day and met Zelenskyy.\n"


def findings(registry, text: str = DRAFT, select: tuple[str, ...] | None = None, **settings):
    linter = Linter(Settings(**settings), registry, Flags(select=select))
    return [(f.code, text[f.start : f.end]) for f in linter.lint(Source("a.md", text)).findings]


def desk(tmp_path, config: str) -> str:
    (tmp_path / "desk.toml").write_text(KIEV_PACK, encoding="utf-8")
    (tmp_path / ".stylelint-news.toml").write_text('rules = ["desk.toml"]\n' + config, encoding="utf-8")
    (tmp_path / "a.md").write_text(DRAFT, encoding="utf-8")
    return str(tmp_path / "a.md")


def test_an_accepted_term_silences_a_pack_rule_and_the_speller_alike(tmp_path):
    path = desk(tmp_path, "")
    before = run_cli(path, "--no-cache", "--select", "N101,T001").stdout.decode()
    assert before.count("N101") == 2 and before.count("T001") == 1  # Kiev twice, dreich
    path = desk(tmp_path, '[vocabulary]\naccept = ["Kiev", "dreich"]\n')
    r = run_cli(path, "--no-cache", "--select", "N101,T001")
    assert (r.returncode, r.stdout, r.stderr) == (0, b"", b"")


def test_words_are_accepted_terms_too(registry):
    assert findings(registry, select=("T001",)) == [("T001", "dreich")]
    assert findings(registry, select=("T001",), words=("dreich",)) == []


def test_an_accepted_term_covers_only_itself(registry):
    text = "# Head\n\nIt was a dreich day and the the ferry was late.\n"
    # the accepted word does not hide a finding it is only part of: the doubled "the"
    got = findings(registry, text, select=("T",), vocabulary=Vocabulary(accept=("dreich", "the")))
    assert got == [("T003", "the the")]


def test_a_rejected_term_is_always_flagged_as_S001(registry):
    text = '---\ntitle: Kiev talks\n---\n\nThe envoy said "Kiev is calm" in Kiev, not in Kievan Rus.\n'
    got = findings(registry, text, select=("S001",), vocabulary=Vocabulary(reject=("Kiev",)))
    assert got == [("S001", "Kiev")] * 3  # the headline, inside a quotation and outside it; never "Kievan"


def test_terms_are_patterns_matched_whole_and_case_sensitively(registry):
    text = "# Head\n\nShe used a Taser, then a taser, then a TASER and ate tasers.\n"
    assert findings(registry, text, select=("S001",), vocabulary=Vocabulary(reject=("Taser",))) == [("S001", "Taser")]
    any_case = findings(registry, text, select=("S001",), vocabulary=Vocabulary(reject=("(?i)tasers?",)))
    assert [span for _, span in any_case] == ["Taser", "taser", "TASER", "tasers"]


def test_S001s_documented_example_with_a_reject_list(registry):
    rule = registry.rules["S001"]
    reject = Vocabulary(reject=("Kiev",))
    assert findings(registry, rule.bad, select=("S001",), vocabulary=reject) == [("S001", "Kiev")]
    assert findings(registry, rule.good, select=("S001",), vocabulary=reject) == []
    assert findings(registry, rule.bad, select=("S001",)) == []  # no list, nothing rejected


def test_vocabulary_folders(tmp_path):
    styles = tmp_path / "styles" / "desk"
    styles.mkdir(parents=True)
    (styles / "accept.txt").write_text("# the desk's spellings\nKiev\n", encoding="utf-8")
    (styles / "reject.txt").write_text("Zelenskyy\n", encoding="utf-8")
    path = desk(tmp_path, 'vocabularies = ["styles/desk"]\n')
    r = run_cli(path, "--no-cache", "--select", "N101,S001")
    assert r.stdout.decode().splitlines() == [f'{path}:3:48: S001 "Zelenskyy" is on the desk\'s reject list']


@pytest.mark.parametrize(
    "config, message",
    [
        ('vocabularies = ["nowhere"]\n', "vocabulary folder `nowhere` holds neither accept.txt nor reject.txt"),
        ('[vocabulary]\nreject = ["(Kiev"]\n', "bad regular expression in the vocabulary: '(Kiev'"),
        ('[vocabulary]\naccept = ["Kiev"]\nreject = ["Kiev"]\n', "term(s) both accepted and rejected: Kiev"),
        ('[vocabulary]\nallow = ["Kiev"]\n', "unknown key(s) allow in `vocabulary` (valid: accept, reject)"),
    ],
)
def test_a_bad_vocabulary_is_a_configuration_error(tmp_path, config, message):
    r = run_cli(desk(tmp_path, config), "--no-cache")
    err = r.stderr.decode()
    assert r.returncode == 2 and message in err and err.count("\n") == 1
