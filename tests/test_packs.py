"""TOML rule packs: the four types, validation on load, the time limit on patterns."""

from __future__ import annotations

import time

import pytest

from stylelint_news.engine.context import Context
from stylelint_news.errors import RuleSkipped, UsageError
from stylelint_news.packs.loader import read_pack
from stylelint_news.packs.types import BUILTIN_TYPES
from stylelint_news.text.document import Document
from stylelint_news.text.source import Source


def rules(text):
    return read_pack(text, "desk.toml", BUILTIN_TYPES)


def run(rule, text, path="a.md"):
    return list(rule.check(Document(Source(path, text)), Context()))


def test_existence_with_message_template():
    (rule,) = rules(
        '[[rule]]\ncode = "N001"\nname = "no-slams"\ntype = "existence"\nmessage = "avoid \\"{match}\\""\n'
        'tokens = ["slams", "blasts"]\nignore-case = true\n'
    )
    found = run(rule, "The minister Slams the plan and blasts rivals.\n")
    assert [f.message for f in found] == ['avoid "Slams"', 'avoid "blasts"']


def test_substitution_keeps_case_and_fixes():
    (rule,) = rules(
        '[[rule]]\ncode = "N002"\nname = "kyiv"\ntype = "substitution"\nmessage = "{replacement}"\n'
        'ignore-case = true\nswap = { "kiev" = "Kyiv" }\n'
    )
    found = run(rule, "KIEV and Kiev.\n")
    assert [f.fix.edits[0].text for f in found] == ["KYIV", "Kyiv"]


def test_consistency_points_at_the_first_form():
    (rule,) = rules(
        '[[rule]]\ncode = "N003"\nname = "email"\ntype = "consistency"\nmessage = "{match} vs {other} at {line}"\n'
        'forms = [["\\\\be-mail\\\\b", "\\\\bemail\\\\b"]]\n'
    )
    found = run(rule, "Send an e-mail.\n\nOr an email.\n")
    assert [f.message for f in found] == ["email vs e-mail at 1"]


def test_capitalisation_and_quote_scope():
    (rule,) = rules(
        '[[rule]]\ncode = "N004"\nname = "nato"\ntype = "capitalisation"\nmessage = "{replacement}"\n'
        'terms = ["NATO"]\nquotes = "exclude"\n'
    )
    found = run(rule, 'Nato met. "Nato is old," he said.\n')
    assert [(f.column, f.message) for f in found] == [(1, "NATO")]


@pytest.mark.parametrize(
    "body, message",
    [
        (
            '[[rule]]\ncode = "N001"\nname = "x"\ntype = "existence"\nmessage = "m"\npatterns = ["(unclosed"]\n',
            "desk.toml: rule 1 (N001): bad regular expression in pattern '(unclosed'",
        ),
        (
            '[[rule]]\ncode = "N001"\nname = "x"\ntype = "bogus"\nmessage = "m"\n',
            "desk.toml: rule 1 (N001): unknown type 'bogus'",
        ),
        (
            '[[rule]]\ncode = "N001"\nname = "x"\ntype = "existence"\nmessage = "m"\ntokens = ["a"]\ncolour = 1\n',
            "desk.toml: rule 1 (N001): unknown key(s) colour for type 'existence'",
        ),
        (
            '[[rule]]\ncode = "N001"\nname = "x"\ntype = "existence"\ntokens = ["a"]\n',
            "desk.toml: rule 1 (N001): missing `message`",
        ),
        (
            '[[rule]]\ncode = "N001"\nname = "x"\ntype = "existence"\nmessage = "{nope}"\ntokens = ["a"]\n',
            "desk.toml: rule 1 (N001): message uses {nope}",
        ),
        (
            '[[rule]]\ncode = "N001"\nname = "x"\ntype = "existence"\nmessage = "m"\ntokens = ["a"]\n' * 2,
            "desk.toml: rule 2 (N001): code N001 is used twice in this pack (also rule 1)",
        ),
        ("[[rule]\n", "desk.toml: invalid TOML: "),
    ],
)
def test_broken_packs_say_what_and_where(body, message):
    with pytest.raises(UsageError) as err:
        rules(body)
    assert str(err.value).startswith(message)


