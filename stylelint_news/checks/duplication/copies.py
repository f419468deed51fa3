"""What the duplication rules share: which paragraph repeats which, and how to delete a copy."""

from __future__ import annotations

from ...engine.patterns import Lazy
from ...finding import Edit
from ...text.document import Block, Document
from .similarity import ShingleIndex, changed_words, shingles, tokens

#: Share of the shorter paragraph's shingles the longer must hold to be a candidate copy.
CONTAINED = 0.6

#: Share of the shorter paragraph's words that may differ in a copy (one word, at least):
#: a second draft changes a word; a templated list ("- Name, Outlet: Film - ...") changes names.
MAX_CHANGED = 0.08

#: Fewest shingles (about words - 2) for a paragraph to be compared at all.
MIN_SHINGLES = 8


SPACE_AFTER = Lazy(r"[ \t\r\n]*")


def removal(doc: Document, block: Block) -> Edit:
    """An edit deleting a block with the blank lines that part it from the rest, leaving no gap."""
    text = doc.text
    start = doc.line_starts_at(block.start)
    end = SPACE_AFTER.match(text, block.end).end()
    if end < len(text):  # something follows: take the block and the blank lines after it
        return Edit(start, end, "")
    # the last block: take it and the blank lines before it, so the file ends as it did
    before = start
    while before > 0 and text[before - 1] in " \t\r\n":
        before -= 1
    return Edit(before, block.end, "")


class _Paragraphs:
    """Which paragraph repeats which, computed once per document for D002 and D003."""

    def __init__(self, doc: Document) -> None:
        self.copies: list[tuple[Block, Block, bool]] = []  # (copy, original, nothing new in the copy)
        index = ShingleIndex()
        blocks = doc.paragraphs
        words = [tokens(doc.words_in(b.start, b.end).texts) for b in blocks]
        for j, block in enumerate(blocks):
            fp = shingles(words[j])
            hit = index.best_earlier(fp) if len(fp) >= MIN_SHINGLES else None
            if hit is not None:
                i, shared = hit
                smaller = min(len(fp), len(index.sets[i]))
                if smaller >= MIN_SHINGLES and shared / smaller >= CONTAINED:
                    unmatched = changed_words(words[i], words[j])
                    if unmatched <= max(1, MAX_CHANGED * min(len(words[i]), len(words[j]))):
                        self.copies.append((block, blocks[i], shared / len(fp) >= 0.9))
            index.add(fp)


def paragraphs(doc: Document) -> _Paragraphs:
    return doc.memo("repeated paragraphs", _Paragraphs)
