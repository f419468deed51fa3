"""Which files a run lints: named files always, folders searched for the configured extensions.

A folder is searched as ruff and black search one: folders and files matching `exclude` or
`extend-exclude` are passed over, and so is whatever git ignores (`.gitignore` files at every
level, `.git/info/exclude`), read with the `pathspec` library, which follows git's own rules for
them (negation, anchoring, `dir/` patterns, precedence of deeper files). A path named on the
command line is linted whatever the configuration says, unless `force_exclude` is set: pre-commit
names every staged file, and with it those files obey the configuration too.
"""

from __future__ import annotations

import os
import re
import stat
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from fnmatch import translate
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..text.readers import unread as unread_kind
from ..text.source import kind

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

#: One .gitignore-style file that applies: its patterns, and the path of the folder being walked
#: relative to the folder the file governs ("" there, "sub/" one level down), so an entry's path
#: relative to that folder is a string concatenation away.
Ignore = tuple["GitIgnoreSpec", str]


def excluded(path: Path, patterns: Sequence[str]) -> bool:
    """A path is excluded when its name or its whole (posix) path matches a glob."""
    return _exclusions(tuple(patterns)).match(path.name, path.as_posix())


class _Exclusions:
    """The exclusion globs, compiled for a walk. A glob that is a plain name ("node_modules", as
    every default is) excludes exactly the entries of that name, a set look-up; the others are two
    patterns, for a name and for a whole path (which may also end in the glob after a slash)."""

    def __init__(self, patterns: tuple[str, ...]) -> None:
        self.names = frozenset(p for p in patterns if not _GLOB_CHARS.search(p))
        globs = [p for p in patterns if p not in self.names]
        self.globs = None
        if globs:
            by_name = re.compile("|".join(translate(p) for p in globs))
            self.globs = by_name, re.compile("|".join(translate(q) for p in globs for q in (p, f"*/{p}")))

    def match(self, name: str, path: str) -> bool:
        if name in self.names:
            return True
        return self.globs is not None and bool(self.globs[0].match(name) or self.globs[1].match(path))


#: What makes a glob more than a name: a wildcard, a character class, or a slash.
_GLOB_CHARS = re.compile(r"[*?\[/]")


@lru_cache(maxsize=8)
def _exclusions(patterns: tuple[str, ...]) -> _Exclusions:
    return _Exclusions(patterns)


def expand(
    paths: Sequence[str],
    extensions: Sequence[str],
    exclude: Sequence[str],
    skipped: list[str] | None = None,
    unread: Counter[str] | None = None,
    *,
    gitignore: bool = False,
    force_exclude: bool = False,
) -> Iterator[str]:
    """Each file to lint, in a stable order. A missing path is yielded as it is, to be reported.

    Only regular files (or links to them) are taken from a folder: a FIFO would block the run for
    ever, a link to /dev/zero would fill the memory. Each such file found is added to `skipped`
    (as "path (what it is)") for the run to mention; a file named on the command line is always
    yielded, and reading it reports what it is, unless `force_exclude` passes it over (silently,
    as ruff does: the hook was handed a file the project does not lint). Documents of a kind no
    reader reads (or whose extra is not installed: .docx) are counted by suffix in `unread`
    (text/readers.unread).
    """
    exts = tuple(e.lower() for e in extensions)
    chains: dict[Path, tuple[Ignore, ...]] = {}  # a folder's ignore files, read once for all its files
    for name in paths:
        path = Path(name)
        if name != "-" and force_exclude and _force_excluded(path, exclude, gitignore, chains):
            continue
        if name == "-" or not path.is_dir():
            yield name
            continue
        found: list[str] = []
        ignores = _ignores_above(path) if gitignore else None
        _walk(
            str(path),
            exts,
            _exclusions(tuple(exclude)),
            found,
            skipped if skipped is not None else [],
            unread if unread is not None else Counter(),
            ignores,
        )
        yield from sorted(found)