def test_catastrophic_pattern_is_stopped_and_reported():
    (rule,) = rules(
        '[[rule]]\ncode = "N005"\nname = "slow"\ntype = "existence"\nmessage = "m"\npatterns = ["(a+)+$"]\n'
    )
    started = time.monotonic()
    with pytest.raises(RuleSkipped, match="over 1 s"):
        run(rule, "a" * 5000 + "!\n")
    assert time.monotonic() - started < 5  # the bar: a bad pattern ends the run within 5 s, on a busy machine too


PACK = """
[[rule]]
code = "N010"
name = "no-slams"
type = "existence"
message = "\\"{match}\\" is tabloid: say what was said"
ignore-case = true
tokens = ["slams", "blasts"]

[rule.examples]
bad = ["The minister slams the plan."]
good = ["The minister criticised the plan."]
"""


def test_rules_test_command_passes_and_fails(tmp_path):
    from conftest import run_cli

    good = tmp_path / "desk.toml"
    good.write_text(PACK, encoding="utf-8")
    r = run_cli("rules", "test", str(good))
    assert (r.returncode, r.stdout.decode()) == (
        0,
        "N010 no-slams\n"
        "  ok    bad   flagged: 'The minister slams the plan.'\n"
        '              1:14: "slams" is tabloid: say what was said\n'
        "  ok    good  not flagged: 'The minister criticised the plan.'\n"
        "2 passed, 0 failed\n",
    )
    broken = tmp_path / "broken.toml"
    broken.write_text(PACK.replace('"The minister criticised the plan."', '"Critics slams it."'), encoding="utf-8")
    r = run_cli("rules", "test", str(broken))
    out = r.stdout.decode()
    assert r.returncode == 1 and "  FAIL  good  flagged: 'Critics slams it.'\n" in out
    assert out.endswith("1 passed, 1 failed\n")


def test_rules_test_reports_a_rule_without_examples_as_untested(tmp_path):
    from conftest import run_cli

    pack = tmp_path / "desk.toml"
    pack.write_text(PACK[: PACK.index("[rule.examples]")], encoding="utf-8")
    r = run_cli("rules", "test", str(pack))
    assert (r.returncode, r.stdout.decode()) == (
        0,
        "N010 no-slams: untested (no examples: add [rule.examples] bad and good)\n0 passed, 0 failed, 1 untested\n",
    )


def test_rules_test_says_why_a_headline_example_missed(tmp_path):
    from conftest import run_cli

    pack = tmp_path / "desk.toml"
    pack.write_text(PACK.replace("ignore-case = true", 'ignore-case = true\nscope = ["headline"]'), encoding="utf-8")
    out = run_cli("rules", "test", str(pack)).stdout.decode()
    assert "(examples are Markdown bodies: a headline example starts with '# '" in out


