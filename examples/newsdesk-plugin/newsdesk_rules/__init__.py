"""An example plugin: one rule, one output format and one TOML pack, through stylelint-news's hooks."""

from __future__ import annotations

from pathlib import Path

import regex

from stylelint_news import Rule, hookimpl

#: Verbs tabloids use for "criticised"; the desk wants the plain word.
TABLOID = regex.compile(
    r"(?<![\p{L}-])(?:slam(?:s|med)?|blast(?:s|ed)?|lash(?:es|ed)? out)(?![\p{L}-])", regex.IGNORECASE
)


class TabloidVerb(Rule):
    code = "N201"
    name = "tabloid-verb"
    summary = "A tabloid verb where a plain one says the same."
    what = "Flags 'slams', 'blasts' and 'lashes out' outside quotations."
    why = "They overstate what was said; the desk's style is 'criticised'."
    bad = "The mayor slammed the ferry operator on Monday."
    good = "The mayor criticised the ferry operator on Monday."

    def check(self, doc, ctx):
        for m in TABLOID.finditer(doc.prose):
            if doc.in_quote(m.start()) is None:
                yield self.report(
                    doc, m.start(), m.end(), f'"{m.group()}" is tabloid: write "criticised"', suggestions=["criticised"]
                )


def tally(report):
    """A one-line summary per file, for the desk's morning e-mail."""
    counts: dict[str, int] = {}
    for f in report.findings:
        counts[f.path] = counts.get(f.path, 0) + 1
    return "".join(f"{path}: {n} finding{'s' if n != 1 else ''}\n" for path, n in sorted(counts.items()))


@hookimpl
def stylelint_news_rules():
    return [TabloidVerb()]


@hookimpl
def stylelint_news_formats():
    return {"tally": tally}


@hookimpl
def stylelint_news_packs():
    """The house style as data: house.toml ships inside this package (see pyproject.toml)."""
    return [Path(__file__).parent / "house.toml"]
