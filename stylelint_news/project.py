"""Where a project ends, and which configuration may run Python.

A configuration may name Python rule files, which are imported: running a linter must not run
code that someone else put in a folder above yours. So the search for a configuration stops at
the project root (the folder holding `.git`) or at the home folder, whichever comes first. And a
Python rule file named by a configuration that was found (not named with `--config`) is run only
when the configuration can vouch for it, as git will not use a repository another user owns:

- the configuration and the rule file (links resolved) belong to the user or to root, and not
  everyone may write to them: a configuration someone left in /tmp is not the user's;
- the rule file lies inside the project: the folder holding `.git`, or the configuration's own
  folder when there is none.

Otherwise the run stops with exit 2 and a line naming the file and why; `--config` is how to say
"this one is mine". TOML packs are data, read from anywhere.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import UsageError
from .text.source import kind


def home() -> Path | None:
    """The user's home folder, or None when there is none worth the name (unset, or `/`)."""
    try:
        folder = Path.home().resolve()
    except (RuntimeError, OSError, KeyError):
        return None
    return None if folder == Path(folder.anchor) else folder


def stops_search(folder: Path, home_folder: Path | None) -> bool:
    """Whether the search for a configuration goes no higher than `folder`."""
    return folder == home_folder or (folder / ".git").exists()


def _foreign(path: Path) -> str | None:
    """Why a file or folder cannot vouch for code run as this user, or None: it belongs to
    another user (root aside), or others may write to it."""
    if not hasattr(os, "getuid"):  # pragma: no cover - not POSIX: no owners to compare
        return None
    try:
        st = path.stat()
    except OSError:
        return None
    if st.st_uid not in (os.getuid(), 0):
        return "belongs to another user"
    if st.st_mode & stat.S_IWOTH:
        return "may be written by anyone"
    return None


def _root(config: Path, home_folder: Path | None) -> Path:
    """The project a found configuration belongs to: the folder holding `.git` at or above it
    (no higher than the home folder), or the configuration's own folder."""
    folder = config.parent.resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
        if candidate == home_folder:
            break
    return folder


def check_rule_files(rules: tuple[str, ...], root: str, config: Path, found: bool = True) -> None:
    """Refuse rule files a configuration may not use: special files (never read), and, for a
    configuration that was `found` rather than named, Python files outside what its project
    vouches for (never imported)."""
    python = []
    for name in rules:
        path = Path(root, name)
        try:
            mode = path.stat().st_mode
        except OSError:
            mode = stat.S_IFREG  # missing: loading it says so
        if not stat.S_ISREG(mode):
            raise UsageError(str(path), f"is {kind(mode)}, not a regular file; not read")
        if path.suffix == ".py":
            python.append(path)
    if not python or not found:
        return
    project = _root(config, home())
    foreign = _foreign(config)
    for path in python:
        resolved = path.resolve()
        if foreign is not None:
            reason = f"which {foreign}"
        elif (rule_foreign := _foreign(resolved)) is not None:
            reason = f"and the rule file {rule_foreign}"
        elif not resolved.is_relative_to(project):
            reason = f"and the rule file lies outside its project ({project})"
        else:
            continue
        raise UsageError(
            str(path),
            f"not run: a Python rule file named by {config}, {reason}; name the configuration with --config to run it",
        )
