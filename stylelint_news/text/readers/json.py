"""JSON articles and JSON Lines archives: `{"headline": ..., "body": ...}`, one or one a line.

The standard library's decoder parses; positions come from walking the article's object with
its own pieces (`raw_decode` from an offset), so no JSON parser is ours. A string's
escapes are counted (`\\n` or `\\u00e9` is several characters of the file for one of the value),
so a finding's line and column point inside the JSON string at the word, and a fix, escaped as
JSON, could be written exactly there; fixes are shown, not written (see readers/__init__.py).

Fields by default (the configuration's `fields` table maps other names): `headline` or `title`,
`standfirst` (or `description`, `summary`, `dek`...), `byline` (or `author`), `body` or `text`
(a string, its paragraphs parted by blank lines, or by line breaks when it has no blank line; or
a list of strings, one a paragraph), `captions` (a string, or a list of strings or of objects
with a `caption` or `text`), `id` (what JSON output names a finding's record by).
"""

from __future__ import annotations

import io
import json
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from ...engine.patterns import Lazy
from ...errors import UsageError
from ..source import Source, decode, megabytes, open_regular
from . import Unit, html
from .article import Builder, Layout

SPACE = Lazy(r"[ \t\n\r]*")
ESCAPE = Lazy(r"\\(?:u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|(.))")
SIMPLE = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
#: Paragraph breaks in a body string: blank lines, or (when it has none) line breaks.
BLANK_LINE = Lazy(r"\n[ \t\r]*\n\s*")
LINE_BREAK = Lazy(r"\s*\n\s*")
_DECODER = json.JSONDecoder()
#: Keys inside a caption object that hold its text.
CAPTION_TEXT = ("caption", "text")


def _escaped(value: str) -> str:
    """A fix's text as it is written inside a JSON string."""
    return json.dumps(value, ensure_ascii=False)[1:-1]


def _skip(s: str, i: int) -> int:
    return SPACE.match(s, i).end()


def _members(s: str, i: int) -> Iterator[tuple[str, int, int, Any]]:
    """The members of the object at s[i] ('{'): key, where the value starts and ends, the value."""
    i = _skip(s, i + 1)
    while i < len(s) and s[i] == '"':
        key, i = _DECODER.raw_decode(s, i)
        i = _skip(s, _skip(s, i) + 1)  # past the colon
        value, end = _DECODER.raw_decode(s, i)
        yield key, i, end, value
        i = _skip(s, end)
        if i < len(s) and s[i] == ",":
            i = _skip(s, i + 1)


def _elements(s: str, i: int) -> Iterator[tuple[int, int, Any]]:
    """The elements of the array at s[i] ('['): where each starts and ends, and its value."""
    i = _skip(s, i + 1)
    while i < len(s) and s[i] != "]":
        value, end = _DECODER.raw_decode(s, i)
        yield i, end, value
        i = _skip(s, end)
        if i < len(s) and s[i] == ",":
            i = _skip(s, i + 1)


def _runs(s: str, start: int, end: int, value: str) -> list[tuple]:
    """A JSON string at s[start:end] (quotes included) as literal runs and escapes, each where it
    stands in the file; one opaque run if the count does not come out as the decoder's."""
    inner, at = s[start + 1 : end - 1], start + 1
    if "\\" not in inner:
        return [("text", at, inner)]
    ops: list[tuple] = []
    pos = 0
    for m in ESCAPE.finditer(inner):
        if m.start() > pos:
            ops.append(("text", at + pos, inner[pos : m.start()]))
        high, low, code, simple = m.groups()
        if high is not None:
            char = chr(0x10000 + ((int(high, 16) - 0xD800) << 10) + int(low, 16) - 0xDC00)
        elif code is not None:
            char = chr(int(code, 16))
        else:
            char = SIMPLE.get(simple, simple)
        ops.append(("escape", at + m.start(), m.end() - m.start(), char))
        pos = m.end()
    if pos < len(inner):
        ops.append(("text", at + pos, inner[pos:]))
    if "".join(op[-1] for op in ops) != value:  # pragma: no cover - the decoder and we disagree
        return [("escape", at, len(inner), value)]
    return ops


def _slice(ops: list[tuple], a: int, b: int) -> list[tuple]:
    """The runs of characters [a, b) of the value the runs spell."""
    out: list[tuple] = []
    pos = 0
    for op in ops:
        text = op[-1]
        lo, hi = max(a, pos), min(b, pos + len(text))
        if lo < hi:
            if op[0] == "text":
                out.append(("text", op[1] + lo - pos, text[lo - pos : hi - pos]))
            elif (lo, hi) == (pos, pos + len(text)):
                out.append(op)
        pos += len(text)
    return out


