"""The documents the editor has open, and when each is linted.

A change waits `DEBOUNCE` before it is linted, and a newer change in that time replaces it: a
burst of keystrokes or a paste costs one lint, not one per character. Opening and saving lint at
once. Every lint runs in one worker thread, so the engine is never entered twice at once and the
event loop stays free to read the editor's next message. A newer change cancels the lint of the
older text (before it starts, or its result once it ends), so only the current text's findings
are published.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from functools import partial
from typing import Generic, TypeVar

from .linters import Doc

T = TypeVar("T")
R = TypeVar("R")
log = logging.getLogger(__name__)

#: Seconds a change waits for the next one before it is linted (the issue allows at most 0.05).
DEBOUNCE = 0.03


class Documents(Generic[T]):
    """Open documents by URI, each linted by `lint` (in the worker thread) and its outcome handed
    to `publish` (in the event loop)."""

    def __init__(self, lint: Callable[[Doc], T], publish: Callable[[Doc, T], None], delay: float = DEBOUNCE) -> None:
        self._lint = lint
        self._publish = publish
        self.delay = delay
        self._docs: dict[str, Doc] = {}
        self._pending: dict[str, asyncio.Task[None]] = {}
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="stylelint-news-lint")

    def get(self, uri: str) -> Doc | None:
        return self._docs.get(uri)

    def uris(self) -> list[str]:
        return list(self._docs)

    def open(self, doc: Doc) -> None:
        self._docs[doc.uri] = doc
        self._schedule(doc.uri, 0)

    def change(self, uri: str, text: str, version: int | None) -> None:
        doc = self._docs.get(uri)
        if doc is None:
            return
        self._docs[uri] = replace(doc, text=text, version=version)
        self._schedule(uri, self.delay)

    def refresh(self, uri: str) -> None:
        """Lint again now (a save: the configuration or a pack beside it may have changed)."""
        if uri in self._docs:
            self._schedule(uri, 0)

    def close(self, uri: str) -> None:
        self._docs.pop(uri, None)
        task = self._pending.pop(uri, None)
        if task is not None:
            task.cancel()

    async def run(self, fn: Callable[..., R], *args: object) -> R:
        """Run `fn` in the worker thread, after the lints already queued there."""
        return await asyncio.get_running_loop().run_in_executor(self._worker, fn, *args)

    async def outcome(self, uri: str) -> T | None:
        """The outcome for the document's current text (the engine keeps results, so a text linted
        already is not linted again); None for a document that is not open."""
        doc = self._docs.get(uri)
        return None if doc is None else await self.run(self._lint, doc)

    async def shutdown(self, last: Callable[[], object] = lambda: None) -> None:
        """Cancel what is waiting, run `last` in the worker after the lint in progress (so it
        cannot run beside one), and stop the worker."""
        for task in self._pending.values():
            task.cancel()
        self._pending.clear()
        await self.run(last)
        self._worker.shutdown(wait=False, cancel_futures=True)

    def _schedule(self, uri: str, delay: float) -> None:
        old = self._pending.pop(uri, None)
        if old is not None:
            old.cancel()
        task = asyncio.get_running_loop().create_task(self._lint_later(uri, delay))
        self._pending[uri] = task
        task.add_done_callback(partial(self._finished, uri))

    def _finished(self, uri: str, task: asyncio.Task[None]) -> None:
        if self._pending.get(uri) is task:
            del self._pending[uri]
        if not task.cancelled() and task.exception() is not None:
            log.error("publishing the findings of %s failed", uri, exc_info=task.exception())

    async def _lint_later(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        # a newer change, or closing, cancels this task: what it publishes is always current
        doc = self._docs[uri]
        self._publish(doc, await self.run(self._lint, doc))
