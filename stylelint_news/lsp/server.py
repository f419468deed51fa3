"""The language server: pygls speaks the protocol, the engine lints, and this module joins them.

Documents are synchronised whole (`TextDocumentSyncKind.Full`): pygls applies incremental changes
by Python's `str.splitlines`, which also breaks lines at U+2028, form feeds and other characters an
editor does not, so an article holding one would drift from the editor's copy at the next
keystroke. An article is a few kilobytes; sending it whole costs less than a lint.

A problem is never a crash: a configuration or pack error is shown once as a message (and the
document gets no diagnostics until it is fixed), a rule that crashes on one document is logged and
shown once, and the other rules' findings still arrive.
"""

from __future__ import annotations

from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from .. import __version__
from . import convert
from .linters import Doc, Engines, Outcome
from .store import Documents


class Server(LanguageServer):
    """The server, its engines (one per configuration) and its open documents."""

    def __init__(self, cache_dir: str | None = None, docs_url: str | None = None) -> None:
        super().__init__("stylelint-news", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Full)
        self.engines = Engines(cache_dir)
        self.docs_url = docs_url
        self.documents: Documents[Outcome] = Documents(self._lint, self._publish)
        self._shown: set[str] = set()
        self.shut_down = False

    @property
    def encoding(self) -> str:
        """The position encoding agreed at initialisation (UTF-16 unless the client offered another)."""
        encoding = self.workspace.position_encoding
        return str(getattr(encoding, "value", encoding) or "utf-16")

    def _lint(self, doc: Doc) -> Outcome:
        return self.engines.lint(doc, self.encoding)

    def _publish(self, doc: Doc, outcome: Outcome) -> None:
        self.report(outcome)
        found = [] if outcome.error else convert.diagnostics(outcome, self.docs_url)
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=doc.uri, diagnostics=found, version=doc.version)
        )

    def report(self, outcome: Outcome) -> None:
        """Tell the writer what went wrong, once per problem: a bad configuration or pack, a rule
        that crashed; the log gets the engine's notices and every problem."""
        path = outcome.doc.path
        for notice in outcome.notices:
            self.log(notice, lsp.MessageType.Info)
        messages = [outcome.error] if outcome.error else []
        messages += [p for p in outcome.problems if not convert.PLACED.match(p, len(path))]
        for message in messages:
            key = message.removeprefix(f"{path}: ")
            if key in self._shown:
                continue
            self._shown.add(key)
            self.log(message, lsp.MessageType.Error)
            self.window_show_message(
                lsp.ShowMessageParams(type=lsp.MessageType.Error, message=f"stylelint-news: {message}")
            )

    def log(self, message: str, kind: lsp.MessageType) -> None:
        self.window_log_message(lsp.LogMessageParams(type=kind, message=f"stylelint-news: {message}"))


def _path(uri: str, language: str) -> str:
    """The file a document is (its configuration is found from its folder), or for an unsaved
    one a name that says Markdown or plain text."""
    path = to_fs_path(uri) if uri.startswith("file:") else None
    if path:
        return path
    return "untitled.md" if language == "markdown" else "untitled.txt"


def _markdown_hover(server: Server) -> bool:
    hover = server.client_capabilities.text_document and server.client_capabilities.text_document.hover
    formats = (hover.content_format if hover else None) or [lsp.MarkupKind.PlainText]
    return lsp.MarkupKind.Markdown in formats


def build(cache_dir: str | None = None, docs_url: str | None = None) -> Server:
    """The server with its handlers registered."""
    server = Server(cache_dir, docs_url)

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: Server, params: lsp.DidOpenTextDocumentParams) -> None:
        item = params.text_document
        doc = Doc(item.uri, _path(item.uri, item.language_id), item.text, item.version, item.language_id)
        ls.documents.open(doc)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: Server, params: lsp.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        text = ls.workspace.get_text_document(uri).source
        ls.documents.change(uri, text, params.text_document.version)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE, lsp.SaveOptions(include_text=False))
    def did_save(ls: Server, params: lsp.DidSaveTextDocumentParams) -> None:
        # a saved configuration, pack or words file changes what every open document gives
        for uri in ls.documents.uris():
            ls.documents.refresh(uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: Server, params: lsp.DidCloseTextDocumentParams) -> None:
        ls.documents.close(params.text_document.uri)
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, convert.FIX_ALL]),
    )
    async def code_action(ls: Server, params: lsp.CodeActionParams) -> list[lsp.CodeAction] | None:
        outcome = await ls.documents.outcome(params.text_document.uri)
        if outcome is None:
            return None
        lines, r = outcome.lines, params.range
        start, end = lines.offset(r.start.line, r.start.character), lines.offset(r.end.line, r.end.character)
        only = [str(getattr(k, "value", k)) for k in params.context.only] if params.context.only else None
        return await ls.documents.run(convert.code_actions, outcome, start, end, only, ls.docs_url)

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    async def hover(ls: Server, params: lsp.HoverParams) -> lsp.Hover | None:
        outcome = await ls.documents.outcome(params.text_document.uri)
        if outcome is None:
            return None
        offset = outcome.lines.offset(params.position.line, params.position.character)
        return convert.hover(outcome, offset, _markdown_hover(ls))

    @server.feature(lsp.SHUTDOWN)
    async def shutdown(ls: Server, params: Any) -> None:
        await ls.documents.shutdown(ls.engines.close)  # saves the compiled patterns for the next start
        ls.shut_down = True

    return server
