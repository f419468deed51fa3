"""D001: the headline repeated in the body."""

from __future__ import annotations

from collections.abc import Iterator

from ...engine.context import Context
from ...finding import Finding
from ...rule import Rule
from ...text.document import Document
from .copies import removal
from .similarity import dice, normalise, tokens_of, trigrams

HEADLINE_SIMILAR = 0.85


class RepeatedHeadline(Rule):
    code = "D001"
    level = "error"
    name = "repeated-headline"
    summary = "The headline appears again in the body."
    what = (
        "Flags a line of the body that is the headline again, exactly or nearly (character "
        "trigrams, so a changed letter or quote mark still matches)."
    )
    why = "A headline pasted into the body is a CMS or copy-paste slip; readers see it twice."
    bad = (
        "# Council backs new library plan\n\nThe council approved the plan on Monday.\n\nCouncil backs new library plan"
    )
    good = "# Council backs new library plan\n\nThe council approved the plan on Monday."
    fix_safety = (
        "Unsafe: the fix deletes the line (when it is a block of its own), and an editor should see "
        "what goes; `--unsafe-fixes` applies it."
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        headline = doc.headline
        if headline is None or len(tokens_of(headline.text)) < 2:
            return
        said = " ".join(tokens_of(headline.text))
        size = len(said)
        target = None
        for block in doc.blocks:
            for line in block.lines:
                text = normalise(doc.words_in(line.start, line.end).texts)
                if not text or not 0.75 <= len(text) / size <= 1.33:
                    continue
                target = target or trigrams(said)
                if dice(target, trigrams(text)) >= HEADLINE_SIMILAR:
                    line_at = doc.position(headline.start)[0]
                    yield self.report(
                        doc,
                        line.start,
                        line.end,
                        f"repeats the headline (line {line_at}): delete this copy",
                        edits=[removal(doc, block)] if block.lines == [line] else None,
                        safe=False,
                    )
