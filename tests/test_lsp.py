"""The language server: the real server over stdio as an editor meets it, and the pieces it is
made of (positions, directives, the engines it keeps, the debounced store).

The tests that talk to the server need pygls (the `lsp` extra) and are skipped without it, by
`pytest.importorskip`; the pieces that do not import it are tested either way.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest

from stylelint_news.engine.fixes import apply
from stylelint_news.lsp.directives import disable_next_line
from stylelint_news.lsp.linters import Doc, Engines
from stylelint_news.lsp.positions import Lines
from stylelint_news.lsp.store import Documents
from stylelint_news.text.source import Source

from conftest import run_cli

# A draft with a stray capital after an emoji (C001: its LSP column is one more than its code
# point column), a misspelling (T001) and its lead pasted again at the end (D002).
DRAFT = (
    "# Harbour wall to be rebuilt after storm\n"
    "\n"
    "The harbour board agreed on Tuesday to rebuild the sea wall that the January storm breached, "
    "at a cost the board put at two million pounds.\n"
    "\n"
    "Fishermen 🎣 said the repairs were overdue and that the wall had been leaking for Their whole lives.\n"
    "\n"
    "The board's chairwoman, Morag Finlay, said the work would start in the spring.\n"
    "\n"
    "Local traders welcomed the decison.\n"
    "\n"
    "The harbour board agreed on Tuesday to rebuild the sea wall that the January storm breached, "
    "at a cost the board put at two million pounds.\n"
)


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


# -- positions ---------------------------------------------------------------------------------


def test_positions_count_utf16_units_after_an_emoji():
    lines = Lines("a 🎣 b\nc", "utf-16")
    at_b = "a 🎣 b".index("b")  # 4 code points in
    assert lines.position(at_b) == (0, 5)
    assert lines.offset(0, 5) == at_b
    assert lines.engine_offset(1, 5) == at_b  # the engine's column 5 (1-based code points)
    assert Lines("a 🎣 b", "utf-32").position(at_b) == (0, 4)
    assert Lines("a 🎣 b", "utf-8").position(at_b) == (0, 7)
    assert Lines("a 🎣 b", "utf-8").offset(0, 7) == at_b


def test_positions_follow_the_editors_line_breaks():
    text = "one\r\ntwo\rthree\nfour"
    lines = Lines(text)
    assert lines.position(text.index("two")) == (1, 0)
    assert lines.position(text.index("three")) == (2, 0)  # a lone \r ends a line for an editor
    assert lines.position(text.index("\n")) == (0, 3)  # between \r and \n: the end of line 0
    assert lines.offset(0, 99) == 3  # past a line's end: its end
    assert lines.offset(9, 0) == len(text)
    # the engine counts lines at \n only: its line 2 starts at "three"... its line 3 at "four"
    assert lines.engine_offset(3, 1) == text.index("four")


def test_a_bom_is_not_linted_and_places_shift_past_it():
    lines = Lines("\ufeffHead\nword")
    assert lines.linted == "Head\nword"
    assert lines.engine_offset(1, 1) == 1 and lines.linted_offset(0) == 1
    assert lines.position(lines.engine_offset(2, 1)) == (1, 0)


# -- the directive that disables a rule on a line -------------------------------------------------

DIRECTIVE_CASES = {
    # a paragraph's second line, a list item after another, a quotation's second line, front matter
    "story.md": (
        "---\ntitle: Flights to Kiev resume\n---\nThe airline said flights to Kiev resume\n"
        "on Monday, and to Kiev again in May.\n\n- a stop in Kiev\n  and again in Kiev\n- Kiev last\n\n"
        "> quoted in Kiev\n> and quoted in Kiev\n\n## Kiev\nKiev under a heading\n"
    ),
    "story.txt": "Flights to Kiev resume\nThe airline flies to Kiev.\n\nMore flights to Kiev\nand from Kiev.\n",
    "crlf.txt": "Flights resume\r\n\r\nThe airline flies to Kiev\r\nand from Kiev.\r\n",
}


@pytest.mark.parametrize("path", sorted(DIRECTIVE_CASES))
def test_disable_for_this_line_silences_that_finding_and_nothing_else(registry, path):
    from stylelint_news.config import Settings
    from stylelint_news.engine.linter import Flags, Linter

    text = DIRECTIVE_CASES[path]
    linter = Linter(Settings(), registry, Flags(select=("S101", "T", "C001", "D")))
    found = linter.lint(Source(path, text)).findings
    assert len(found) >= 2
    for f in found:
        edit = disable_next_line(text, path, f.line, f.code)
        after = linter.lint(Source(path, apply(text, [edit]))).findings
        others = [g for g in found if g is not f]
        assert sorted((g.code, g.message) for g in after) == sorted((g.code, g.message) for g in others), (f, edit)


def test_disable_for_this_line_joins_a_directive_already_aimed_at_it():
    text = "# Head\n\n<!-- stylelint-news: disable-next-line T003 -->\nThe board said teh wall will will fall.\n"
    edit = disable_next_line(text, "a.md", 4, "T001")
    assert apply(text, [edit]).splitlines()[2] == "<!-- stylelint-news: disable-next-line T003 T001 -->"
    text = "Head\n\n# stylelint-news: disable-next-line T003\nThe board said teh wall will will fall.\n"
    edit = disable_next_line(text, "a.txt", 4, "T001")
    assert apply(text, [edit]).splitlines()[2] == "# stylelint-news: disable-next-line T003 T001"


def test_disable_for_this_line_keeps_a_paragraph_whole():
    text = "Head\n\nThe first line of a paragraph\nand its second line, with teh slip.\n"
    edit = disable_next_line(text, "a.md", 4, "T001")
    assert apply(text, [edit]).splitlines()[2:] == [
        "The first line of a paragraph <!-- stylelint-news: disable-next-line T001 -->",
        "and its second line, with teh slip.",
    ]
    edit = disable_next_line(text, "a.md", 3, "T001")
    assert apply(text, [edit]).splitlines()[2] == "<!-- stylelint-news: disable-next-line T001 -->"


# -- the engines the server keeps ---------------------------------------------------------------


def test_one_engine_per_configuration_rebuilt_when_it_changes(tmp_path):
    config = tmp_path / ".stylelint-news.toml"
    config.write_text('ignore = ["T003"]\n')
    engines = Engines()
    first = engines.for_path(str(tmp_path / "a.md"))
    assert engines.for_path(str(tmp_path / "sub" / "b.md")) is first
    doc = Doc("file:///a.md", str(tmp_path / "a.md"), "Head\n\nThe the wall.\n")
    assert engines.lint(doc, "utf-16").findings == []
    config.write_text("ignore = []\n")
    assert engines.for_path(str(tmp_path / "a.md")) is not first
    assert [f.code for f in engines.lint(doc, "utf-16").findings] == ["T003"]


def test_a_words_file_edit_makes_a_new_engine(tmp_path):
    (tmp_path / ".stylelint-news.toml").write_text('words-file = "words.txt"\n')
    (tmp_path / "words.txt").write_text("grumbolt\n")
    engines = Engines()
    doc = Doc("file:///a.md", str(tmp_path / "a.md"), "Head\n\nThe council said the frabble was gone.\n")
    assert len(engines.lint(doc, "utf-16").findings) == 1
    (tmp_path / "words.txt").write_text("grumbolt\nfrabble\n")
    assert engines.lint(doc, "utf-16").findings == []


def test_a_text_linted_once_is_not_linted_again(tmp_path):
    engines = Engines()
    engine = engines.for_path(str(tmp_path / "a.md"))
    calls = []
    lint = engine.linter.lint
    engine.linter.lint = lambda source: calls.append(source.text) or lint(source)  # type: ignore[method-assign]
    doc = Doc("file:///a.md", str(tmp_path / "a.md"), "Head\n\nThe the wall.\n")
    for _ in range(3):
        assert [f.code for f in engines.lint(doc, "utf-16").findings] == ["T003"]
    assert calls == [doc.text]


def test_a_bad_configuration_is_an_outcome_not_an_exception(tmp_path):
    (tmp_path / ".stylelint-news.toml").write_text('selekt = ["T"]\n')
    outcome = Engines().lint(Doc("file:///a.md", str(tmp_path / "a.md"), "Head\n\nText.\n"), "utf-16")
    assert outcome.findings == [] and "unknown key `selekt`" in (outcome.error or "")


def test_a_broken_pack_is_not_loaded_again_until_it_changes(tmp_path, monkeypatch):
    from stylelint_news.lsp import linters

    (tmp_path / ".stylelint-news.toml").write_text('rules = ["house.toml"]\n')
    (tmp_path / "house.toml").write_text("[[rule]]\ncode = 'N1'\n")
    builds = []
    build = linters.plugins.build
    monkeypatch.setattr(linters.plugins, "build", lambda settings: builds.append(1) or build(settings))
    engines = Engines()
    doc = Doc("u", str(tmp_path / "a.md"), "Head\n\nThe the wall.\n")
    for text in ("one", "two", "three"):
        assert "house.toml" in (engines.lint(Doc("u", doc.path, text), "utf-16").error or "")
    assert len(builds) == 1
    (tmp_path / "house.toml").write_text("")
    assert [f.code for f in engines.lint(doc, "utf-16").findings] == ["T003"] and len(builds) == 2


def test_documents_of_other_languages_are_left_alone(tmp_path):
    engines = Engines()
    assert engines.lint(Doc("u", str(tmp_path / "a.py"), "x = 'the the'\n", language="python"), "utf-16").findings == []
    found = engines.lint(Doc("u", str(tmp_path / "a.story"), "Head\n\nThe the.\n", language="markdown"), "utf-16")
    assert [f.code for f in found.findings] == ["T003"]


# -- the debounced store ------------------------------------------------------------------------


def test_a_burst_of_changes_is_linted_once_at_its_last_text():
    from stylelint_news.lsp.store import DEBOUNCE

    assert DEBOUNCE <= 0.05  # the bound: a change waits at most 50 ms
    linted: list[str] = []
    published: list[tuple[int | None, str]] = []

    async def scenario() -> None:
        docs: Documents[str] = Documents(
            lambda d: linted.append(d.text) or d.text, lambda d, o: published.append((d.version, o)), delay=0.5
        )
        docs.open(Doc("u", "a.md", "v1", 1))  # opening lints at once
        await asyncio.sleep(0.2)
        assert linted == ["v1"]
        for v in range(2, 7):  # keystrokes closer together than the debounce
            docs.change("u", f"v{v}", v)
            await asyncio.sleep(0.02)
        await asyncio.sleep(1.0)
        assert await docs.outcome("u") == "v6"
        await docs.shutdown()

    asyncio.run(scenario())
    assert linted[:2] == ["v1", "v6"] and published == [(1, "v1"), (6, "v6")]


def test_an_outcome_for_an_old_version_is_not_published():
    published: list[int | None] = []

    async def scenario() -> None:
        gate = asyncio.Event()
        loop = asyncio.get_running_loop()

        def slow(doc: Doc) -> str:
            if doc.version == 1:
                asyncio.run_coroutine_threadsafe(gate.wait(), loop).result()
            return doc.text

        docs: Documents[str] = Documents(slow, lambda d, o: published.append(d.version), delay=0)
        docs.open(Doc("u", "a.md", "v1", 1))
        await asyncio.sleep(0.05)  # v1 is being linted
        docs.change("u", "v2", 2)
        gate.set()
        await asyncio.sleep(0.2)
        docs.close("u")
        docs.change("u", "v3", 3)  # closed: nothing more
        await asyncio.sleep(0.05)
        await docs.shutdown()

    asyncio.run(scenario())
    assert published == [2]


# -- the command, with and without the extra ------------------------------------------------------


def test_without_pygls_the_command_says_how_to_install_it():
    code = "import sys; sys.modules['pygls'] = None; from stylelint_news.cli import main; sys.exit(main(['lsp']))"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 2 and r.stdout == ""
    assert (
        r.stderr
        == "stylelint-news: the language server needs pygls, an optional extra: pip install 'stylelint-news[lsp]'\n"
    )


def test_the_command_line_never_imports_pygls(tmp_path):
    draft = tmp_path / "a.md"
    draft.write_text(DRAFT, encoding="utf-8")
    code = (
        "import sys; from stylelint_news.cli import main; main([sys.argv[1], '--no-cache']); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol', 'stylelint_news.lsp')))"
    )
    r = subprocess.run([sys.executable, "-c", code, str(draft)], capture_output=True, text=True)
    assert r.stdout.splitlines()[-1] == "[]"


def test_a_bad_docs_url_template_is_one_line():
    r = run_cli("lsp", "--docs-url", "https://x.example/{rule}")
    assert r.returncode == 2 and r.stderr.decode().count("\n") == 1 and b"--docs-url" in r.stderr


def test_a_diagnostic_carries_the_rules_code_level_and_documentation():
    lsp = lsp_types()
    from dataclasses import dataclass

    from stylelint_news.finding import Finding
    from stylelint_news.lsp.convert import diagnostic
    from stylelint_news.rule import Rule

    class Strict(Rule):
        code, name, summary, level = "N100", "strict", "Strict.", "error"

    class Documented(Rule):
        code, name, summary, level, url = "N101", "documented", "Documented.", "info", "https://desk.example/n101"

    @dataclass(frozen=True)
    class Levelled(Finding):  # the configurable severity another change adds: a finding's own level
        level: str = "hint"

    lines = Lines("Head\n\nA word.\n")
    found = Finding("a.md", 3, 3, 3, 7, "N100", "strict", "Say so.")
    d = diagnostic(found, Strict(), lines, "https://style.example/rules#{code}-{name}")
    assert (d.code, d.source, d.message) == ("N100", "stylelint-news", "Say so.")
    assert d.severity == lsp.DiagnosticSeverity.Error
    assert d.code_description.href == "https://style.example/rules#N100-strict"
    assert (d.range.start.line, d.range.start.character, d.range.end.character) == (2, 2, 6)
    assert diagnostic(found, Strict(), lines).code_description is None  # no template, no url: no link
    d = diagnostic(found, Documented(), lines, "https://style.example/{code}")
    assert d.code_description.href == "https://desk.example/n101" and d.severity == lsp.DiagnosticSeverity.Information
    levelled = Levelled("a.md", 3, 3, 3, 7, "N100", "strict", "Say so.")
    assert diagnostic(levelled, Strict(), lines).severity == lsp.DiagnosticSeverity.Hint


# -- the real server, over stdio ----------------------------------------------------------------


def offset_of(text: str, line: int, character: int, encoding: str = "utf-16") -> int:
    """The offset of an LSP position, counted here independently of the server's own code."""
    lines = text.split("\n")
    start = sum(len(x) + 1 for x in lines[:line])
    codec = "utf-16-le" if encoding == "utf-16" else "utf-8"
    width = 2 if encoding == "utf-16" else 1
    units = 0
    for i, c in enumerate(lines[line]):
        if units >= character:
            return start + i
        units += len(c.encode(codec)) // width
    return start + len(lines[line])


