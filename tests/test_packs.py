"""TOML rule packs: the four types, validation on load, the time limit on patterns."""
from __future__ import annotations

import time

import pytest

from stylelint_news.checks.packs import BUILTIN_TYPES, read_pack
from stylelint_news.document import Document
from stylelint_news.errors import RuleSkipped, UsageError
from stylelint_news.rule import Context
from stylelint_news.source import Source


def rules(text):
    return read_pack(text, "desk.toml", BUILTIN_TYPES)


def run(rule, text, path="a.md"):
    return list(rule.check(Document(Source(path, text)), Context()))


def test_existence_with_message_template():
    (rule,) = rules('[[rule]]\ncode = "N001"\nname = "no-slams"\ntype = "existence"\nmessage = "avoid \\"{match}\\""\n'
                    'tokens = ["slams", "blasts"]\nignore-case = true\n')
    found = run(rule, "The minister Slams the plan and blasts rivals.\n")
    assert [f.message for f in found] == ['avoid "Slams"', 'avoid "blasts"']


def test_substitution_keeps_case_and_fixes():
    (rule,) = rules('[[rule]]\ncode = "N002"\nname = "kyiv"\ntype = "substitution"\nmessage = "{replacement}"\n'
                    'ignore-case = true\nswap = { "kiev" = "Kyiv" }\n')
    found = run(rule, "KIEV and Kiev.\n")
    assert [f.fix.edits[0].text for f in found] == ["KYIV", "Kyiv"]


def test_consistency_points_at_the_first_form():
    (rule,) = rules('[[rule]]\ncode = "N003"\nname = "email"\ntype = "consistency"\nmessage = "{match} vs {other} at {line}"\n'
                    'forms = [["\\\\be-mail\\\\b", "\\\\bemail\\\\b"]]\n')
    found = run(rule, "Send an e-mail.\n\nOr an email.\n")
    assert [f.message for f in found] == ["email vs e-mail at 1"]


def test_capitalisation_and_quote_scope():
    (rule,) = rules('[[rule]]\ncode = "N004"\nname = "nato"\ntype = "capitalisation"\nmessage = "{replacement}"\n'
                    'terms = ["NATO"]\nquotes = "exclude"\n')
    found = run(rule, 'Nato met. "Nato is old," he said.\n')
    assert [(f.column, f.message) for f in found] == [(1, "NATO")]


@pytest.mark.parametrize("body, message", [
    ('[[rule]]\ncode = "N001"\nname = "x"\ntype = "existence"\nmessage = "m"\npatterns = ["(unclosed"]\n',
     "desk.toml: rule 1 (N001): bad regular expression in pattern '(unclosed'"),
    ('[[rule]]\ncode = "N001"\nname = "x"\ntype = "bogus"\nmessage = "m"\n',
     "desk.toml: rule 1 (N001): unknown type 'bogus'"),
    ('[[rule]]\ncode = "N001"\nname = "x"\ntype = "existence"\nmessage = "m"\ntokens = ["a"]\ncolour = 1\n',
     "desk.toml: rule 1 (N001): unknown key(s) colour for type 'existence'"),
    ('[[rule]]\ncode = "N001"\nname = "x"\ntype = "existence"\ntokens = ["a"]\n',
     "desk.toml: rule 1 (N001): missing `message`"),
    ('[[rule]]\ncode = "N001"\nname = "x"\ntype = "existence"\nmessage = "{nope}"\ntokens = ["a"]\n',
     "desk.toml: rule 1 (N001): message uses {nope}"),
    ('[[rule]]\ncode = "N001"\nname = "x"\ntype = "existence"\nmessage = "m"\ntokens = ["a"]\n' * 2,
     "desk.toml: rule 2 (N001): code N001 is used twice in this pack (also rule 1)"),
    ('[[rule]\n', "desk.toml: invalid TOML: "),
])
def test_broken_packs_say_what_and_where(body, message):
    with pytest.raises(UsageError) as err:
        rules(body)
    assert str(err.value).startswith(message)


def test_catastrophic_pattern_is_stopped_and_reported():
    (rule,) = rules('[[rule]]\ncode = "N005"\nname = "slow"\ntype = "existence"\nmessage = "m"\npatterns = ["(a+)+$"]\n')
    started = time.monotonic()
    with pytest.raises(RuleSkipped, match="over 1 s"):
        run(rule, "a" * 5000 + "!\n")
    assert time.monotonic() - started < 3
