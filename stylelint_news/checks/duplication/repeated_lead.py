"""D002: the lead paragraph repeated later."""

from __future__ import annotations

from collections.abc import Iterator

from ...engine.context import Context
from ...finding import Finding
from ...rule import Rule
from ...text.document import Document
from .copies import paragraphs, removal


class RepeatedLead(Rule):
    code = "D002"
    level = "error"
    name = "repeated-lead"
    summary = "The lead paragraph appears again later."
    what = (
        "Flags a paragraph that repeats the lead: exactly, with a few words changed, or with "
        'text added ("... Read the full story"). The copy is reported, with the line of the lead.'
    )
    why = "A feed or a second paste often puts the lead in twice; the second one must go."
    marks_copies = True
    bad = (
        "The city council voted on Monday to close three libraries, saying the savings would pay for new street lighting.\n\n"
        "Residents protested outside.\n\n"
        "The city council voted on Monday to close three libraries, saying the savings would pay for new street lighting."
    )
    good = (
        "The city council voted on Monday to close three libraries, saying the savings would pay for new street lighting.\n\n"
        "Residents protested outside the town hall as the vote was taken."
    )
    fix_safety = (
        "Unsafe: the fix deletes the copy (only when it adds nothing to the lead), and an editor "
        "should see what goes; `--unsafe-fixes` applies it."
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        lead = doc.lead
        for copy, original, subset in paragraphs(doc).copies:
            if original is lead:
                line = doc.position(original.start)[0]
                yield self.report(
                    doc,
                    copy.start,
                    copy.end,
                    f"repeats the lead at line {line}: delete this copy",
                    edits=[removal(doc, copy)] if subset else None,
                    safe=False,
                )