def applied(text: str, edits, encoding: str = "utf-16") -> str:
    """The text after an editor applies LSP TextEdits (all against the original text)."""
    spans = [
        (
            offset_of(text, e.range.start.line, e.range.start.character, encoding),
            offset_of(text, e.range.end.line, e.range.end.character, encoding),
            e.new_text,
        )
        for e in edits
    ]
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def where(text: str, needle: str, encoding: str = "utf-16") -> tuple[int, int, int]:
    """(line, start character, end character) of the first `needle`, in LSP units."""
    at = text.index(needle)
    line = text.count("\n", 0, at)
    before = text[text.rfind("\n", 0, at) + 1 : at]
    count = utf16 if encoding == "utf-16" else (lambda s: len(s.encode("utf-8")))
    return line, count(before), count(before + needle)


def session(folder: Path, scenario, *args: str, encodings: list[str] | None = None, shutdown: bool = True):
    """Start `stylelint-news lsp` in `folder`, initialise it as an editor does, run the async
    `scenario(client)`, then shut it down and exit; returns the client (with the server's exit
    status, and the messages it showed and logged)."""
    pytest.importorskip("pygls")
    from lsprotocol import types as lsp
    from pygls.lsp.client import LanguageClient

    class Client(LanguageClient):
        def __init__(self) -> None:
            super().__init__("stylelint-news-tests", "1")
            self.published: asyncio.Queue = asyncio.Queue()
            self.shown: list[str] = []
            self.logged: list[str] = []
            self.returncode: int | None = None
            self.sync = lsp.TextDocumentSyncKind.Incremental
            self.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)(lambda ls, p: self.published.put_nowait(p))
            self.feature(lsp.WINDOW_SHOW_MESSAGE)(lambda ls, p: self.shown.append(p.message))
            self.feature(lsp.WINDOW_LOG_MESSAGE)(lambda ls, p: self.logged.append(p.message))

        async def server_exit(self, server) -> None:
            self.returncode = server.returncode

        def open(self, name: str, text: str, language: str = "markdown") -> str:
            uri = name if ":" in name else (folder / name).as_uri()
            self.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri, language, 1, text)))
            return uri

        def change(self, uri: str, text: str, version: int) -> None:
            change = lsp.TextDocumentContentChangeWholeDocument(text=text)
            ident = lsp.VersionedTextDocumentIdentifier(version=version, uri=uri)
            self.text_document_did_change(lsp.DidChangeTextDocumentParams(ident, [change]))

        def edit(self, uri: str, text: str, old: str, new: str, version: int) -> str:
            """Replace the first `old` in `text` as an editor does: by range if the server takes
            incremental changes, else the whole text."""
            changed = text.replace(old, new, 1)
            if self.sync != lsp.TextDocumentSyncKind.Incremental:
                self.change(uri, changed, version)
                return changed
            line, start, end = where(text, old)
            rng = lsp.Range(lsp.Position(line, start), lsp.Position(line, end))
            ident = lsp.VersionedTextDocumentIdentifier(version=version, uri=uri)
            partial = lsp.TextDocumentContentChangePartial(range=rng, text=new)
            self.text_document_did_change(lsp.DidChangeTextDocumentParams(ident, [partial]))
            return changed

        def save(self, uri: str) -> None:
            self.text_document_did_save(lsp.DidSaveTextDocumentParams(lsp.TextDocumentIdentifier(uri)))

        async def diagnostics(self, uri: str, version: int | None = None) -> list:
            while True:
                p = await asyncio.wait_for(self.published.get(), 60)
                if p.uri == uri and (version is None or p.version == version):
                    return p.diagnostics

        async def actions(self, uri: str, rng, only: list[str] | None = None) -> list:
            context = lsp.CodeActionContext(diagnostics=[], only=only)  # type: ignore[arg-type]
            params = lsp.CodeActionParams(lsp.TextDocumentIdentifier(uri), rng, context)
            return await self.text_document_code_action_async(params) or []

    async def main() -> Client:
        client = Client()
        await client.start_io(sys.executable, "-m", "stylelint_news", "lsp", *args, cwd=str(folder))
        capabilities = lsp.ClientCapabilities(
            general=lsp.GeneralClientCapabilities(position_encodings=encodings) if encodings else None,  # type: ignore[arg-type]
            text_document=lsp.TextDocumentClientCapabilities(
                hover=lsp.HoverClientCapabilities(content_format=[lsp.MarkupKind.Markdown])
            ),
        )
        result = await client.initialize_async(
            lsp.InitializeParams(capabilities=capabilities, root_uri=folder.as_uri())
        )
        client.sync = result.capabilities.text_document_sync.change
        client.initialized(lsp.InitializedParams())
        try:
            await scenario(client)
        finally:
            if shutdown:
                await asyncio.wait_for(client.shutdown_async(None), 30)
            client.exit(None)
            await asyncio.wait_for(client.stop(), 30)
        return client

    return asyncio.run(main())


