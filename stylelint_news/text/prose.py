"""The prose view: the file's text with everything that is not prose blanked to spaces.

Keeping the length means an offset a rule finds in the prose is the offset in the file, so line
and column need no mapping back. Newlines are never blanked, so lines stay where they were.
What is blanked: front matter, fenced code, inline code, HTML comments and tags, the contents of
script and style elements, link targets, reference definitions, URLs and e-mail addresses,
Markdown's structural marks, and the suppression directives themselves (in either format).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import regex

from ..engine.patterns import Lazy
from .fields import DEFAULT_FIELDS, Field, front_matter

# A directive is `stylelint-news: VERB [SELECTORS]` in an HTML comment (Markdown or plain text)
# or on a line of its own after `#` (plain text, where a comment would be read as words).
DIRECTIVE = Lazy(
    r"<!--\s*stylelint-news:\s*(?P<verb>[a-z-]+)(?P<args>[^>]*?)\s*-->"
    r"|^[ \t]*#[ \t]*stylelint-news:[ \t]*(?P<verb2>[a-z-]+)(?P<args2>[^\n]*?)[ \t]*$",
    regex.MULTILINE,
)
# Addresses in running text: links with a scheme or "www.", e-mail addresses, and bare domains
# ("bbc.co.uk/news"). Each pattern runs only where its telltale is, found by a plain search first:
# tried at every word, the bare-domain pattern alone took 7% of a corpus run.
_TAIL = r"[^\s<>()\[\]\"“”.,;:!?'’]"
SCHEME_URL = Lazy(rf"\b(?:https?://|ftp://|www\.)[^\s<>()\[\]\"“”]+{_TAIL}")
EMAIL = Lazy(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_TLDS = r"(?:com|org|net|gov|edu|info|biz|tv|io|co|uk|eu|de|fr|es|it|nl|ru|cn|jp|in|au|ca|us)"
TLD = Lazy(rf"\.{_TLDS}\b")
DOMAIN = Lazy(rf"[\w-]+(?:\.[\w-]+)*\.{_TLDS}(?:\.(?:uk|au|nz|za|in|jp))?(?:/[^\s<>()\[\]\"“”]*{_TAIL})?\b")


def _url_spans(text: str) -> list[tuple[int, int]]:
    """Where the addresses are: each domain found from its top-level part back to where the
    name starts, then matched forwards from there."""
    spans: list[tuple[int, int]] = []
    if "://" in text or "www." in text:
        spans += _spans(text, SCHEME_URL)
    if "@" in text:
        spans += _spans(text, EMAIL)
    done = 0
    for hit in TLD.finditer(text):
        if hit.start() < done:
            continue
        start, limit = hit.start(), max(0, hit.start() - 253)  # no domain name is longer
        while start > limit and (text[start - 1].isalnum() or text[start - 1] in "_.-"):
            start -= 1
        while start < hit.start() and not (text[start].isalnum() or text[start] == "_"):
            start += 1  # a name starts with a letter or digit, not with "." or "-"
        m = DOMAIN.match(text, start)
        if m is not None and m.end() > hit.start():
            spans.append(m.span())
            done = m.end()
    return spans


FENCE = Lazy(
    r"^[ \t]{0,3}(?P<f>`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}(?P=f)[`~]*[ \t]*$|\Z)", regex.MULTILINE | regex.DOTALL
)
COMMENT = Lazy(r"<!--.*?(?:-->|\Z)", regex.DOTALL)
INLINE_CODE = Lazy(r"(?<!`)(?P<t>`+)(?!`).+?(?<!`)(?P=t)(?!`)", regex.DOTALL)
IMAGE = Lazy(r"!\[[^\]\n]*\]\([^)\n]*\)")
#: The alternative text of an image, which news sites show as its caption.
IMAGE_ALT = Lazy(r"!\[([^\]\n]*)\]\([^)\n]*\)")
LINK_TARGET = Lazy(r"\]\((?:[^()\n]|\([^()\n]*\))*\)|\]\[[^\]\n]*\]")
LINK_OPEN = Lazy(r"\[(?=[^\]\n]*\](?:\(|\[))")
REFERENCE_DEF = Lazy(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+[^\n]*$", regex.MULTILINE)
#: A script or style element, tags and contents: code, not prose. Only a closed one: "a <script>
#: tag" in an article about web attacks is prose, and must not blank the rest of the article.
SCRIPT = Lazy(r"<(script|style)\b[^>]*>.*?</\1\s*>", regex.IGNORECASE | regex.DOTALL)
HTML_TAG = Lazy(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>|<(?:https?|mailto):[^>\s]+>")
LINE_MARK = Lazy(
    r"^(?P<mark>[ \t]*(?:>[ \t]?)*(?:#{1,6}(?=[ \t]|$)|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))?)", regex.MULTILINE
)
CLOSING_HASHES = Lazy(r"[ \t]+#+[ \t]*$", regex.MULTILINE)
RULE_LINE = Lazy(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$|^[ \t]*(?:=+|-+)[ \t]*$", regex.MULTILINE)
NON_NEWLINE = Lazy(r"[^\r\n]")
#: Strings one of which a pattern cannot match without: most articles have no directive, code,
#: comment, image, table or link, and a substring search is a hundred times cheaper than a scan.
TELLTALES = {
    DIRECTIVE: ("stylelint-news:",),
    FENCE: ("```", "~~~"),
    COMMENT: ("<!--",),
    SCRIPT: ("<",),
    INLINE_CODE: ("`",),
    IMAGE: ("![",),
    REFERENCE_DEF: ("]:",),
    HTML_TAG: ("<",),
    LINK_TARGET: ("](", "]["),
    LINK_OPEN: ("[",),
    CLOSING_HASHES: ("#",),
}
EMPHASIS = Lazy(r"(?<![\w*])\*{1,3}(?=\S)|(?<=\S)\*{1,3}(?![\w*])|(?<![\w_])_{1,3}(?=\S)|(?<=\S)_{1,3}(?![\w_])|~~|\|")


def _spans(text: str, pattern: Lazy, group: int | str = 0) -> list[tuple[int, int]]:
    telltales = TELLTALES.get(pattern)
    if telltales is not None and not any(t in text for t in telltales):
        return []  # a plain search says the pattern cannot match: no regex scan of the text
    return [m.span(group) for m in pattern.finditer(text) if m.end(group) > m.start(group)]


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with each span turned to spaces (newlines kept), built in one pass: a list of
    one-character strings for a 50 MB file would take gigabytes."""
    if not spans:
        return text
    out, pos = [], 0
    for start, end in sorted(spans):
        if end <= pos:
            continue
        start = max(start, pos)
        out.append(text[pos:start])
        out.append(NON_NEWLINE.sub(" ", text[start:end]))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def prose_view(
    text: str, markdown: bool, start_of_file: bool = True, names: Mapping[str, Sequence[str]] = DEFAULT_FIELDS
) -> tuple[str, dict[str, Field]]:
    """The prose view of a text (same length), and the article fields its front matter gives
    (only at the start of a file, not of a later piece of it; in plain text, only a block that
    reads as front matter throughout).
    The front matter is blanked whole: its fields are read where they stand in the file."""
    fields: dict[str, Field] = {}
    spans = _spans(text, DIRECTIVE)
    if not markdown and start_of_file and text.startswith(("---", "+++")):
        end, fields = front_matter(text, names, strict=True)  # plain text may carry front matter too
        spans.append((0, end))
    if markdown:
        end, fields = front_matter(text, names) if start_of_file else (0, {})
        spans.append((0, end))
        for pattern in (FENCE, COMMENT, SCRIPT, INLINE_CODE, IMAGE, REFERENCE_DEF, HTML_TAG, RULE_LINE):
            spans += _spans(text, pattern)
        masked = _blanked(text, spans)
        spans = []
        for pattern in (LINK_TARGET, LINK_OPEN, CLOSING_HASHES, EMPHASIS):
            spans += _spans(masked, pattern)
        spans += _spans(masked, LINE_MARK, "mark")
        text = _blanked(masked, spans)
        spans = []
    blanked = _blanked(text, spans)
    return _blanked(blanked, _url_spans(blanked)), fields
