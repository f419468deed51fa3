"""Building the PluginManager and collecting what the plugins give.

Load order is deliberate: the built-in plugins first (listed in one tuple and registered through
the same hooks as anyone's), then installed packages (entry-point group `stylelint_news`), then
the newsroom's own files named under `rules` in the configuration (Python files as plugin
modules, TOML packs through the rule types). `check_pending()` then catches a misspelt hook.
Packs come last: the shipped ones, those plugins ship (`stylelint_news_packs`), the configuration's.

Each rule's origin says where it came from (`--list-rules`, `--explain`, a duplicate code's
message): "builtin", a plugin's name and version, or a pack's file, with the pack's name and
version when its `[pack]` table gives them. A desk's rules may not take the tool's own letters.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pluggy

from .. import hookspecs
from ..config import Settings
from ..errors import UsageError
from ..hookspecs import Formatter, RuleType
from ..packs.loader import RESERVED
from ..rule import Rule, validate

BUILTIN_PLUGINS = (
    "stylelint_news.checks.typos",
    "stylelint_news.checks.duplication",
    "stylelint_news.checks.capitalisation",
    "stylelint_news.checks.attribution",
    "stylelint_news.packs.types",
    "stylelint_news.packs.leftover",
    "stylelint_news.packs.spelling_variants",
    "stylelint_news.output.formats",
    "stylelint_news.engine.suppression",
    "stylelint_news.engine.vocabulary",
)
ENTRY_POINT_GROUP = "stylelint_news"
HOOK_PREFIX = "stylelint_news_"


@dataclass
class Registry:
    """Everything the plugins contributed, keyed by code or name."""

    rules: dict[str, Rule] = field(default_factory=dict)
    formats: dict[str, Formatter] = field(default_factory=dict)
    rule_types: dict[str, RuleType] = field(default_factory=dict)
    plugins: list[str] = field(default_factory=list)
    #: What could not be loaded, when the build was asked to go on (`--list-rules`, `--explain`).
    problems: list[str] = field(default_factory=list)

    def add_rule(self, rule: Rule, origin: str) -> None:
        problems = list(validate(rule))
        if origin != "builtin" and rule.code[:1] in RESERVED:
            problems.append(
                f"code {rule.code} starts with {rule.code[:1]}, one of the tool's own families "
                f"({', '.join(RESERVED)}); give the desk's rules a letter of their own"
            )
        if problems:
            raise UsageError(origin, f"rule {rule.code or '?'} ({rule.name or '?'}): {'; '.join(problems)}")
        rule.origin = origin
        other = self.rules.get(rule.code)
        if other is not None:
            raise UsageError(
                origin,
                f"rule code {rule.code} is defined twice: by {other.origin} ({other.name}) "
                f"and by {origin} ({rule.name})",
            )
        self.rules[rule.code] = rule


def _load_python_file(path: Path) -> object:
    """Import a newsroom's rule file as a module of its own."""
    name = f"stylelint_news_local_{abs(hash(str(path.resolve())))}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise UsageError(str(path), "cannot be imported as a Python module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as err:  # a broken rule file is the user's input: report it, do not crash
        sys.modules.pop(name, None)
        raise UsageError(str(path), f"cannot load the rule file: {type(err).__name__}: {err}") from None
    return module


def _origin(manager: pluggy.PluginManager, plugin: object) -> str:
    for p, dist in manager.list_plugin_distinfo():
        if p is plugin:
            return f"{dist.project_name} {dist.version}"
    name = manager.get_name(plugin) or "?"
    return "builtin" if name.startswith("stylelint_news.") else name


def _declared_entry_points() -> bool:
    """Whether any installed distribution declares our entry-point group (importlib.metadata)."""
    from importlib.metadata import entry_points

    return bool(entry_points(group=ENTRY_POINT_GROUP))


def _may_have_entry_points() -> bool:
    """Whether plugins may be installed, answered by importlib.metadata once per state of the
    folders on sys.path and kept in the data store.

    Importing importlib.metadata alone takes 25-70 ms here (it loads the e-mail parser), a third
    of a one-article run, for the common answer "no plugins". Installing, upgrading or removing
    a package changes its folder's modification time, which is part of the entry's key, so the
    question is asked again exactly when the answer may have changed.
    """
    from .context import built

    folders = []
    for entry in sys.path:
        path = Path(entry or ".")
        if path.is_dir():
            folders.append(path.resolve())
    return bool(built("entry-points", tuple(folders), _declared_entry_points))


class _Manager(pluggy.PluginManager):
    """pluggy's manager, offered only the names of our hooks, as pytest's is: pluggy inspects
    every attribute of a plugin (safely, with `inspect.getattr_static`), and the rule modules
    hold hundreds of patterns and word lists, which cost a twentieth of a one-article run."""

    def parse_hookimpl_opts(self, plugin: object, name: str) -> pluggy.HookimplOpts | None:
        if not name.startswith(HOOK_PREFIX):
            return None
        return super().parse_hookimpl_opts(plugin, name)