def _paragraphs(value: str) -> Iterator[tuple[int, int]]:
    """Where the paragraphs of a body string are: parted by blank lines, or by line breaks in a
    body that has no blank line."""
    breaks = BLANK_LINE if BLANK_LINE.search(value) else LINE_BREAK
    pos = 0
    for m in [*breaks.finditer(value), None]:
        end = m.start() if m is not None else len(value)
        piece = value[pos:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            yield pos + lead, pos + len(piece.rstrip())
        if m is not None:
            pos = m.end()


def _by_key(names: Mapping[str, Sequence[str]]) -> dict[str, tuple[str, int]]:
    return {n.lower(): (kind, rank) for kind, keys in names.items() for rank, n in enumerate(keys)}


def holds_article(value: Any, names: Mapping[str, Sequence[str]]) -> bool:
    """Whether a decoded JSON value is an object with a field an article has."""
    if not isinstance(value, dict):
        return False
    by_key = _by_key(names)
    return any(by_key.get(k.lower(), ("",))[0] in ("headline", "standfirst", "body", "captions") for k in value)


def read(text: str, names: Mapping[str, Sequence[str]]) -> Layout:
    """The article a JSON object holds (text starts with the object), in file order; an empty
    one for text that is not a JSON object (an editor's half-typed file: the command line checks
    a file before it gets here, and says what is wrong)."""
    try:
        return _read(text, names)
    except (ValueError, RecursionError):
        return Layout("", [])


def _read(text: str, names: Mapping[str, Sequence[str]]) -> Layout:
    i = _skip(text, 0)
    if i >= len(text) or text[i] != "{":
        return Layout("", [])
    by_key = _by_key(names)
    best: dict[str, tuple[int, int, int, Any]] = {}  # kind: (rank, start, end, value)
    captions: list[tuple[int, int, Any]] = []
    for key, start, end, value in _members(text, i):
        kind, rank = by_key.get(key.lower(), ("", 0))
        if kind == "captions":
            captions.append((start, end, value))
        elif kind and (kind not in best or rank < best[kind][0]):
            best[kind] = (rank, start, end, value)
    record: str | int | None = None
    if "id" in best and isinstance(best["id"][3], (str, int)) and not isinstance(best["id"][3], bool):
        record = best["id"][3]  # as the file has it: a string or a number
    found: list[tuple[int, str, int, Any]] = [(s, k, e, v) for k, (_, s, e, v) in best.items() if k != "id"]
    found += [(s, "caption", e, v) for s, e, v in captions]
    builder = Builder(text, escape=_escaped)
    for start, kind, end, value in sorted(found, key=lambda x: x[0]):
        if kind == "body":
            _body(builder, text, start, end, value, names)
        elif kind == "caption":
            _captions(builder, text, start, end, value)
        elif isinstance(value, str):
            _piece(builder, text, start, end, value, kind)
    return builder.layout(record)


def _piece(builder: Builder, s: str, start: int, end: int, value: str, kind: str) -> None:
    """One string as one piece of the article, trimmed."""
    lead, trail = len(value) - len(value.lstrip()), len(value.rstrip())
    if lead < trail:
        _add(builder, _slice(_runs(s, start, end, value), lead, trail), kind)


def _add(builder: Builder, ops: list[tuple], kind: str) -> None:
    if not ops:
        return
    builder.begin(ops[0][1])
    for op in ops:
        if op[0] == "text":
            builder.literal(op[1], op[2])
        elif op[0] == "escape":
            builder.escaped(op[1], op[2], op[3])
        else:
            builder.added(op[2], op[1])
    builder.end(kind)


def _in_file(ops: list[tuple]) -> Callable[[int], int]:
    """Where each offset of a string's value is in the file, from the string's runs."""
    starts, at = [], 0
    for op in ops:
        starts.append(at)
        at += len(op[-1])

    def where(v: int) -> int:
        i = max(0, bisect_right(starts, v) - 1)
        op = ops[i]
        if op[0] == "text" or v == starts[i]:
            return op[1] + (v - starts[i] if op[0] == "text" else 0)
        return op[1] + op[2]  # past an escape

    return where


def _html_body(builder: Builder, value: str, ops: list[tuple], names: Mapping[str, Sequence[str]]) -> None:
    """A body that is HTML (a CMS's rendered body): its blocks as the HTML reader finds them in
    the value, each step placed in the file through the string's own escapes. An `<h1>` in it is
    a heading (the JSON's headline field is the headline); a `<title>` is not prose."""
    where = _in_file(ops)
    for kind, steps in html.blocks(value, names):
        if kind == "title":
            continue
        placed: list[tuple] = []
        for step in steps:
            if step[0] == "text":
                placed += _slice(ops, step[1], step[1] + len(step[2]))
            elif step[0] == "escape":
                a, b = where(step[1]), where(step[1] + step[2])
                placed.append(("escape", a, b - a, step[3]))
            else:
                placed.append(("added", where(step[1]), step[2]))
        _add(builder, placed, "heading" if kind == "h1" else kind)


def _body(builder: Builder, s: str, start: int, end: int, value: Any, names: Mapping[str, Sequence[str]]) -> None:
    """The body's paragraphs: of a string (or of the HTML in it), or a list of strings."""
    if isinstance(value, str):
        ops = _runs(s, start, end, value)
        if "<" in value and html.LOOKS_LIKE_HTML.search(value):
            _html_body(builder, value, ops, names)
            return
        for a, b in _paragraphs(value):
            _add(builder, _slice(ops, a, b), "paragraph")
    elif isinstance(value, list) and s[start] == "[":
        for a, b, item in _elements(s, start):
            if isinstance(item, str):
                _piece(builder, s, a, b, item, "paragraph")


def _captions(builder: Builder, s: str, start: int, end: int, value: Any) -> None:
    """A caption string, or a list of caption strings or of objects with a caption."""
    if isinstance(value, str):
        _piece(builder, s, start, end, value, "caption")
        return
    if not (isinstance(value, list) and s[start] == "["):
        return
    for a, b, item in _elements(s, start):
        if isinstance(item, str):
            _piece(builder, s, a, b, item, "caption")
        elif isinstance(item, dict) and s[a] == "{":
            inner = {k.lower(): (x, y, v) for k, x, y, v in _members(s, a)}
            hit = next((inner[k] for k in CAPTION_TEXT if k in inner and isinstance(inner[k][2], str)), None)
            if hit is not None:
                _piece(builder, s, *hit, "caption")


def _parsed(path: str, text: str, line: int = 1) -> Any:
    """The decoded JSON, or a UsageError naming the file, the line and the column."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        where = f"{path}:{err.lineno + line - 1}:{err.colno}"
        raise UsageError(where, f"not valid JSON: {err.msg}") from None
    except RecursionError:
        raise UsageError(f"{path}:{line}", "not read: the JSON nests too deeply") from None


def no_article(path: str) -> str:
    """What is said of a JSON file that holds no article: named, since it was not linted."""
    return f"{path}: no article fields in it (headline or title, body or text: see `fields`); not linted"


def articles(source: Source, names: Mapping[str, Sequence[str]]) -> Iterator[Unit]:
    """The units of a JSON file: the article object, or each article of an array of them."""
    value = _parsed(source.path, source.text)
    article = replace_source(source, source.text)
    if isinstance(value, dict):
        yield Unit(article) if holds_article(value, names) else Unit(None, notice=no_article(source.path))
        return
    text = source.text
    i = _skip(text, 0)
    found = False
    if isinstance(value, list):
        line, line_start = 1, 0  # of the article's first character, counted as the array is walked
        for a, b, item in _elements(text, i):
            if not holds_article(item, names):
                continue
            found = True
            line += text.count("\n", line_start, a)
            line_start = text.rfind("\n", 0, a) + 1
            yield Unit(replace_source(source, text[a:b]), line, a - line_start + 1, a)
    if not found:
        yield Unit(None, notice=no_article(source.path))


def replace_source(source: Source, text: str) -> Source:
    """The source of an article taken out of a JSON file: never written back."""
    return Source(source.path, text, source.bom, raw=source.raw, editable=False)


def records(path: str, limit: int, names: Mapping[str, Sequence[str]], data: bytes | None = None) -> Iterator[Unit]:
    """The records of a JSON Lines archive (the file, or `data` read from standard input), one
    article a line, read a record at a time: the size limit holds for each record, not the
    archive. A line that is not JSON is a problem of its own; the other records are linted."""
    with open_regular(path) if data is None else io.BytesIO(data) as fh:
        number, offset, empty = 0, 0, 0
        while True:
            raw = fh.readline(limit + 1)
            if not raw:
                break
            number += 1
            if len(raw) > limit and not raw.endswith(b"\n"):
                while raw and not raw.endswith(b"\n"):
                    offset += len(raw.decode("utf-8", errors="replace"))
                    raw = fh.readline(1 << 20)
                offset += len(raw.decode("utf-8", errors="replace"))
                yield Unit(
                    None,
                    problem=f"{path}:{number}: a record over the size limit of {megabytes(limit)} (max-file-size); not read",
                )
                continue
            try:
                text = decode(path, raw).text if number == 1 else raw.decode("utf-8")
            except UnicodeDecodeError as err:
                offset += len(raw.decode("utf-8", errors="replace"))
                yield Unit(None, problem=f"{path}:{number}: not UTF-8 (byte 0x{raw[err.start]:02x}); record not read")
                continue
            at = offset + (1 if number == 1 and raw.startswith(b"\xef\xbb\xbf") else 0)  # past a BOM
            offset = at + len(text)
            if not text.strip():
                continue
            try:
                value = _parsed(path, text, number)
            except UsageError as err:
                yield Unit(None, problem=str(err))
                continue
            if not holds_article(value, names):
                empty += 1
                continue
            yield Unit(Source(path, text, raw=None, editable=False), number, 1, at)
        if empty:
            yield Unit(
                None, notice=f"{path}: {empty} record{'s' if empty != 1 else ''} with no article fields; not linted"
            )
