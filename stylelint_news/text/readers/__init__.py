"""Which reader a file calls for, and the units a file is linted in.

One small registry, chosen by the file's suffix: Markdown and plain text are read as they always
were (text/prose.py), and each other format has a module of its own (html, json, docx), imported
only when such a file is met: a run over Markdown never loads them. `engine/files.py` asks this
registry which suffixes a folder run takes, and what to say of the files it skips.

A file is linted in *units* (`units`): one for most files, one per article of a JSON array, one
per record of a JSON Lines archive, which is streamed so that the size limit holds per record.
Each unit is a Source the Linter lints as it is, and says where it starts in the file, so its
findings can be placed there (`engine.linter.place`). This is the interface a runner that spreads
units over processes or machines needs: `units(path, limit)` then `Linter.lint` and `place`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING

from ...errors import UsageError
from ..source import decode, read_source

if TYPE_CHECKING:
    from ..source import Source
    from .article import Layout

#: Each suffix a reader takes, and the reader's name.
KINDS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".docx": "docx",
}
#: What a folder run takes unless the configuration's `extensions` says otherwise.
DEFAULT_EXTENSIONS = (".md", ".markdown", ".txt", ".html", ".htm", ".json", ".jsonl", ".docx")
#: Formats whose fixes can be written back without touching anything else: the text is the file's
#: own (Markdown, plain text), or a fix is written only inside a text node (HTML).
WRITTEN = ("markdown", "text", "html")
#: The kinds of a piece of an article that are its own parts (read by the typo rules), as against
#: the body's blocks (read by every rule) and directives (read by the engine only).
PART_KINDS = ("headline", "standfirst", "byline", "caption")
BLOCK_KINDS = ("heading", "paragraph", "list", "quote")
DOCX_HINT = "install the docx extra to lint .docx files: pip install 'stylelint-news[docx]'"


#: Document formats met in newsrooms' folders that no reader reads: a folder run names the ones
#: it passes over, so a draft is never silently left unread (office and publishing formats).
UNREAD = frozenset(
    ".doc .dot .dotx .docm .odt .ott .rtf .pdf .pages .wpd .wps .epub .rst .adoc .asciidoc .org .tex .xml .xhtml".split()
)


def kind_of(path: str) -> str:
    """The reader a file's name calls for; a name with no known suffix is read as plain text (a
    file named on the command line is linted whatever its name)."""
    dot = path.rfind(".")
    return KINDS.get(path[dot:].lower(), "text") if dot >= 0 else "text"


@cache
def missing(kind: str) -> str | None:
    """Why a format cannot be read here (an optional extra that is not installed), or None."""
    if kind == "docx":
        import importlib.util

        if importlib.util.find_spec("docx") is None:
            return DOCX_HINT
    return None


def unread(name: str, taken: bool) -> str | None:
    """The suffix to name in a folder run's notice for a file it passes over, or None: a document
    no reader reads, or one of a kind the run takes (`taken`) whose extra is not installed."""
    dot = name.rfind(".")
    suffix = name[dot:].lower() if dot > 0 else ""
    if taken:
        return suffix if missing(KINDS.get(suffix, "text")) else None
    return suffix if suffix in UNREAD else None


def skipped_notice(kinds: Mapping[str, int]) -> str:
    """One line for the documents a folder run passed over, by kind ("skipped 3 files: .rtf (2),
    .pdf (1)"), with how to read those an extra reads."""
    n = sum(kinds.values())
    listed = ", ".join(f"{suffix} ({count})" for suffix, count in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])))
    hints = sorted({hint for suffix in kinds if (hint := missing(KINDS.get(suffix, ""))) is not None})
    return f"skipped {n} file{'s' if n != 1 else ''} of kinds not read: {listed}" + "".join(f"; {h}" for h in hints)


class Unit:
    """One thing to lint: a whole file, or one article of a JSON array or JSON Lines archive.

    `line`, `column` and `offset` are where the unit's text starts in the file (1, 1 and 0 for a
    whole file), so its findings can be placed in the file. `problem` is set instead of `source`
    when the unit cannot be read (a record that is not JSON, a file that is not there): one line
    to report (exit 2), and the other units are still linted; `notice` is for what is worth a
    line but no error (a JSON file that holds no article). A plain class: every run imports this
    module, and making a frozen dataclass (or a named tuple) at import costs a one-article run
    3-5 million instructions, about 1% of it."""

    __slots__ = ("column", "line", "notice", "offset", "problem", "source")

    def __init__(
        self,
        source: Source | None,
        line: int = 1,
        column: int = 1,
        offset: int = 0,
        problem: str | None = None,
        notice: str | None = None,
    ) -> None:
        self.source, self.line, self.column, self.offset = source, line, column, offset
        self.problem, self.notice = problem, notice

    @property
    def whole(self) -> bool:
        """Whether the unit is its whole file (what a result cache may keep)."""
        return self.source is not None and (self.line, self.column, self.offset) == (1, 1, 0)


def units(
    path: str, limit: int, names: Mapping[str, Sequence[str]] | None = None, data: bytes | None = None
) -> Iterator[Unit]:
    """The units of a file, in file order, each at most `limit` bytes; `names` are the field
    names of the configuration (`Settings.field_names`); `data` is standard input's bytes, read
    under the name `path` (never written back). Never raises for bad input: a unit carries the
    problem instead."""
    kind = kind_of(path)
    try:
        if kind in ("markdown", "text") and data is None:  # the common case, first
            yield Unit(read_source(path, limit))
            return
        if names is None:
            from ..fields import DEFAULT_FIELDS

            names = DEFAULT_FIELDS
        if kind == "jsonl":
            from .json import records

            yield from records(path, limit, names, data)
        elif kind == "json":
            from .json import articles

            yield from articles(read_source(path, limit) if data is None else decode(path, data), names)
        elif kind == "docx":
            from .docx import read

            yield Unit(read(path, limit, data))
        elif data is None:
            yield Unit(read_source(path, limit))
        else:
            from dataclasses import replace

            yield Unit(replace(decode(path, data), raw=None))
    except UsageError as err:
        yield Unit(None, problem=str(err))


def layout(source: Source, names: Mapping[str, Sequence[str]]) -> Layout:
    """The article of a source in a format other than Markdown and plain text, by its reader."""
    kind = kind_of(source.path)
    if kind == "html":
        from . import html

        return html.read(source.text, names)
    if kind == "docx":
        from . import docx

        return docx.read_layout(source, names)
    from . import json

    return json.read(source.text, names)
