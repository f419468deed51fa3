"""Linting on a Dask cluster: `--scheduler ADDRESS` (or `local`), `rules try --scheduler`, and
`lint_bag` for a Dask bag of articles.

Dask is an optional extra (`pip install 'stylelint-news[dask]'`). This module imports nothing of
it: the command line asks `require` first, and says how to install it when it is missing.

- `worker`: what a worker runs (the run's linter built once per process, batches of files);
- `client`: batches out and results back in the order of paths, with retries;
- `bag`: `lint_bag`, the Python API.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import UsageError

if TYPE_CHECKING:
    from .bag import lint_bag

__all__ = ["INSTALL", "lint_bag", "require"]

INSTALL = "pip install 'stylelint-news[dask]'"


def require(what: str) -> None:
    """Raise a one-line UsageError naming `what` and how to install the extra, unless
    `dask.distributed` can be imported."""
    try:
        import distributed  # noqa: F401 - imported to see that it can be
    except ImportError as err:
        raise UsageError(what, f"needs Dask, an optional extra: {INSTALL} ({err})") from None


def __getattr__(name: str) -> Any:
    if name == "lint_bag":
        try:
            from .bag import lint_bag
        except ImportError as err:
            raise ImportError(f"stylelint_news.dask.lint_bag needs Dask: {INSTALL}") from err
        return lint_bag
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
