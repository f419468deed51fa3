"""A baseline: adopting the linter on an archive without first fixing every old finding.

`--write-baseline FILE` records today's findings; `--baseline FILE` then reports only findings
that are not in it. A finding is known by its file, its code and a fingerprint of what it flags
and the words around it, never by its line or column: a paragraph added above it, or a line
rewrapped, does not bring it back, while the same slip made again elsewhere in the file is new.
Identical keys (the same typo twice in one file, with the same words around it) are counted: a
baseline holding two lets two through, and a third is reported.

The file is JSON, one finding a line, sorted, with paths relative to the baseline's own folder,
so it reads well in a diff, is the same from one run to the next, and holds wherever the linter
is run from.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from ..errors import UsageError
from ..finding import Finding
from ..text.source import read_regular

VERSION = 1
#: Words of context on each side of what a finding flags, and how far to look for them.
CONTEXT_WORDS = 3
CONTEXT_CHARS = 200
#: The most of the flagged text a baseline entry shows (for a person reading the file).
SHOWN = 60
#: The largest baseline read: an archive's findings, one short line each.
MAX_SIZE = 200_000_000
WORD = re.compile(r"\w+(?:['’]\w+)*")
#: Where a paragraph ends: context is read within the finding's own, so a paragraph written
#: just above it changes nothing.
BLANK_LINE = re.compile(r"\n[ \t\r]*\n")

Key = tuple[str, str, str]  # path relative to the baseline's folder, code, fingerprint


def fingerprint(text: str, finding: Finding) -> str:
    """What a finding is, apart from where: a hash of its code, the text it flags (with runs of
    white space made one space, so rewrapping a paragraph changes nothing) and the three words
    on each side within its paragraph (case folded). An edit within those words makes it a new
    finding; one anywhere else in the file does not."""
    flagged = " ".join(text[finding.start : finding.end].split())
    head = BLANK_LINE.split(text[max(0, finding.start - CONTEXT_CHARS) : finding.start])[-1]
    tail = BLANK_LINE.split(text[finding.end : finding.end + CONTEXT_CHARS], maxsplit=1)[0]
    before, after = WORD.findall(head)[-CONTEXT_WORDS:], WORD.findall(tail)[:CONTEXT_WORDS]
    context = " ".join(before).casefold(), " ".join(after).casefold()
    data = "\x00".join((finding.code, flagged, *context)).encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:20]


def identity(path: str, code: str, fp: str, occurrence: int) -> str:
    """A finding's identity in a report (GitLab's `fingerprint`): unique in the report, and the
    same from one commit to the next while the finding is (a line added above changes nothing)."""
    data = "\x00".join((path, code, fp, str(occurrence))).encode("utf-8", "surrogateescape")
    return hashlib.sha256(data).hexdigest()[:32]


def flagged_text(text: str, finding: Finding) -> str:
    """The flagged words as a baseline entry shows them: one line, shortened."""
    flagged = " ".join(text[finding.start : finding.end].split())
    return flagged if len(flagged) <= SHOWN else flagged[: SHOWN - 3] + "..."


class Baseline:
    """The findings of a baseline file, and the run's findings held against them (or, when
    `recording`, the run's findings to write as a new one)."""

    def __init__(self, folder: Path, known: Counter[Key] | None = None, recording: bool = False) -> None:
        self.folder = folder
        self.known: Counter[Key] = known if known is not None else Counter()
        self.recording = recording
        self.seen: Counter[Key] = Counter()
        self.shown: dict[Key, str] = {}
        self.suppressed = 0
        self._paths: dict[str, str] = {}

    @classmethod
    def load(cls, path: str) -> Baseline:
        """The baseline in `path`; a UsageError naming it when it cannot be read or is not one."""
        data = read_regular(path, MAX_SIZE, "the baseline")
        try:
            doc = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as err:
            raise UsageError(path, f"not a baseline: invalid JSON ({err})") from None
        if not isinstance(doc, dict) or doc.get("version") != VERSION or not isinstance(doc.get("findings"), list):
            raise UsageError(
                path, f"not a baseline of stylelint-news version {VERSION} (write one with --write-baseline)"
            )
        known: Counter[Key] = Counter()
        for entry in doc["findings"]:
            if not (
                isinstance(entry, dict)
                and all(isinstance(entry.get(k), str) for k in ("path", "code", "fingerprint"))
                and isinstance(entry.get("count", 1), int)
                and entry.get("count", 1) >= 1
            ):
                raise UsageError(path, f"not a baseline: a finding without path, code and fingerprint: {entry!r:.80}")
            known[(entry["path"], entry["code"], entry["fingerprint"])] += entry.get("count", 1)
        return cls(Path(os.path.abspath(path)).parent, known)

    @classmethod
    def recorder(cls, path: str) -> Baseline:
        """An empty baseline that records the run's findings, to be written to `path`."""
        return cls(Path(os.path.abspath(path)).parent, recording=True)

    def relative(self, path: str) -> str:
        """A finding's path as the baseline keeps it: relative to the baseline's folder, posix."""
        rel = self._paths.get(path)
        if rel is None:
            rel = Path(os.path.relpath(os.path.abspath(path), self.folder)).as_posix()
            self._paths[path] = rel
        return rel

    def sift(self, path: str, findings: Iterable[Finding], fingerprints: Iterable[tuple[str, str]]) -> list[Finding]:
        """The findings of one file (in order, each with its fingerprint and flagged text) that
        are new: not yet met as often as the baseline holds them. Recording, every finding is
        kept for the file and none is reported."""
        rel = self.relative(path)
        new = []
        for finding, (fp, shown) in zip(findings, fingerprints):
            key = (rel, finding.code, fp)
            if self.recording:
                self.known[key] += 1
                self.shown.setdefault(key, shown)
            elif self.seen[key] < self.known[key]:
                self.seen[key] += 1
                self.suppressed += 1
            else:
                new.append(finding)
        return new

    def write(self, path: str) -> int:
        """Write the recorded findings to `path` (all at once, through a temporary file), sorted
        one a line; return how many findings it holds."""
        lines = [
            json.dumps(
                {"path": p, "code": c, "fingerprint": fp, "count": n, "text": self.shown.get((p, c, fp), "")},
                ensure_ascii=False,
            )
            for (p, c, fp), n in sorted(self.known.items())
        ]
        body = ",\n".join(f"    {ln}" for ln in lines)
        text = f'{{\n  "version": {VERSION},\n  "tool": "stylelint-news",\n  "findings": [\n{body}\n  ]\n}}\n'
        if not lines:
            text = f'{{\n  "version": {VERSION},\n  "tool": "stylelint-news",\n  "findings": []\n}}\n'
        target = Path(path)
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        try:
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, target)
        except OSError as err:
            try:
                temporary.unlink(missing_ok=True)
            except OSError:
                pass
            raise UsageError(path, f"cannot write the baseline: {err.strerror or err}") from None
        return self.known.total()
