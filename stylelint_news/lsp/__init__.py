"""`stylelint-news lsp`: the language server, findings while the writer types.

An optional extra (`pip install 'stylelint-news[lsp]'`, which brings pygls): this module imports
nothing of it until the server starts, so the command line never pays for it and without it says
in one line how to install it.

- `positions`: offsets, the engine's lines and columns, and LSP positions (UTF-16 and others);
- `directives`: where "disable CODE for this line" writes its directive;
- `linters`: the engine, one per configuration, with the results of texts it has linted;
- `store`: the open documents, the debounce, and the worker thread every lint runs in;
- `convert`: findings as diagnostics, code actions and hovers (lsprotocol's types);
- `server`: the pygls server and its handlers.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections.abc import Sequence

from ..errors import ExitCode

INSTALL = "the language server needs pygls, an optional extra: pip install 'stylelint-news[lsp]'"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="stylelint-news lsp",
        description="A Language Server Protocol server over standard input and output: "
        "diagnostics, quick fixes and rule explanations in the editor.",
    )
    p.add_argument("--stdio", action="store_true", help="accepted for editors that pass it (the only transport)")
    p.add_argument("--cache-dir", metavar="DIR", help="where the word data is kept (as for the command line)")
    p.add_argument(
        "--docs-url",
        metavar="TEMPLATE",
        help="a link to each rule's documentation, e.g. 'https://style.example.org/rules#{code}' "
        "({code} and {name} are filled in); rules that name their own url keep it",
    )
    return p


def main(argv: Sequence[str]) -> int:
    args = _parser().parse_args(list(argv))
    if args.docs_url is not None:
        try:
            args.docs_url.format(code="T001", name="misspelling")
        except (KeyError, IndexError, ValueError) as err:
            print(f"stylelint-news: --docs-url: not a template with {{code}} and {{name}}: {err}", file=sys.stderr)
            return ExitCode.ERROR
    if importlib.util.find_spec("pygls") is None:
        print(f"stylelint-news: {INSTALL}", file=sys.stderr)
        return ExitCode.ERROR
    from .server import build

    server = build(args.cache_dir, args.docs_url)
    protocol_out = sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print (a plugin's, say) goes to the log, not into the protocol
    server.start_io(sys.stdin.buffer, protocol_out)
    return ExitCode.CLEAN if server.shut_down else ExitCode.FINDINGS
