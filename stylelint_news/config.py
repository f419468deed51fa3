"""Finding, reading and validating the configuration.

Read from `[tool.stylelint-news]` in `pyproject.toml` or the top level of `.stylelint-news.toml`,
whichever is found first walking up from the linted files, no higher than the project root or the
home folder. A key we do not know or a value of the wrong type stops the run: a misspelt `ignore`
that silently does nothing is worse than an error.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import UsageError
from .text.readers import DEFAULT_EXTENSIONS
from .text.source import MAX_FILE_SIZE, read_regular

DIALECTS = ("en", "en-GB", "en-US")
FILE_NAMES = (".stylelint-news.toml", "pyproject.toml")
#: The largest configuration file read (a pyproject.toml is a few kilobytes).
CONFIG_SIZE = 10_000_000
LEVELS = ("info", "warning", "error")
#: The files of a vocabulary folder (`vocabularies`), as Vale names them.
VOCABULARY_FILES = ("accept.txt", "reject.txt")


@dataclass(frozen=True)
class Vocabulary:
    """The desk's terms: `accept`ed ones no rule flags, `reject`ed ones always flagged (S001).
    Each is a word, a phrase or a regular expression, matched whole and case-sensitively (start
    it with `(?i)` to ignore case)."""

    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()


@dataclass(frozen=True)
class Settings:
    """Every setting of a run, after the configuration file and the command line are merged."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    dialect: str = "en"
    words: tuple[str, ...] = ()
    words_file: str | None = None
    rules: tuple[str, ...] = ()
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
    exclude: tuple[str, ...] = (".git", ".venv", "venv", "node_modules", "__pycache__", ".tox")
    options: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()
    #: Levels by code, prefix or name ((selector, level), ...): the most specific selector wins.
    severity: tuple[tuple[str, str], ...] = ()
    #: The least level that fails a run; None: every finding does.
    fail_level: str | None = None
    #: The configuration this one extends (already merged in: kept to be named in messages).
    extend: str | None = None
    vocabulary: Vocabulary = Vocabulary()
    #: Folders holding accept.txt and reject.txt.
    vocabularies: tuple[str, ...] = ()
    #: Where the configuration came from; relative paths in it are read from its folder.
    path: str | None = None
    root: str = "."
    #: The largest file read, in megabytes (1,000,000 bytes): a larger one is reported, not read.
    max_file_size: float = MAX_FILE_SIZE / 1_000_000
    #: The names an article's parts go by (`[tool.stylelint-news.fields]`), each replacing the
    #: default names of its part (text/fields.py, DEFAULT_FIELDS).
    fields: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def field_names(self) -> Mapping[str, Sequence[str]]:
        from .text.fields import DEFAULT_FIELDS

        return {**DEFAULT_FIELDS, **dict(self.fields)} if self.fields else DEFAULT_FIELDS

    def rule_options(self, code: str) -> dict[str, Any]:
        return dict(dict(self.options).get(code, ()))

    @property
    def max_bytes(self) -> int:
        return int(self.max_file_size * 1_000_000)

    def all_words(self) -> frozenset[str]:
        """The newsroom's own words: the `words` list and the words file (a regular file of
        at most max-file-size, read as any article is: never a FIFO or a device)."""
        words = set(self.words)
        if self.words_file:
            words.update(_lines(Path(self.root, self.words_file), self.max_bytes, "the words file"))
        return frozenset(words)

    def vocabulary_files(self) -> tuple[Path, ...]:
        """The files of the `vocabularies` folders (a folder must hold one of them at least)."""
        found = []
        for folder in self.vocabularies:
            path = Path(self.root, folder)
            files = [path / name for name in VOCABULARY_FILES if (path / name).is_file()]
            if not files:
                raise UsageError(
                    self.path or str(path),
                    f"vocabulary folder `{folder}` holds neither {' nor '.join(VOCABULARY_FILES)} ({path})",
                )
            found.extend(files)
        return tuple(found)

    def terms(self) -> Vocabulary:
        """Every accepted and rejected term: `words` and the words file are accepted terms too."""
        accept, reject = [*sorted(self.all_words()), *self.vocabulary.accept], list(self.vocabulary.reject)
        for path in self.vocabulary_files():
            (accept if path.name == "accept.txt" else reject).extend(
                _lines(path, self.max_bytes, "the vocabulary file")
            )
        return Vocabulary(tuple(dict.fromkeys(accept)), tuple(dict.fromkeys(reject)))


