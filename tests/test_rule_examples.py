"""Every rule's own documented examples: the bad one is flagged, the good one is not."""

from __future__ import annotations

import pytest

from stylelint_news.config import Settings
from stylelint_news.engine.plugins import build

RULES = sorted(build(Settings())[1].rules.values(), key=lambda r: r.code)


# X001 reports what the other rules' findings leave; S001 flags the configuration's rejected terms
# (tests/test_vocabulary.py checks its examples with a reject list).
@pytest.mark.parametrize("rule", [r for r in RULES if r.code not in ("X001", "S001")], ids=lambda r: r.code)
def test_examples(rule, lint):
    bad, good = rule.examples()
    assert bad and good, f"{rule.code} documents no bad or good example"
    for text in bad:
        assert rule.code in [f.code for f in lint(text, select=rule.code)], (
            f"{rule.code} missed its bad example: {text!r}"
        )
    for text in good:
        assert not lint(text, select=rule.code), f"{rule.code} flagged its good example: {text!r}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_documented(rule):
    text = rule.explain()
    assert rule.summary and rule.what and rule.why, f"{rule.code} lacks What/Why documentation"
    assert rule.fix_safety, f"{rule.code} does not say whether its fix is safe"
    assert "Fix safety" in text
    assert text.startswith(f"{rule.code} ({rule.name})")