def test_a_crashing_python_rule_shows_its_traceback_on_request(tmp_path):
    from conftest import run_cli

    (tmp_path / "crash.py").write_text(
        "from stylelint_news import Rule, hookimpl\n\n"
        "class Crash(Rule):\n    code = 'N099'\n    name = 'crash'\n    summary = 'Crashes.'\n"
        "    bad = 'A line.'\n\n    def check(self, doc, ctx):\n        return helper(doc)\n\n"
        "def helper(doc):\n    return doc.nothing_here\n\n"
        "@hookimpl\ndef stylelint_news_rules():\n    return [Crash()]\n",
        encoding="utf-8",
    )
    (tmp_path / ".stylelint-news.toml").write_text('rules = ["crash.py"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("Text.\n", encoding="utf-8")
    short = run_cli(str(tmp_path / "a.md")).stderr.decode()
    assert short.count("\n") == 1 and "rule N099 (crash, from" in short and "AttributeError" in short
    full = run_cli(str(tmp_path / "a.md"), "--show-traceback").stderr.decode()
    assert "Traceback (most recent call last):" in full and "in helper" in full
    tested = run_cli("rules", "test", str(tmp_path / "crash.py"), "--show-traceback").stdout.decode()
    assert "FAIL  bad" in tested and "in helper" in tested


def test_rules_try_command_counts_and_samples(tmp_path):
    import json

    from conftest import run_cli

    (tmp_path / "desk.toml").write_text(PACK, encoding="utf-8")
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "a.md").write_text("The mayor slams the plan. Bomb blasts and blasts.\n", encoding="utf-8")
    (archive / "b.md").write_text("The mayor criticised the plan.\n", encoding="utf-8")
    loose = tmp_path / "c.md"
    loose.write_text("More blasts.\n", encoding="utf-8")
    r = run_cli("rules", "try", str(tmp_path / "desk.toml"), str(archive), str(loose))
    lines = r.stdout.decode().splitlines()
    assert r.returncode == 0 and lines[0] == "3 articles, 4 findings in 2 of them"
    assert lines[1].startswith("  N010 no-slams: 4 in 2 articles, ") and lines[1].endswith(" s")
    # the texts the rule matched, most frequent first: the ban mostly catches blasts
    assert [ln.split() for ln in lines[2:4]] == [["3", "blasts"], ["1", "slams"]]
    assert lines[4] == "sample:"
    data = json.loads(run_cli("rules", "try", str(tmp_path / "desk.toml"), str(archive), "--format", "json").stdout)
    (rule,) = data["rules"]
    assert (data["articles"], data["findings"], rule["code"], rule["findings"]) == (2, 3, "N010", 3)
    assert rule["top"] == [{"text": "blasts", "count": 2}, {"text": "slams", "count": 1}]
    assert isinstance(rule["seconds"], float) and data["sample"][0]["code"] == "N010"