def _walk(
    folder: str,
    exts: tuple[str, ...],
    exclude: _Exclusions,
    found: list[str],
    skipped: list[str],
    unread: Counter[str],
    ignores: tuple[Ignore, ...] | None,
) -> None:
    """What os.walk gave (links to folders are not followed, unreadable folders are passed over),
    from the directory entries themselves: a regular file needs no stat call of its own. Paths
    are strings joined as pathlib joins them (`folder` is one pathlib made), a Path per entry
    being most of a walk's cost. `ignores` is None when git's ignore files are not read, else
    those that apply here."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
        return
    if ignores is not None:
        if any(e.name == ".gitignore" for e in entries):
            spec = _read_spec(Path(folder, ".gitignore"))
            if spec is not None:
                ignores = (*ignores, (spec, ""))
        entries = [e for e in entries if e.name != ".git"]  # git's own store is never content
    prefix = "" if folder == "." else folder if folder.endswith("/") else folder + "/"
    for entry in entries:
        name = entry.name
        path = prefix + name
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if entry.is_symlink() or exclude.match(name, path) or (ignores and _ignored(name + "/", ignores)):
                continue
            inner = None if ignores is None else tuple((s, f"{rel}{name}/") for s, rel in ignores)
            _walk(path, exts, exclude, found, skipped, unread, inner)
            continue
        taken = name.lower().endswith(exts)
        suffix = unread_kind(name, taken)
        if (suffix is None and not taken) or exclude.match(name, path) or (ignores and _ignored(name, ignores)):
            continue
        if suffix is not None:
            unread[suffix] += 1
        else:
            try:
                regular = entry.is_file(follow_symlinks=False) or stat.S_ISREG(entry.stat().st_mode)
            except OSError:
                regular = True  # a broken link: reading it says so
            if regular:
                found.append(path)
            else:
                skipped.append(f"{path} ({kind(entry.stat().st_mode)})")


def _ignored(name: str, ignores: tuple[Ignore, ...]) -> bool:
    """Whether git ignores the entry `name` (ending in "/" for a folder) of the folder being
    walked: the deepest ignore file with a pattern matching it decides, as in git."""
    return _decide((spec, rel + name) for spec, rel in ignores)


def _decide(paths: Iterable[tuple[GitIgnoreSpec, str]]) -> bool:
    """Whether git ignores a path, given as its path relative to each ignore file's folder (from
    the least binding file to the most): the last file with a matching pattern decides."""
    for spec, rel in reversed(list(paths)):
        verdict = spec.check_file(rel).include
        if verdict is not None:
            return verdict
    return False


def _repository(folder: Path) -> Path | None:
    """The working tree `folder` (absolute) lies in: the nearest folder at or above it holding
    `.git` (a folder, or a file in a linked worktree or submodule)."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def _info_exclude(top: Path) -> Path:
    """`info/exclude` of the repository whose working tree is `top`, found as git finds it when
    `.git` is a file (`gitdir: ...`, and `commondir` inside a linked worktree's folder)."""
    git = top / ".git"
    if git.is_file():
        try:
            first = git.read_text(encoding="utf-8", errors="replace").partition("\n")[0]
            git = top / first.removeprefix("gitdir:").strip()
            common = git / "commondir"
            if common.is_file():
                git = git / common.read_text(encoding="utf-8", errors="replace").strip()
        except OSError:
            pass
    return git / "info" / "exclude"


def _ignores_above(folder: Path) -> tuple[Ignore, ...] | None:
    """The ignore files that govern the contents of `folder` from outside it: the repository's
    `info/exclude` and the `.gitignore` of every folder from the top of the working tree down to
    `folder`'s parent (its own is read by the walk). A folder named on the command line that
    these ignore is the user's explicit choice: then only the ignore files inside it apply.
    None outside a git working tree, where git reads no ignore file, and neither do we."""
    absolute = Path(os.path.abspath(folder))
    top = _repository(absolute)
    if top is None:
        return None
    chain = _chain(top, absolute, own=False)
    if absolute != top and _decide(chain):  # each entry's path is the folder's own, as a folder
        return ()
    return chain


def _chain(top: Path, folder: Path, own: bool) -> tuple[Ignore, ...]:
    """The ignore files of the repository at `top` that apply in `folder` (at or below it),
    least binding first, each with the path of `folder` relative to the folder it governs; with
    `own`, `folder`'s own `.gitignore` too."""
    parts = folder.relative_to(top).parts
    levels = range(len(parts) + 1) if own else range(len(parts))
    chain: list[Ignore] = []
    spec = _read_spec(_info_exclude(top))
    if spec is not None:
        chain.append((spec, "".join(p + "/" for p in parts)))
    for i in levels:
        spec = _read_spec(top.joinpath(*parts[:i]) / ".gitignore")
        if spec is not None:
            chain.append((spec, "".join(p + "/" for p in parts[i:])))
    return tuple(chain)


def _read_spec(path: Path) -> GitIgnoreSpec | None:
    """The patterns of one ignore file (None when it is missing, unreadable or has none). The
    parser is imported only when a project has such a file, so other runs never load it."""
    try:
        if not path.is_file():
            return None
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    if not any(ln.strip() and not ln.startswith("#") for ln in lines):
        return None
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(lines)


def _force_excluded(
    path: Path, exclude: Sequence[str], gitignore: bool, chains: dict[Path, tuple[Ignore, ...]]
) -> bool:
    """Whether a path named on the command line is one the configuration would not lint: it, or
    a folder it lies in (below the working folder, or as written when it lies elsewhere), matches
    an exclusion, or git ignores it."""
    shown = path
    if path.is_absolute():
        try:
            shown = path.relative_to(Path.cwd())
        except ValueError:
            shown = path
    if any(excluded(p, exclude) for p in (shown, *shown.parents[:-1]) if p.name not in ("", "..")):
        return True
    if not gitignore:
        return False
    absolute = Path(os.path.abspath(path))
    top = _repository(absolute)
    if top is None or absolute == top:
        return False
    name = absolute.name + ("/" if absolute.is_dir() else "")
    folder = absolute.parent
    if folder not in chains:
        chains[folder] = _chain(top, folder, own=True)
    return _ignored(name, chains[folder])