def _lines(path: Path, limit: int, what: str) -> list[str]:
    """The entries of a word file: one a line, blank lines and `#` comments skipped (a regular
    file of at most `limit` bytes, read as any article is: never a FIFO or a device)."""
    try:
        text = read_regular(path, limit, what).decode("utf-8")
    except UnicodeDecodeError as err:
        raise UsageError(str(path), f"cannot read {what}: {err}") from None
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def _strings(key: str, value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(where, f"`{key}` must be a list of strings, not {_kind(value)}")
    return tuple(value)


def _kind(value: Any) -> str:
    return {
        str: "a string",
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)


def from_table(table: dict[str, Any], where: str, root: str) -> Settings:
    """Settings from one TOML table; `where` names the file (and table) in messages. With
    `extend`, the named configuration is read first and this one's keys put over it."""
    known = {f.name.replace("_", "-") for f in fields(Settings)} - {"path", "root"}
    values: dict[str, Any] = {"path": where, "root": root}
    for key, value in table.items():
        if key not in known:
            raise UsageError(where, f"unknown key `{key}` (known keys: {', '.join(sorted(known))})")
        attr = key.replace("-", "_")
        if key in ("select", "ignore", "extend-select", "extend-ignore", "words", "rules", "exclude", "vocabularies"):
            values[attr] = _strings(key, value, where)
        elif key == "extensions":
            values[attr] = tuple(e if e.startswith(".") else "." + e for e in _strings(key, value, where))
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise UsageError(where, f"`per-file-ignores` must be a table of glob = [codes], not {_kind(value)}")
            values[attr] = tuple(
                (glob, _strings(f"per-file-ignores.{glob}", codes, where)) for glob, codes in value.items()
            )
        elif key == "dialect":
            if value not in DIALECTS:
                raise UsageError(where, f"`dialect` must be one of {', '.join(DIALECTS)}, not {value!r}")
            values[attr] = value
        elif key in ("words-file", "extend"):
            if not isinstance(value, str):
                raise UsageError(where, f"`{key}` must be a string, not {_kind(value)}")
            values[attr] = value
        elif key == "options":
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise UsageError(where, "`options` must be a table of tables, one per rule code")
            values[attr] = tuple((code, tuple(opts.items())) for code, opts in value.items())
        elif key == "fields":
            from .text.fields import DEFAULT_FIELDS

            if not isinstance(value, dict):
                raise UsageError(where, f"`fields` must be a table of part = [names], not {_kind(value)}")
            for part in value:
                if part not in DEFAULT_FIELDS:
                    raise UsageError(where, f"unknown part `fields.{part}` (parts: {', '.join(DEFAULT_FIELDS)})")
            values[attr] = tuple(
                (part, (names,) if isinstance(names, str) else _strings(f"fields.{part}", names, where))
                for part, names in value.items()
            )
        elif key == "severity":
            if not isinstance(value, dict):
                raise UsageError(where, f"`severity` must be a table of code = level, not {_kind(value)}")
            for selector, level in value.items():
                if level not in LEVELS:
                    raise UsageError(where, f"`severity.{selector}` must be one of {', '.join(LEVELS)}, not {level!r}")
            values[attr] = tuple(value.items())
        elif key == "fail-level":
            if value not in LEVELS:
                raise UsageError(where, f"`fail-level` must be one of {', '.join(LEVELS)}, not {value!r}")
            values[attr] = value
        elif key == "vocabulary":
            values[attr] = _vocabulary(value, where)
        elif key == "max-file-size":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
                raise UsageError(where, f"`max-file-size` must be a number of megabytes above 0, not {value!r}")
            values[attr] = value
    settings = Settings(**values)
    return _extending(settings, set(values), where) if settings.extend else settings


def _vocabulary(value: Any, where: str) -> Vocabulary:
    if not isinstance(value, dict):
        raise UsageError(where, f"`vocabulary` must be a table with `accept` and `reject`, not {_kind(value)}")
    unknown = set(value) - {"accept", "reject"}
    if unknown:
        raise UsageError(where, f"unknown key(s) {', '.join(sorted(unknown))} in `vocabulary` (valid: accept, reject)")
    return Vocabulary(
        _strings("vocabulary.accept", value.get("accept", []), where),
        _strings("vocabulary.reject", value.get("reject", []), where),
    )


#: The configurations being read, outermost first: an `extend` that names one of them is a cycle.
_EXTENDING: ContextVar[tuple[Path, ...]] = ContextVar("stylelint_news_extending", default=())

#: Keys whose value is a table: the extending file's entries go over the extended file's.
_TABLES = ("per_file_ignores", "options", "severity")

#: Lists that add to the extended file's, as their names say; a `select` of the extending file
#: starts the selection afresh, and then they are its own.
_ADDING = ("extend_select", "extend_ignore")


def _extending(settings: Settings, given: set[str], where: str) -> Settings:
    """`settings` put over the configuration it extends (ruff's semantics: the extending file's
    keys win; tables merge entry by entry; extend-select and extend-ignore add). The extended file may live anywhere, and its own
    relative paths (rules, words file, vocabularies) are read from its folder."""
    assert settings.extend is not None
    target = Path(settings.root, settings.extend).resolve()
    chain = _EXTENDING.get()
    if target in chain:
        names = " -> ".join(str(p) for p in (*chain, target))
        raise UsageError(where, f"`extend` makes a cycle: {names}")
    if not target.is_file():
        raise UsageError(where, f"`extend`: configuration file `{settings.extend}` not found ({target})")
    token = _EXTENDING.set((*chain, target))
    try:
        base = load_file(target)
    finally:
        _EXTENDING.reset(token)
    if base is None:
        raise UsageError(where, f"`extend`: {target} has no [tool.stylelint-news] table")
    changes: dict[str, Any] = {
        "path": settings.path,
        "root": settings.root,
        "rules": tuple(str(Path(base.root, p)) for p in base.rules),
        "vocabularies": tuple(str(Path(base.root, p)) for p in base.vocabularies),
        "words_file": str(Path(base.root, base.words_file)) if base.words_file else None,
    }
    if "select" in given:
        changes.update({attr: getattr(settings, attr) for attr in _ADDING})
    for attr in given - {"path", "root"}:
        mine = getattr(settings, attr)
        if attr in _ADDING and "select" not in given:
            changes[attr] = tuple(dict.fromkeys((*getattr(base, attr), *mine)))
        elif attr in _TABLES:
            changes[attr] = tuple({**dict(getattr(base, attr)), **dict(mine)}.items())
        elif attr == "vocabulary":
            changes[attr] = Vocabulary(
                mine.accept if mine.accept else base.vocabulary.accept,
                mine.reject if mine.reject else base.vocabulary.reject,
            )
        else:
            changes[attr] = mine
    return replace(base, **changes)


def load_file(path: Path) -> Settings | None:
    """Settings from one file; None for a pyproject.toml without our table.

    A pyproject.toml that never names the tool is another tool's business: it is not parsed (nor
    judged: a broken one is not ours to report), which also spares most runs importing a TOML
    parser at all.
    """
    try:
        text = read_regular(path, CONFIG_SIZE, "the configuration").decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(str(path), "the configuration is not UTF-8") from None
    if path.name == "pyproject.toml" and "stylelint-news" not in text:
        return None
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise UsageError(str(path), f"invalid TOML: {err}") from None
    except RecursionError:  # the parser recurses once per level of nesting
        raise UsageError(str(path), "invalid TOML: values nest too deeply") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("stylelint-news")
        if table is None:
            return None
        if not isinstance(table, dict):
            raise UsageError(str(path), "[tool.stylelint-news] must be a table")
        return from_table(table, f"{path} [tool.stylelint-news]", str(path.parent))
    return from_table(data, str(path), str(path.parent))


def discover(start: Path) -> Settings:
    """The first configuration found walking up from `start` to the project root (the folder
    with `.git`) or the home folder, never above them; or the defaults. A Python rule file it
    names is checked first (see project.py): a configuration found is not trusted blindly."""
    from .project import check_rule_files, home, stops_search

    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    home_folder = home()
    for candidate in (folder, *folder.parents):
        for name in FILE_NAMES:
            path = candidate / name
            if path.is_file():
                settings = load_file(path)
                if settings is not None:
                    check_rule_files(settings.rules, settings.root, path)
                    return settings
        if stops_search(candidate, home_folder):
            break
    return Settings()


def load(config: str | None, paths: list[str], isolated: bool = False) -> Settings:
    """The run's settings: the named file, the one found from the linted paths, or (isolated)
    the defaults, whatever configuration files there are."""
    if isolated:
        if config is not None:
            raise UsageError("--isolated", "ignores every configuration file: it cannot be used with --config")
        return Settings()
    if config is not None:
        path = Path(config)
        if not path.is_file():
            raise UsageError(config, "configuration file not found")
        settings = load_file(path)
        if settings is None:
            return Settings(path=config, root=str(path.parent))
        from .project import check_rule_files

        check_rule_files(settings.rules, settings.root, path, found=False)
        return settings
    existing = [Path(p) for p in paths if p != "-"]
    start = Path(_common_parent(existing)) if existing else Path.cwd()
    return discover(start)


def _common_parent(paths: list[Path]) -> str:
    import os

    try:
        return os.path.commonpath([str(p.resolve()) for p in paths])
    except ValueError:
        return str(Path.cwd())


def override(settings: Settings, **changes: Any) -> Settings:
    """Settings with the command line's values (those not None) put over the file's."""
    return replace(settings, **{k: v for k, v in changes.items() if v is not None})
