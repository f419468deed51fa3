"""An article's fields as its front matter gives them: the headline, the standfirst, the byline.

A news CMS exports a draft with its parts named: `title` (or `headline`), a standfirst (also
called the description, summary or dek), a byline. Each is copy a reader sees, so the rules read
it where it stands in the file: a field's value keeps its place, and a finding in it gets the
line and column of the word, inside the front matter.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import regex

from ..engine.patterns import Lazy

#: The parts of an article a field can hold, and the names newsrooms' systems give each, first
#: match wins. A configuration can name others (`[tool.stylelint-news.fields]`). Front matter
#: gives the headline, standfirst, byline and captions (the body follows it); a JSON article all
#: of them, and its id; an HTML class or a Word paragraph style names a standfirst, a byline or a
#: caption.
DEFAULT_FIELDS: Mapping[str, Sequence[str]] = {
    "headline": ("headline", "title"),
    "standfirst": ("standfirst", "description", "summary", "dek", "subtitle", "subheadline"),
    "byline": ("byline", "author", "authors"),
    "body": ("body", "text"),
    "captions": ("captions", "caption"),
    "id": ("id",),
}

FRONT_MATTER = Lazy(
    r"\A(?P<fence>---|\+\+\+)[ \t]*\r?\n(?P<body>.*?)^(?P=fence)[ \t]*$|\A---[ \t]*\r?\n.*?^\.\.\.[ \t]*$",
    regex.MULTILINE | regex.DOTALL,
)
#: One `key: value` (YAML) or `key = value` (TOML) line, its value quoted or plain.
KEY_VALUE = Lazy(
    r"""^(?P<key>[A-Za-z_][\w-]*)[ \t]*[:=][ \t]*"""
    r"""(?:"(?P<dq>(?:[^"\\\n]|\\.)*)"|'(?P<sq>(?:[^'\n]|'')*)'|(?P<plain>[^\n#]*?))[ \t]*\r?$""",
    regex.MULTILINE,
)


@dataclass(frozen=True)
class Field:
    """One part of the article as the front matter gives it: its kind ("headline", ...), its
    text (quotes undone), and where the value's characters are in the file."""

    kind: str
    text: str
    start: int
    end: int


#: A line front matter may hold: a key and its value, an indented or list line, a comment.
FRONT_MATTER_LINE = Lazy(r"[ \t]*(?:[A-Za-z_][\w-]*[ \t]*[:=].*|-(?:[ \t].*)?|#.*)?\r?|[ \t].*")


def front_matter(
    text: str, names: Mapping[str, Sequence[str]] = DEFAULT_FIELDS, strict: bool = False
) -> tuple[int, dict[str, Field]]:
    """The end offset of YAML (---) or TOML (+++) front matter, and the article fields it gives.
    `strict` (plain text, where a line of dashes may be a rule under a headline): only a block
    whose every line reads as a key and value, a list item or a comment is front matter."""
    m = FRONT_MATTER.match(text)
    if not m:
        return 0, {}
    if strict:
        inner = m.group().split("\n")[1:-1]
        if not inner or not all(FRONT_MATTER_LINE.fullmatch(line) for line in inner):
            return 0, {}
    by_key = {key.lower(): kind for kind, keys in names.items() for key in keys}
    found: dict[str, tuple[int, Field]] = {}
    for kv in KEY_VALUE.finditer(text, m.start(), m.end()):
        kind = by_key.get(kv.group("key").lower())
        if kind is None:
            continue
        group = next(g for g in ("dq", "sq", "plain") if kv.group(g) is not None)
        value = kv.group(group)
        if not value.strip() or (group == "plain" and value.strip() in (">", "|", ">-", "|-", "[", "{")):
            continue  # empty, or a block scalar or list this reader does not follow
        rank = list(names[kind]).index(next(k for k in names[kind] if k.lower() == kv.group("key").lower()))
        if kind in found and found[kind][0] <= rank:
            continue
        unquoted = value.replace('\\"', '"') if group == "dq" else value.replace("''", "'")
        found[kind] = (rank, Field(kind, unquoted, kv.start(group), kv.end(group)))
    return m.end(), {kind: field for kind, (_, field) in found.items()}
