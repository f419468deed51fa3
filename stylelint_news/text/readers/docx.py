"""Word drafts (.docx), read with python-docx, an optional extra: `pip install 'stylelint-news[docx]'`.

A .docx is a zip of XML: its words have no line and column of their own. Findings are placed by
paragraph: the text is the body's paragraphs one a line, so a finding's line is the paragraph's
number (empty paragraphs counted, tables, headers, footnotes and text boxes not read) and its
column the character in the paragraph. A line break inside a paragraph reads as a space, so the
numbering holds.

Which paragraph is which part comes from its style: `Title` (or a first `Heading 1`, or else the
first paragraph, as in plain text) is the headline, `Subtitle` the standfirst, `Caption` a
caption; a style named as a field is (a newsroom template's `Standfirst`, `Byline`); `Heading 2`
and below are headings, `List ...` list items, `Quote` quotations. Fixes are shown (`--diff`
shows them paragraph by paragraph), never written: the file is not text.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

from ...errors import UsageError
from ..source import Source, megabytes, read_regular
from . import DOCX_HINT
from .article import Layout, Piece

BREAKS = str.maketrans({"\n": " ", "\r": " ", "\v": " ", "\f": " "})


def read(path: str, limit: int, data: bytes | None = None) -> Source:
    """The paragraphs of a .docx file (or of `data`, read from standard input) as a Source, one
    a line, each line's style kept; or a UsageError saying why not: no python-docx, not a .docx,
    or more to unpack than the limit (a small zip can hold gigabytes of XML)."""
    if data is None:
        data = read_regular(path, limit)
    try:
        import docx
    except ImportError:
        raise UsageError(path, DOCX_HINT) from None
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > limit:
            raise UsageError(
                path,
                f"unpacks to {megabytes(unpacked)}, over the size limit of {megabytes(limit)} (max-file-size); not read",
            )
        document = docx.Document(io.BytesIO(data))
        paragraphs = [
            (p.text.translate(BREAKS), p.style.name if p.style is not None else "") for p in document.paragraphs
        ]
    except UsageError:
        raise
    except Exception as err:  # python-docx and zipfile raise many kinds for a broken file
        raise UsageError(path, f"not a readable .docx file ({type(err).__name__}: {err})") from None
    return Source(
        path,
        "".join(text + "\n" for text, _ in paragraphs),
        raw=data,
        editable=False,
        styles=tuple(style or "" for _, style in paragraphs),
    )


def _kind(style: str, by_name: Mapping[str, str]) -> str:
    name = style.lower()
    if name in by_name:
        return by_name[name]
    if name == "title":
        return "title"
    if name == "heading 1":
        return "h1"
    if name == "subtitle":
        return "standfirst"
    if name == "caption":
        return "caption"
    if name.startswith("heading"):
        return "heading"
    if name.startswith("list"):
        return "list"
    if "quote" in name:
        return "quote"
    return "paragraph"


def read_layout(source: Source, names: Mapping[str, Sequence[str]]) -> Layout:
    """The article of a .docx source: its lines are paragraphs, its styles say which is which."""
    by_name = {
        n.lower(): ("caption" if kind == "captions" else kind)
        for kind in ("standfirst", "byline", "captions")
        for n in names.get(kind, ())
    }
    text = source.text
    lines: list[tuple[int, int, str]] = []
    pos = 0
    for i, line in enumerate(text.split("\n")):
        style = source.styles[i] if i < len(source.styles) else ""
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            lines.append((pos + lead, pos + lead + len(stripped), _kind(style, by_name)))
        pos += len(line) + 1
    kinds = [k for _, _, k in lines]
    headline = next(
        (i for i, k in enumerate(kinds) if k == "title"),
        0 if kinds and kinds[0] in ("h1", "paragraph") else None,
    )
    pieces = []
    for i, (start, end, kind) in enumerate(lines):
        if i == headline:
            kind = "headline"
        elif kind in ("title", "h1"):
            kind = "heading"
        pieces.append(Piece(kind, start, end))
    return Layout(text, pieces, segments=[(s, e) for s, e, _ in lines])
