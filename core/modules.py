"""Module discovery and dependency order.

A module is a package under ``modules/`` with a ``manifest.py`` that holds ``MANIFEST``, a
plain dict: ``name``, ``version``, ``title``, ``depends`` (module names), ``auto_install``
(a bridge module installed by itself once all it depends on is installed). The rest is found
by convention in the package: ``doctypes/*.py`` (each with ``DOCTYPE`` and its lifecycle
functions), ``extends/*.py`` (fields and lifecycle functions added to another module's
doctype), ``events.py`` with ``register(on)``, ``api.py`` with ``@whitelist`` functions,
``demo.py`` with ``make_demo(ctx)`` and ``install.py`` with ``after_install(ctx)``.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from core.errors import ModuleError

MODULES_PACKAGE = "modules"


@dataclass(frozen=True)
class Manifest:
    name: str
    version: str
    title: str
    package: str
    depends: tuple[str, ...] = ()
    auto_install: bool = False
    description: str = ""
    icon: str = ""
    extra: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def submodule(self, name: str) -> ModuleType | None:
        try:
            return importlib.import_module(f"{self.package}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{self.package}.{name}":
                return None
            raise

    def doctype_modules(self) -> list[ModuleType]:
        """Files of doctypes/: each declares DOCTYPE and its lifecycle functions."""
        return self._folder_modules("doctypes")

    def extension_modules(self) -> list[ModuleType]:
        """Files of extends/: each adds FIELDS (and lifecycle functions) to the doctype
        named by EXTENDS, which belongs to a module this one depends on."""
        return self._folder_modules("extends")

    def _folder_modules(self, name: str) -> list[ModuleType]:
        folder = Path(importlib.import_module(self.package).__file__ or "").parent / name
        if not folder.is_dir():
            return []
        return [importlib.import_module(f"{self.package}.{name}.{info.name}")
                for info in sorted(pkgutil.iter_modules([str(folder)]), key=lambda i: i.name)]

    def function(self, submodule: str, name: str) -> Callable[..., Any] | None:
        module = self.submodule(submodule)
        return getattr(module, name, None) if module else None


def manifest_from_dict(data: dict[str, Any], package: str) -> Manifest:
    known = {"name", "version", "title", "depends", "auto_install", "description", "icon"}
    return Manifest(
        name=data["name"], version=str(data.get("version", "0.0.0")),
        title=data.get("title") or data["name"].replace("_", " ").title(),
        package=package, depends=tuple(data.get("depends", ())),
        auto_install=bool(data.get("auto_install", False)),
        description=data.get("description", ""), icon=data.get("icon", ""),
        extra={k: v for k, v in data.items() if k not in known},
    )


def discover(package: str = MODULES_PACKAGE) -> dict[str, Manifest]:
    root = importlib.import_module(package)
    found: dict[str, Manifest] = {}
    for info in pkgutil.iter_modules(root.__path__):
        if not info.ispkg:
            continue
        try:
            manifest_module = importlib.import_module(f"{package}.{info.name}.manifest")
        except ModuleNotFoundError:
            continue
        manifest = manifest_from_dict(manifest_module.MANIFEST, f"{package}.{info.name}")
        if manifest.name in found:
            raise ModuleError(f"Two modules are named {manifest.name!r}")
        found[manifest.name] = manifest
    return found


def dependency_order(manifests: dict[str, Manifest]) -> list[str]:
    """Module names, each after everything it depends on.

    Raises ModuleError naming a missing dependency or the modules of a cycle.
    """
    for m in manifests.values():
        missing = [d for d in m.depends if d not in manifests]
        if missing:
            raise ModuleError(f"Module {m.name!r} depends on {', '.join(missing)}, "
                              "which is not available")
    order: list[str] = []
    state: dict[str, str] = {}

    def visit(name: str, path: list[str]) -> None:
        if state.get(name) == "done":
            return
        if state.get(name) == "visiting":
            cycle = path[path.index(name):] + [name]
            raise ModuleError("Module dependency cycle: " + " -> ".join(cycle))
        state[name] = "visiting"
        for dep in manifests[name].depends:
            visit(dep, path + [name])
        state[name] = "done"
        order.append(name)

    for name in sorted(manifests):
        visit(name, [])
    return order


def with_dependencies(manifests: dict[str, Manifest], wanted: Iterable[str]) -> list[str]:
    """The wanted modules plus all they need, and bridges whose needs are all met."""
    chosen: set[str] = set()

    def add(name: str) -> None:
        if name not in manifests:
            raise ModuleError(f"No module named {name!r}")
        if name not in chosen:
            chosen.add(name)
            for dep in manifests[name].depends:
                add(dep)

    for name in wanted:
        add(name)
    changed = True
    while changed:
        changed = False
        for m in manifests.values():
            if m.auto_install and m.name not in chosen and set(m.depends) <= chosen:
                add(m.name)
                changed = True
    return [n for n in dependency_order(manifests) if n in chosen]