def lsp_types():
    pytest.importorskip("pygls")
    from lsprotocol import types as lsp

    return lsp


def test_the_server_lints_what_the_writer_types_and_applies_a_quick_fix(tmp_path):
    lsp = lsp_types()
    draft = tmp_path / "draft.md"
    draft.write_text("On disk: an older version.\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    seen = {}

    async def scenario(client) -> None:
        uri = client.open("draft.md", DRAFT)
        found = await client.diagnostics(uri, 1)
        seen["open"] = [(d.code, d.range.start.line, d.range.start.character, d.range.end.character) for d in found]
        assert all(d.source == "stylelint-news" for d in found)
        severity = {"C001": lsp.DiagnosticSeverity.Warning, "T001": lsp.DiagnosticSeverity.Error}
        assert all(d.severity == severity.get(d.code, lsp.DiagnosticSeverity.Error) for d in found)  # D: error
        # the diagnostics follow the text: the misspelling corrected, a word doubled
        text = DRAFT.replace("decison", "decision").replace("welcomed the", "welcomed the the")
        client.change(uri, text, 2)
        seen["changed"] = [d.code for d in await client.diagnostics(uri, 2)]
        # the stray capital's quick fix, applied by the editor
        capital = next(d for d in found if d.code == "C001")
        actions = await client.actions(uri, capital.range)
        fix = next(a for a in actions if a.title.startswith("C001: replace"))
        assert fix.kind == "quickfix" and fix.is_preferred and fix.diagnostics[0].code == "C001"
        fixed = applied(text, fix.edit.changes[uri])
        client.change(uri, fixed, 3)
        seen["fixed"] = [d.code for d in await client.diagnostics(uri, 3)]
        seen["text"] = fixed

    client = session(tmp_path, scenario)
    line, start, end = where(DRAFT, "Their")
    assert start == DRAFT.splitlines()[line].index("Their") + 1  # the emoji is two UTF-16 units
    typo, lead = where(DRAFT, "decison"), DRAFT.rindex("The harbour board")
    assert seen["open"] == [
        ("C001", line, start, end),
        ("T001", *typo),
        ("D002", DRAFT.count("\n", 0, lead), 0, len(DRAFT.splitlines()[-1])),
    ]
    assert seen["changed"] == ["C001", "T003", "D002"]
    assert "for their whole lives" in seen["text"] and seen["fixed"] == ["T003", "D002"]
    assert client.returncode == 0 and client.shown == []
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before  # nothing written


def test_the_server_finds_what_the_command_line_finds(tmp_path):
    lsp_types()
    (tmp_path / ".stylelint-news.toml").write_text('extend-select = ["S101", "T004"]\n')
    text = DRAFT + "\nFlights to Kiev resume, said Morag Findlay, and the the ferry too.\n"
    (tmp_path / "draft.md").write_text(text, encoding="utf-8")
    (tmp_path / "draft.txt").write_text(text, encoding="utf-8")
    got = {}

    async def scenario(client) -> None:
        for name, language in (("draft.md", "markdown"), ("draft.txt", "plaintext")):
            uri = client.open(name, text, language)
            got[name] = [
                (d.code, d.message, d.range.start.line, d.range.start.character) for d in await client.diagnostics(uri)
            ]

    session(tmp_path, scenario)
    for name in ("draft.md", "draft.txt"):
        cli = json.loads(run_cli(str(tmp_path / name), "--format", "json", "--no-cache", cwd=tmp_path).stdout)
        lines = text.split("\n")
        expected = [
            (f["code"], f["message"], f["line"] - 1, utf16(lines[f["line"] - 1][: f["column"] - 1])) for f in cli
        ]
        assert len(expected) >= 5 and got[name] == expected, name


def test_fix_all_disable_and_hover(tmp_path):
    lsp = lsp_types()
    text = DRAFT.replace("welcomed the", "welcomed the the")
    (tmp_path / "draft.md").write_text(text, encoding="utf-8")
    seen = {}

    async def scenario(client) -> None:
        uri = client.open("draft.md", text)
        found = await client.diagnostics(uri)
        whole = lsp.Range(lsp.Position(0, 0), lsp.Position(len(text.splitlines()), 0))
        fix_all = await client.actions(uri, whole, only=["source.fixAll"])
        assert [(a.kind, a.title) for a in fix_all] == [
            ("source.fixAll.stylelint-news", "Apply every safe fix in this file (2)")
        ]
        edits = fix_all[0].edit.changes[uri]
        seen["fixed"] = applied(text, edits)
        # each edit only as long as what it changes: the rest of the text, and the writer's place
        # in it, are not replaced
        assert [(e.range.start.line == e.range.end.line, len(e.new_text) <= 1) for e in edits] == [(True, True)] * 2
        typo = next(d for d in found if d.code == "T001")
        assert typo.code_description.href == "https://style.example/rules#T001"
        actions = await client.actions(uri, typo.range)
        assert [a.title for a in actions] == [
            "T001: replace “decison” with “decision”",
            "Disable T001 for this line",
            "Apply every safe fix in this file (2)",
        ]
        assert not actions[0].is_preferred  # a guess at the word: not applied without a look
        seen["hover"] = await client.text_document_hover_async(
            lsp.HoverParams(lsp.TextDocumentIdentifier(uri), typo.range.end)
        )
        seen["nothing"] = await client.text_document_hover_async(
            lsp.HoverParams(lsp.TextDocumentIdentifier(uri), lsp.Position(0, 0))
        )
        disabled = applied(text, actions[1].edit.changes[uri])
        client.change(uri, disabled, 2)
        seen["disabled"] = [d.code for d in await client.diagnostics(uri, 2)]
        seen["directive"] = disabled.splitlines()[typo.range.start.line]

    session(tmp_path, scenario, "--docs-url", "https://style.example/rules#{code}")
    run_cli(str(tmp_path / "draft.md"), "--fix", cwd=tmp_path)
    assert seen["fixed"] == (tmp_path / "draft.md").read_text(encoding="utf-8")
    assert seen["disabled"] == ["C001", "T003", "D002"]
    assert seen["directive"] == "<!-- stylelint-news: disable-next-line T001 -->"
    assert seen["hover"].contents.kind == "markdown"
    assert "T001 (misspelling)" in seen["hover"].contents.value and "Fix safety" in seen["hover"].contents.value
    assert seen["nothing"] is None


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({".stylelint-news.toml": 'selekt = ["T"]\n'}, "unknown key `selekt`"),
        ({".stylelint-news.toml": 'rules = ["house.toml"]\n', "house.toml": "[[rule]]\ncode = 'N1'\n"}, "house.toml"),
    ],
    ids=["configuration", "pack"],
)
def test_a_configuration_error_is_shown_once_and_the_server_carries_on(tmp_path, files, expected):
    lsp_types()
    for name, content in files.items():
        (tmp_path / name).write_text(content)
    seen = {}

    async def scenario(client) -> None:
        uri = client.open("draft.md", DRAFT)
        seen["open"] = await client.diagnostics(uri, 1)
        for version in (2, 3):
            client.change(uri, DRAFT + " " * version, version)
            await client.diagnostics(uri, version)
        (tmp_path / ".stylelint-news.toml").write_text('ignore = ["D"]\n')
        client.save(uri)
        seen["mended"] = [d.code for d in await client.diagnostics(uri, 3)]
        seen["shown"] = list(client.shown)

    client = session(tmp_path, scenario)
    assert list(seen["open"]) == []
    assert len(seen["shown"]) == 1 and expected in seen["shown"][0], seen["shown"]
    assert seen["mended"] == ["C001", "T001"]
    assert client.returncode == 0