def test_broken_pack_in_config_is_one_line_exit_2(tmp_path):
    from conftest import run_cli

    (tmp_path / "desk.toml").write_text(
        PACK.replace('tokens = ["slams", "blasts"]', 'patterns = ["(slams"]'), encoding="utf-8"
    )
    (tmp_path / ".stylelint-news.toml").write_text('rules = ["desk.toml"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("Text.\n", encoding="utf-8")
    r = run_cli(str(tmp_path / "a.md"))
    err = r.stderr.decode()
    assert r.returncode == 2 and err.count("\n") == 1 and "desk.toml: rule 1 (N010): bad regular expression" in err


def test_catastrophic_pattern_via_cli_is_reported_within_seconds(tmp_path):
    from conftest import run_cli

    (tmp_path / "slow.toml").write_text(
        '[[rule]]\ncode = "N011"\nname = "slow"\ntype = "existence"\nmessage = "m"\npatterns = ["(a+)+$"]\n',
        encoding="utf-8",
    )
    (tmp_path / ".stylelint-news.toml").write_text('rules = ["slow.toml"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("a" * 20000 + "!\n", encoding="utf-8")
    started = time.monotonic()
    r = run_cli(str(tmp_path / "a.md"), "--select", "N011")
    assert time.monotonic() - started < 10
    assert (
        r.returncode == 2
        and "rule N011 (slow) skipped: its patterns ran for over 1 s on this file" in r.stderr.decode()
    )


def test_pack_findings_appear_in_every_format(tmp_path):
    from conftest import run_cli

    (tmp_path / "desk.toml").write_text(PACK, encoding="utf-8")
    (tmp_path / ".stylelint-news.toml").write_text('rules = ["desk.toml"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("The mayor slams the plan.\n", encoding="utf-8")
    for fmt in ("flake8", "json", "github", "sarif"):
        r = run_cli(str(tmp_path / "a.md"), "--format", fmt)
        assert r.returncode == 1 and "N010" in r.stdout.decode(), fmt


def test_exceptions_are_phrases_that_cover_the_match_and_level_reaches_the_outputs(tmp_path):
    from conftest import run_cli

    (rule,) = rules(
        '[[rule]]\ncode = "N020"\nname = "kiev"\ntype = "substitution"\nmessage = "{replacement}"\n'
        'level = "error"\nswap = { "Kievan" = "Kyivan" }\nexceptions = ["Kievan Rus"]\n'
    )
    assert [f.start for f in run(rule, "Kievan Rus was a state. The Kievan mayor spoke.\n")] == [28]
    pack = tmp_path / "desk.toml"
    pack.write_text(
        '[[rule]]\ncode = "N021"\nname = "slams"\ntype = "existence"\nmessage = "m"\nlevel = "error"\ntokens = ["slams"]\n',
        encoding="utf-8",
    )
    (tmp_path / ".stylelint-news.toml").write_text('rules = ["desk.toml"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("The mayor slams the plan.\n", encoding="utf-8")
    assert run_cli(str(tmp_path / "a.md"), "--format", "github").stdout.startswith(b"::error ")
    assert b'"level": "error"' in run_cli(str(tmp_path / "a.md"), "--format", "sarif").stdout


def test_every_problem_of_a_pack_is_reported_at_once(tmp_path):
    from conftest import run_cli

    body = (
        '[pack]\nname = "desk"\nhomepage = "x"\n\n'
        '[[rule]]\ncode = "N001"\nname = "a"\nmessage = "m"\ntokens = ["a"]\n\n'
        '[[rule]]\ncode = "N002"\nname = "b"\ntype = "existence"\nmessage = "m"\ntokens = ["b"]\ncolour = 1\nlevel = "loud"\n\n'
        '[[rule]]\ncode = "N003"\nname = "c"\ntype = "existence"\nmessage = "m"\ntokens = ["c"]\n'
    )
    with pytest.raises(UsageError) as err:
        rules(body)
    lines = str(err.value).splitlines()
    assert lines[0] == "desk.toml: 3 problems:"
    assert lines[1] == "  [pack]: unknown key(s) homepage (valid: name, version, description)"
    assert lines[2].startswith("  rule 1 (N001): missing `type` (one of capitalisation, conditional, consistency,")
    # both of rule 2's problems, and the valid keys for its type
    assert lines[3].startswith("  rule 2 (N002): unknown key(s) colour for type 'existence' (valid: code, default,")
    assert lines[3].endswith("; `level` must be one of info, warning, error, not 'loud'")
    # on standard error, a line each, naming the file (each line escaped on its own)
    (tmp_path / "desk.toml").write_text(body, encoding="utf-8")
    (tmp_path / ".stylelint-news.toml").write_text('rules = ["desk.toml"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("Text.\n", encoding="utf-8")
    for args in (["a.md"], ["--list-rules"], ["rules", "test", "desk.toml"]):
        r = run_cli(*args, cwd=tmp_path)
        said = [ln for ln in r.stderr.decode().splitlines() if "desk.toml:" in ln]
        assert r.returncode == 2 and len(said) == 3, r.stderr
        assert said[1].startswith("stylelint-news: ") and said[1].endswith(
            "desk.toml: rule 1 (N001): missing `type` (one of capitalisation, conditional, consistency, existence, "
            "leftover, occurrence, repetition, required, spelling-variants, substitution)"
        )


def test_a_desk_rule_may_not_take_the_tools_letters_but_the_shipped_packs_do():
    body = '[[rule]]\ncode = "T101"\nname = "mine"\ntype = "existence"\nmessage = "m"\ntokens = ["x"]\n'
    with pytest.raises(UsageError, match=r"rule 1 \(T101\): code T101 starts with T, one of the tool's own families"):
        rules(body)
    (shipped,) = read_pack(body, "rules/house-style.toml", BUILTIN_TYPES, shipped=True)
    assert shipped.code == "T101"


def test_pack_metadata_is_validated():
    from stylelint_news.packs.loader import pack_info

    assert pack_info({"pack": {"name": "desk-style", "version": "2.1"}})[0].label() == "pack desk-style 2.1"
    assert pack_info({"pack": {"name": "Desk Style"}})[1] == [
        "[pack]: name 'Desk Style' is not like `house-style` (lower case, digits, . _ -)"
    ]
    assert pack_info({"pack": {"version": 2}})[1] == ["[pack]: `version` must be a non-empty string"]