def build(
    settings: Settings, entry_points: bool = True, shipped: bool = True, go_on: bool = False
) -> tuple[pluggy.PluginManager, Registry]:
    """The PluginManager for a run, and the registry of rules, formats and rule types. With
    `go_on`, a broken pack or rule file is noted in `registry.problems` and the rest loads (the
    good rules of a broken pack too), so `--list-rules` and `--explain` still answer."""
    registry = Registry()

    def refuse(err: UsageError) -> None:
        if not go_on:
            raise err
        registry.problems.extend(err.lines())

    manager = _Manager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    for name in BUILTIN_PLUGINS:
        manager.register(importlib.import_module(name), name=name)
    if entry_points and _may_have_entry_points():
        try:
            manager.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
        except Exception as err:  # an installed plugin that fails to import
            raise UsageError(
                f"plugin ({ENTRY_POINT_GROUP} entry point)", f"cannot load: {type(err).__name__}: {err}"
            ) from None
    packs: list[Path] = []
    for entry in settings.rules:
        path = Path(settings.root, entry)
        if not path.is_file():
            raise UsageError(settings.path or "configuration", f"rule file `{entry}` not found ({path})")
        if path.suffix == ".py":
            try:
                manager.register(_load_python_file(path), name=str(path))
            except UsageError as err:
                refuse(err)
        elif path.suffix == ".toml":
            packs.append(path)
        else:
            raise UsageError(str(path), "a rule file must be a .toml pack or a .py plugin module")
    try:
        manager.check_pending()
    except pluggy.PluginValidationError as err:
        raise UsageError(
            str(err.plugin if isinstance(err.plugin, str) else _origin(manager, err.plugin)), str(err)
        ) from None

    for plugin in manager.get_plugins():
        registry.plugins.append(_origin(manager, plugin))
    for impl in manager.hook.stylelint_news_rule_types.get_hookimpls():
        registry.rule_types.update(_call(impl, manager) or {})
    for impl in reversed(manager.hook.stylelint_news_rules.get_hookimpls()):
        origin = _origin(manager, impl.plugin)
        for rule in _call(impl, manager) or ():
            try:
                registry.add_rule(rule, origin)
            except UsageError as err:
                refuse(err)
    for impl in manager.hook.stylelint_news_formats.get_hookimpls():
        registry.formats.update(_call(impl, manager) or {})
    from ..packs.loader import shipped_packs

    for where, data in shipped_packs() if shipped else ():
        _add_pack(registry, data, where, "builtin", refuse, shipped=True)
    for impl in manager.hook.stylelint_news_packs.get_hookimpls():
        plugin = _origin(manager, impl.plugin)
        for path in _plugin_packs(impl, manager, plugin):
            _add_pack(registry, None, str(path), plugin, refuse)
    for path in packs:
        _add_pack(registry, None, str(path), "", refuse)
    return manager, registry


def _plugin_packs(impl: pluggy.HookImpl, manager: pluggy.PluginManager, plugin: str) -> list[Path]:
    """The pack files a plugin says it ships; one that is not there is the plugin's error."""
    paths = []
    for entry in _call(impl, manager) or ():
        path = Path(entry)
        if path.suffix != ".toml" or not path.is_file():
            raise UsageError(plugin, f"stylelint_news_packs: {path} is not a .toml file")
        paths.append(path)
    return paths


def _add_pack(
    registry: Registry,
    data: dict[str, Any] | None,
    where: str,
    source: str,
    refuse: Callable[[UsageError], None],
    shipped: bool = False,
) -> None:
    """A pack's rules into the registry, their origin naming the plugin (or the file) and the
    pack; every problem of the pack is one error, and with `go_on` its good rules still load."""
    from ..packs.loader import PackProblems, load_rules, pack_info, read_file

    try:
        if data is None:
            data = read_file(Path(where))
    except UsageError as err:
        refuse(err)
        return
    rules, problems = load_rules(data, where, registry.rule_types, shipped)
    if problems:
        refuse(PackProblems(f"{source}: {where}" if source and not shipped else where, problems))
    label = pack_info(data)[0].label()
    if shipped:
        origin = "builtin"
    elif source:  # a plugin's pack: the plugin, and which of its packs
        origin = f"{source} ({label or Path(where).name})"
    else:
        origin = f"{where} ({label})" if label else where
    for rule in rules:
        try:
            registry.add_rule(rule, origin)
        except UsageError as err:
            refuse(err)


def _call(impl: pluggy.HookImpl, manager: pluggy.PluginManager) -> Any:
    try:
        return impl.function()
    except UsageError:
        raise
    except Exception as err:
        raise UsageError(
            _origin(manager, impl.plugin), f"plugin hook {impl.function.__name__} failed: {type(err).__name__}: {err}"
        ) from None
