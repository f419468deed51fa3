#!/usr/bin/env python3
"""How long the language server takes to show findings after the writer types, warm.

    python benchmarks/lsp_latency.py                    # an 800-word article from ../shared/corpus
    python benchmarks/lsp_latency.py --article story.md --changes 40

It starts `stylelint-news lsp` as an editor does (this Python, over stdio, through pygls's own
client: the `lsp` extra), opens the article, waits for its first diagnostics (the cold start:
the word tables load), then types a sentence into the middle of it one character a change, and
times each change from the moment the editor sends it to the moment its diagnostics arrive: the
debounce, the lint of the new text and both trips through the pipe. Every change is a text the
server has not seen. Then the writer undoes to a text it has seen (the result is reused). The
issue's bar is a median of at most 150 ms over 20 changes. Timings depend on the machine: report
them with the machine they came from.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus"
#: The bar the issue sets for a warm change (seconds).
BAR = 0.150
TYPED = " The harbour board met again on Friday."


def an_article(words: int = 800) -> Path:
    """The first corpus article (in sorted order) of about `words` words."""
    for path in sorted(CORPUS.rglob("*.txt")):
        n = len(path.read_text(encoding="utf-8").split())
        if abs(n - words) <= words // 40:
            return path
    raise SystemExit(f"no article of about {words} words in {CORPUS}; name one with --article")


async def measure(article: Path, changes: int) -> dict[str, list[float]]:
    from lsprotocol import types as lsp
    from pygls.lsp.client import LanguageClient

    client = LanguageClient("lsp-latency", "1")
    published: asyncio.Queue[tuple[float, lsp.PublishDiagnosticsParams]] = asyncio.Queue()
    client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)(lambda ls, p: published.put_nowait((time.perf_counter(), p)))
    await client.start_io(sys.executable, "-m", "stylelint_news", "lsp")
    await client.initialize_async(lsp.InitializeParams(capabilities=lsp.ClientCapabilities()))
    client.initialized(lsp.InitializedParams())
    uri = article.resolve().as_uri()
    text = article.read_text(encoding="utf-8")
    language = "markdown" if article.suffix in (".md", ".markdown") else "plaintext"

    async def diagnostics_of(version: int) -> float:
        while True:
            at, params = await asyncio.wait_for(published.get(), 120)
            if params.version == version:
                return at

    times: dict[str, list[float]] = {"open": [], "change": [], "undo": []}
    sent = time.perf_counter()
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri, language, 1, text)))
    times["open"].append(await diagnostics_of(1) - sent)
    middle = text.index("\n\n", len(text) // 2)  # the end of a paragraph in the middle
    versions = []
    for i in range(changes):
        version = i + 2
        typed = text[:middle] + TYPED[: i % len(TYPED) + 1] + text[middle:]
        versions.append(typed)
        ident = lsp.VersionedTextDocumentIdentifier(version=version, uri=uri)
        sent = time.perf_counter()
        client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(ident, [lsp.TextDocumentContentChangeWholeDocument(text=typed)])
        )
        times["change"].append(await diagnostics_of(version) - sent)
    for j, typed in enumerate(reversed(versions[:-1][-5:])):  # undo, five times: texts seen before
        version = changes + 2 + j
        ident = lsp.VersionedTextDocumentIdentifier(version=version, uri=uri)
        sent = time.perf_counter()
        client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(ident, [lsp.TextDocumentContentChangeWholeDocument(text=typed)])
        )
        times["undo"].append(await diagnostics_of(version) - sent)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return times


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--article", type=Path, help="the article to type into (default: an 800-word one from the corpus)")
    p.add_argument("--changes", type=int, default=20, help="how many changes to time (default: 20)")
    args = p.parse_args()
    try:
        import pygls  # noqa: F401
    except ImportError:
        print("the benchmark drives the server through pygls: pip install -e '.[lsp]'", file=sys.stderr)
        return 2
    article = args.article or an_article()
    words = len(article.read_text(encoding="utf-8").split())
    times = asyncio.run(measure(article, args.changes))
    change = times["change"]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"article: {article} ({words} words)")
    print(f"open (cold: the server starts, the word tables load): {times['open'][0] * 1000:.0f} ms")
    print(
        f"change, warm, {len(change)} changes: median {statistics.median(change) * 1000:.0f} ms, "
        f"fastest {min(change) * 1000:.0f} ms, slowest {max(change) * 1000:.0f} ms"
    )
    print("  each, in ms: " + " ".join(f"{t * 1000:.0f}" for t in change))
    print(f"undo to a text linted before (result reused): median {statistics.median(times['undo']) * 1000:.0f} ms")
    met = statistics.median(change) <= BAR
    print(f"bar: median of warm changes at most {BAR * 1000:.0f} ms: {'met' if met else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
