"""The `spelling-variants` rule type: British and American spellings mixed in one article (S201)."""

from __future__ import annotations

from collections.abc import Iterator

from ..engine.context import Context
from ..finding import Finding
from ..hookspecs import hookimpl
from ..language import spelling
from ..text.document import Document
from .rule import PackError, PackRule, match_case, render

SYSTEMATIC = (
    ("our", "or"),
    ("ise", "ize"),
    ("isation", "ization"),
    ("yse", "yze"),
    ("tre", "ter"),
    ("ogue", "og"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ller", "ler"),
)

#: -ence/-ense only for the nouns themselves: British spells the verb "license" and "licensed".
NOUNS_ENCE = ("ence", "ences")


def _systematic(gb: str, us: str) -> bool:
    """Whether a British/American pair differs by one of the systematic patterns
    (colour/color, organise/organize, centre/center), not by a word British also uses for
    something else (cheque/check, programme/program, draught/draft)."""
    if gb.endswith(NOUNS_ENCE) and gb.replace("ence", "ense") == us:
        return True
    return any(a in gb and gb.replace(a, b, 1) == us for a, b in SYSTEMATIC) or any(
        gb.replace(a, b) == us for a, b in SYSTEMATIC
    )


def _variants() -> dict[str, tuple[str, str]]:
    """Each word that is one dialect's systematic spelling: its dialect and the other's form.
    Only words in lower case: names keep their own spelling ("World Trade Center", "Labor Party")."""
    gb_us, us_gb = spelling.dialect_pairs()
    out = {us: ("en-US", gb) for us, gb in us_gb.items() if us.islower() and _systematic(gb, us)}
    out.update({gb: ("en-GB", us) for gb, us in gb_us.items() if gb.islower() and _systematic(gb, us)})
    return out


class SpellingVariants(PackRule):
    """The `spelling-variants` rule type: British and American spellings mixed in one article.

    The pairs come from codespell's en-GB/en-US list, kept to the systematic differences. The
    form the article uses most is taken as its house style (`prefer = "en-GB"` or `"en-US"` fixes
    it instead), and the other form is flagged with the first use of the preferred one.
    """

    type_name = "spelling-variants"
    fix_safety = (
        "Unsafe: the fix writes the article's own (or the preferred) spelling, and a quotation or a "
        "title may keep another; `--unsafe-fixes` applies it."
    )
    type_keys = frozenset({"prefer"})

    def __init__(self, table, where: str) -> None:
        super().__init__(table, where)
        self.prefer = table.get("prefer", "majority")
        if self.prefer not in ("majority", "en-GB", "en-US"):
            raise PackError("`prefer` must be majority, en-GB or en-US")
        render(self.message, match="x", replacement="y", line="1")

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        variants = ctx.run.memo("S201 variants", _variants)
        uses: dict[str, list] = {"en-GB": [], "en-US": []}
        words = doc.words
        for i in words.where(variants):  # found without a Python loop over every word
            w = words[i]
            dialect, right = variants[w.text]
            uses[dialect].append((w, right))
        if not uses["en-GB"] or not uses["en-US"]:
            return
        keep = self.prefer if self.prefer != "majority" else max(uses, key=lambda d: (len(uses[d]), d == "en-GB"))
        other = "en-US" if keep == "en-GB" else "en-GB"
        line = doc.position(uses[keep][0][0].start)[0]
        for w, right in uses[other]:
            right = match_case(w.text, right)
            yield self.report(
                doc,
                w.start,
                w.end,
                render(self.message, match=w.text, replacement=right, line=str(line)),
                suggestions=[right],
                replacement=right,
                safe=False,
            )


@hookimpl
def stylelint_news_rule_types():
    return {"spelling-variants": SpellingVariants}