def test_a_rule_that_crashes_is_reported_once_and_the_others_still_speak(tmp_path):
    lsp_types()
    (tmp_path / ".stylelint-news.toml").write_text('rules = ["desk.py"]\n')
    (tmp_path / "desk.py").write_text(
        "from stylelint_news import Rule, hookimpl\n\n"
        "class Fragile(Rule):\n"
        "    code = 'N900'\n    name = 'fragile'\n    summary = 'Breaks on storms.'\n\n"
        "    def check(self, doc, ctx):\n"
        "        if 'storm' in doc.text:\n            raise ValueError('a storm')\n        return ()\n\n"
        "@hookimpl\ndef stylelint_news_rules():\n    return [Fragile()]\n"
    )
    seen = {}

    async def scenario(client) -> None:
        uri = client.open("draft.md", DRAFT)
        seen["open"] = [d.code for d in await client.diagnostics(uri, 1)]
        client.change(uri, DRAFT + "\n", 2)
        seen["again"] = [d.code for d in await client.diagnostics(uri, 2)]

    client = session(tmp_path, scenario)
    assert seen["open"] == seen["again"] == ["C001", "T001", "D002"]
    assert len(client.shown) == 1 and "N900 (fragile" in client.shown[0] and "ValueError: a storm" in client.shown[0]
    assert client.returncode == 0


