"""The engine as the language server drives it: the command line's own pieces, built once per
configuration and kept while the server runs.

A document's configuration is found from its folder as the command line finds it
(`config.load(None, [path])`, a few milliseconds), on every lint: an edited and saved configuration
then takes effect on the next keystroke, with no file watching. What it costs to build, the
plugins, the packs and the rules' word tables and verdicts, is kept per configuration (its
settings and the state of the rule and word files it names), in a `RunContext` of its own, and so
are the results of the texts it linted: a text the engine has seen is not linted again.

Nothing here writes to the document's file: the editor's text is linted as it stands
(`Source(path, text)`), and fixes come back as edits for the editor to apply.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from .. import config
from ..engine import plugins
from ..engine.context import RunContext
from ..engine.linter import Flags, Linter, Result
from ..errors import UsageError
from ..finding import Edit, Finding
from ..rule import Rule
from ..text.source import Source
from .directives import disable_next_line
from .positions import Lines

K = TypeVar("K")
V = TypeVar("V")

#: Configurations kept at once: a server sees one per project, a few while one is being edited.
KEEP_ENGINES = 8
#: Texts whose results are kept per configuration: the open documents, and a few recent versions
#: of each (an undo brings one back).
KEEP_RESULTS = 64
#: What editors call the languages the engine reads, for documents whose name does not say.
LANGUAGES = ("markdown", "plaintext", "text")


@dataclass(frozen=True)
class Doc:
    """One version of an open document as the editor holds it."""

    uri: str
    path: str
    text: str
    version: int | None = None
    language: str = ""


@dataclass
class Outcome:
    """What linting one version of a document gave: its findings (with their rules, and the text's
    lines to place them), the engine's problems and notices, or an error that stopped it."""

    doc: Doc
    lines: Lines
    findings: list[Finding] = field(default_factory=list)
    rules: dict[str, Rule] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    error: str | None = None
    engine: Engine | None = None


def _remember(cache: OrderedDict[K, V], key: K, build: Callable[[], V], keep: int) -> V:
    """The cached value for `key`, or a new one; the least recently used go past `keep`."""
    if key in cache:
        cache.move_to_end(key)
        return cache[key]
    value = cache[key] = build()
    while len(cache) > keep:
        cache.popitem(last=False)
    return value


class Engine:
    """One configuration: its registry, its linter and fixer, its run, and the results it gave."""

    def __init__(self, settings: config.Settings, cache_dir: str | None) -> None:
        self.settings = settings
        self.run = RunContext.at(cache_dir)
        with self.run.active():
            _, self.registry = plugins.build(settings)
        self.linter = Linter(settings, self.registry, Flags(), self.run)
        self._fixer: Linter | None = None
        self._results: OrderedDict[tuple[str, str], Result] = OrderedDict()
        self._fixed: OrderedDict[tuple[str, str], Result] = OrderedDict()

    def lint(self, path: str, text: str) -> Result:
        """The findings for a text, linted once while the result is kept."""
        return _remember(self._results, (path, text), lambda: self.linter.lint(Source(path, text)), KEEP_RESULTS)

    def fixed(self, path: str, text: str) -> Result:
        """The engine's fix-and-lint-again loop with the safe fixes (`--fix`): `fixed_text` is the
        text after them, or None when there was nothing to fix."""
        if self._fixer is None:
            self._fixer = Linter(self.settings, self.registry, Flags(fix=True), self.run)
        fixer = self._fixer
        return _remember(self._fixed, (path, text), lambda: fixer.lint(Source(path, text)), KEEP_RESULTS)

    def disable(self, path: str, text: str, line: int, code: str) -> Edit:
        """The edit that writes the directive silencing `code` on `line` (see directives.py)."""
        with self.run.active():
            return disable_next_line(text, path, line, code)

    def wants(self, doc: Doc) -> bool:
        """Whether the engine reads this document: a configured extension, or a prose language."""
        return Path(doc.path).suffix.lower() in self.settings.extensions or doc.language in LANGUAGES

    def close(self) -> None:
        self.run.close()


class Engines:
    """The engines of the configurations the open documents use."""

    def __init__(self, cache_dir: str | None = None) -> None:
        self.cache_dir = cache_dir
        self._engines: OrderedDict[tuple, Engine | UsageError] = OrderedDict()

    def for_path(self, path: str) -> Engine:
        """The engine of the configuration a file at `path` uses; a UsageError (a bad configuration,
        a broken pack or plugin) names what is wrong. A configuration that failed is not built
        again until it or a file it names changes."""
        settings = config.load(None, [path])
        key = (repr(settings), _stamps(settings))
        cached = self._engines.get(key)
        if cached is None:
            try:
                cached = Engine(settings, self.cache_dir)
            except UsageError as err:
                cached = err
            self._engines[key] = cached
            while len(self._engines) > KEEP_ENGINES:
                _, old = self._engines.popitem(last=False)
                if isinstance(old, Engine):
                    old.close()
        self._engines.move_to_end(key)
        if isinstance(cached, UsageError):
            raise cached
        return cached

    def lint(self, doc: Doc, encoding: str) -> Outcome:
        """The outcome for one version of a document. Nothing raises: a bad configuration or a bug
        in the engine becomes the outcome's `error`, so the server stays up."""
        lines = Lines(doc.text, encoding)
        try:
            engine = self.for_path(doc.path)
            if not engine.wants(doc):
                return Outcome(doc, lines)
            result = engine.lint(doc.path, lines.linted)
        except UsageError as err:
            return Outcome(doc, lines, error=str(err))
        except Exception as err:  # the engine's bug must not stop the writer's editor
            return Outcome(doc, lines, error=f"{doc.path}: could not lint: {type(err).__name__}: {err}")
        return Outcome(
            doc,
            lines,
            findings=result.findings,
            rules=engine.registry.rules,
            problems=result.problems,
            notices=result.notices,
            engine=engine,
        )

    def close(self) -> None:
        """Save what the next server can reuse (compiled patterns)."""
        for engine in self._engines.values():
            if isinstance(engine, Engine):
                engine.close()


def _stamps(settings: config.Settings) -> tuple:
    """The state of the files a configuration names (rule packs and modules, the words file):
    editing one makes a new engine, as a new configuration would."""
    named = [*settings.rules, *([settings.words_file] if settings.words_file else [])]
    stamps: list[tuple[str, int | None, int | None]] = []
    for name in named:
        path = Path(settings.root, name)
        try:
            st = path.stat()
            stamps.append((str(path), st.st_mtime_ns, st.st_size))
        except OSError:
            stamps.append((str(path), None, None))
    return tuple(stamps)
