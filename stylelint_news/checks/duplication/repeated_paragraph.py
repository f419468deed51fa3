"""D003: a paragraph, or a long sentence, that repeats an earlier one."""

from __future__ import annotations

from collections.abc import Iterator

from ...engine.context import Context
from ...finding import Finding
from ...rule import Rule
from ...text.document import Document, Span
from .copies import paragraphs, removal
from .similarity import tokens

#: Fewest words for a sentence to count as a repeat on its own.
MIN_SENTENCE_WORDS = 14


class RepeatedParagraph(Rule):
    code = "D003"
    level = "error"
    name = "repeated-paragraph"
    summary = "A paragraph, or a long sentence, repeats an earlier one."
    marks_copies = True
    what = (
        "Flags a paragraph whose words are (nearly) all in an earlier paragraph, and a long "
        "sentence that appears twice. The lead has its own rule (D002)."
    )
    why = "A paragraph pasted twice makes the story read as if no one edited it."
    bad = (
        "Intro paragraph of the story.\n\nThe bridge will be closed for six weeks while engineers replace the damaged supports, the council said.\n\n"
        "Drivers are advised to use the ring road.\n\nThe bridge will be closed for six weeks while engineers replace the damaged supports, the council said."
    )
    good = (
        "Intro paragraph of the story.\n\nThe bridge will be closed for six weeks while engineers replace the damaged supports, the council said.\n\n"
        "Drivers are advised to use the ring road."
    )
    fix_safety = (
        "Unsafe: the fix deletes the later copy of a paragraph (only when it adds nothing); a "
        "repeated sentence has no fix, as which copy should go depends on the paragraph."
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        lead = doc.lead
        copies = paragraphs(doc).copies
        flagged = {copy.start for copy, _, _ in copies}
        for copy, original, subset in copies:
            if original is not lead:
                line = doc.position(original.start)[0]
                yield self.report(
                    doc,
                    copy.start,
                    copy.end,
                    f"repeats the paragraph at line {line}: delete this copy",
                    edits=[removal(doc, copy)] if subset else None,
                    safe=False,
                )
        seen: dict[str, Span] = {}
        for sentence in doc.sentences:
            words = tokens(doc.words_in(sentence.start, sentence.end).texts)
            if len(words) < MIN_SENTENCE_WORDS:
                continue
            key = " ".join(words)
            first = seen.get(key)
            if first is None:
                seen[key] = sentence
                continue
            block_start = doc.blocks[doc.block_at(sentence.start)].start
            if block_start in flagged:
                continue
            line = doc.position(first.start)[0]
            yield self.report(
                doc, sentence.start, sentence.end, f"repeats a sentence from line {line}: delete one of them"
            )