def test_utf8_positions_unsaved_documents_and_a_broken_directive(tmp_path):
    lsp = lsp_types()
    seen = {}
    text = DRAFT.replace("Local traders", "<!-- stylelint-news: disabel T001 -->\nLocal traders")

    async def scenario(client) -> None:
        uri = client.open("untitled:Untitled-1", text)
        found = await client.diagnostics(uri)
        seen["found"] = sorted((d.range.start.line, d.range.start.character, d.code or "", d.severity) for d in found)

    session(tmp_path, scenario, encodings=["utf-8"])
    capital, typo = where(text, "Their", "utf-8"), where(text, "decison", "utf-8")
    warning, error = lsp.DiagnosticSeverity.Warning, lsp.DiagnosticSeverity.Error
    assert seen["found"] == [
        (capital[0], capital[1], "C001", warning),
        (text[: text.index("<!--")].count("\n"), 0, "", error),  # the directive the engine cannot read
        (typo[0], typo[1], "T001", error),  # typos are errors by default
        (text.count("\n", 0, text.rindex("The harbour board")), 0, "D002", error),
    ]


def test_an_edit_after_a_line_separator_lands_where_the_writer_made_it(tmp_path):
    # U+2028 is no line break for an editor, but str.splitlines breaks there: an incremental
    # change placed by splitlines would land a line early
    lsp_types()
    text = DRAFT.replace("said the work would", "said the work\u2028would")
    seen = {}

    async def scenario(client) -> None:
        uri = client.open("draft.md", text)
        seen["before"] = [d.code for d in await client.diagnostics(uri, 1)]
        client.edit(uri, text, "decison", "decision", 2)
        seen["after"] = [d.code for d in await client.diagnostics(uri, 2)]

    session(tmp_path, scenario)
    assert seen == {"before": ["C001", "T001", "D002"], "after": ["C001", "D002"]}


