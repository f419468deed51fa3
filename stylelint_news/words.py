"""Small word lists the project curates itself (see data/*.txt for each list's source).

Loaded on first use, so a run that needs none of them pays nothing for them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

#: The package's data folder (a plain folder: pip installs packages unzipped, and reading it
#: directly spares every run the import of importlib.resources).
DATA = Path(__file__).with_name("data")


def read_list(name: str) -> frozenset[str]:
    """A data file of words, one a line, `#` comments and blank lines skipped."""
    text = (DATA / name).read_text(encoding="utf-8")
    return frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


@cache
def closed_class() -> frozenset[str]:
    """Function words: never capitalised mid-sentence, never a name."""
    return read_list("closed_class.txt")


@cache
def auxiliaries() -> frozenset[str]:
    """Auxiliary verbs: "would", "has", "was"."""
    return read_list("auxiliaries.txt")


class _ClosedClass:
    """`word in CLOSED_CLASS` without loading the list until the first test."""

    def __contains__(self, word: object) -> bool:
        return word in closed_class()


CLOSED_CLASS = _ClosedClass()
