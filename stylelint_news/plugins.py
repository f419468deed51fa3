"""Building the PluginManager and collecting what the plugins give.

Load order is deliberate: the built-in plugins first (listed in one tuple and registered through
the same hooks as anyone's), then installed packages (entry-point group `stylelint_news`), then
the newsroom's own files named under `rules` in the configuration (Python files as plugin
modules, TOML packs through the rule types). `check_pending()` then catches a misspelt hook.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import types
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pluggy

from . import hookspecs
from .config import Settings
from .errors import UsageError
from .hookspecs import Formatter, RuleType
from .rule import Rule, validate

BUILTIN_PLUGINS = (
    "stylelint_news.checks.typos",
    "stylelint_news.checks.duplication",
    "stylelint_news.checks.capitalisation",
    "stylelint_news.checks.attribution",
    "stylelint_news.checks.packs",
    "stylelint_news.formats",
    "stylelint_news.suppression_plugin",
)
ENTRY_POINT_GROUP = "stylelint_news"


@dataclass
class Registry:
    """Everything the plugins contributed, keyed by code or name."""

    rules: dict[str, Rule] = field(default_factory=dict)
    formats: dict[str, Formatter] = field(default_factory=dict)
    rule_types: dict[str, RuleType] = field(default_factory=dict)
    plugins: list[str] = field(default_factory=list)

    def add_rule(self, rule: Rule, origin: str) -> None:
        problems = list(validate(rule))
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


def _may_have_entry_points() -> bool:
    """Whether any installed distribution declares our entry-point group. A plain text search of
    the `entry_points.txt` files on sys.path takes a millisecond; importlib.metadata takes 15-30 ms
    to import and scan, which every commit would pay for the common case of no plugins at all."""
    marker = f"[{ENTRY_POINT_GROUP}]"
    for folder in sys.path:
        try:
            entries = list(os.scandir(folder or "."))
        except OSError:
            continue
        for entry in entries:
            if entry.name.endswith((".dist-info", ".egg-info")):
                try:
                    with open(os.path.join(entry.path, "entry_points.txt"), encoding="utf-8", errors="replace") as fh:
                        if marker in fh.read():
                            return True
                except OSError:
                    continue
    return False


class _Manager(pluggy.PluginManager):
    """pluggy's manager, looking for hook implementations in a module's namespace directly.

    pluggy looks at every attribute of a plugin with `inspect.getattr_static`, so as never to
    run a property of a plugin object; the rule modules hold hundreds of patterns and word lists,
    and that care cost a twentieth of a one-article run. A module attribute is no descriptor, so
    a dict look-up is as safe there. Other plugin objects get pluggy's own search.
    """

    def parse_hookimpl_opts(self, plugin: object, name: str) -> pluggy.HookimplOpts | None:
        if not isinstance(plugin, types.ModuleType):
            return super().parse_hookimpl_opts(plugin, name)
        value = vars(plugin).get(name)
        if not isinstance(value, types.FunctionType):
            return None
        opts = getattr(value, self.project_name + "_impl", None)
        return opts if isinstance(opts, dict) else None


def build(settings: Settings, entry_points: bool = True, shipped: bool = True) -> tuple[pluggy.PluginManager, Registry]:
    """The PluginManager for a run, and the registry of rules, formats and rule types."""
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
            manager.register(_load_python_file(path), name=str(path))
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

    registry = Registry()
    for plugin in manager.get_plugins():
        registry.plugins.append(_origin(manager, plugin))
    for impl in manager.hook.stylelint_news_rule_types.get_hookimpls():
        registry.rule_types.update(_call(impl, manager) or {})
    for impl in reversed(manager.hook.stylelint_news_rules.get_hookimpls()):
        origin = _origin(manager, impl.plugin)
        for rule in _call(impl, manager) or ():
            registry.add_rule(rule, origin)
    for impl in manager.hook.stylelint_news_formats.get_hookimpls():
        registry.formats.update(_call(impl, manager) or {})
    from .checks.packs import load_pack, rules_from, shipped_packs

    for where, data in shipped_packs() if shipped else ():
        for rule in rules_from(data, where, registry.rule_types, shipped=True):
            registry.add_rule(rule, "builtin")
    for path in packs:
        for rule in load_pack(path, registry.rule_types):
            registry.add_rule(rule, str(path))
    return manager, registry


def _call(impl: pluggy.HookImpl, manager: pluggy.PluginManager) -> Iterable | dict | None:
    try:
        return impl.function()
    except UsageError:
        raise
    except Exception as err:
        raise UsageError(
            _origin(manager, impl.plugin), f"plugin hook {impl.function.__name__} failed: {type(err).__name__}: {err}"
        ) from None
