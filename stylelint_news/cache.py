"""A folder for data we build once from the data packages, keyed by what it was built from.

Building a lexicon from wordfreq's msgpack takes a third of a second; reading our marshal form
takes a few milliseconds. Each file's name carries the versions of stylelint-news and of the
package it came from, so an upgrade rebuilds it and two versions never share one. Writes are
atomic (a temporary file renamed into place), so two runs building at once are safe.
"""
from __future__ import annotations

import marshal
import os
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

from . import __version__

ENV = "STYLELINT_NEWS_CACHE_DIR"


def folder() -> Path:
    """$STYLELINT_NEWS_CACHE_DIR, or the user's cache folder."""
    if os.environ.get(ENV):
        return Path(os.environ[ENV])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "stylelint-news"


def built(name: str, source_package: str, build: Callable[[], Any]) -> Any:
    """The data called `name`, read from the cache or built and stored there.

    A cache that cannot be written (a read-only home, say) costs speed, never a wrong result.
    """
    try:
        version = metadata.version(source_package)
    except metadata.PackageNotFoundError:
        version = "unknown"
    path = folder() / f"{name}-{__version__}-{source_package}-{version}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    data = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        with os.fdopen(fd, "wb") as fh:
            fh.write(marshal.dumps(data))
        os.replace(tmp, path)
    except OSError:
        pass
    return data