def test_standard_output_holds_the_protocol_and_nothing_else(tmp_path):
    # a plugin's rule that prints: an editor would read its line as a broken message header
    lsp_types()
    (tmp_path / ".stylelint-news.toml").write_text('rules = ["noisy.py"]\n')
    (tmp_path / "noisy.py").write_text(
        "from stylelint_news import Rule, hookimpl\n\n"
        "class Noisy(Rule):\n"
        "    code = 'N901'\n    name = 'noisy'\n    summary = 'Prints.'\n\n"
        "    def check(self, doc, ctx):\n        print('checking')\n        return ()\n\n"
        "@hookimpl\ndef stylelint_news_rules():\n    return [Noisy()]\n"
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "stylelint_news", "lsp"],
        cwd=tmp_path,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )

    def send(message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        server.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        server.stdin.flush()

    def receive() -> dict:
        """One message, framed exactly as the protocol says: anything else fails here."""
        length = None
        while (line := server.stdout.readline()) != b"\r\n":
            name, _, value = line.decode("ascii").partition(": ")
            assert line.endswith(b"\r\n") and name in ("Content-Length", "Content-Type"), line
            length = int(value) if name == "Content-Length" else length
        assert length is not None
        return json.loads(server.stdout.read(length))

    def until(test) -> dict:
        while not test(message := receive()):
            pass
        return message

    try:
        send({"id": 1, "method": "initialize", "params": {"processId": None, "rootUri": None, "capabilities": {}}})
        until(lambda m: m.get("id") == 1)
        send({"method": "initialized", "params": {}})
        uri = (tmp_path / "draft.md").as_uri()
        item = {"uri": uri, "languageId": "markdown", "version": 1, "text": "Head\n\nThe the end.\n"}
        send({"method": "textDocument/didOpen", "params": {"textDocument": item}})
        published = until(lambda m: m.get("method") == "textDocument/publishDiagnostics")
        assert [d["code"] for d in published["params"]["diagnostics"]] == ["T003"]
        send({"id": 2, "method": "shutdown"})
        until(lambda m: m.get("id") == 2)
        send({"method": "exit"})
        assert server.wait(30) == 0
        assert server.stdout.read() == b""
        assert b"checking" in server.stderr.read()
    finally:
        server.kill()
        server.wait()
        for stream in (server.stdin, server.stdout, server.stderr):
            stream.close()


def test_exit_without_shutdown_is_status_1(tmp_path):
    lsp_types()

    async def scenario(client) -> None:
        await client.diagnostics(client.open("draft.md", "Head\n\nThe the end.\n"))

    assert session(tmp_path, scenario, shutdown=False).returncode == 1
