"""Desk pages declared by modules: screens that are not a form, a list or a report (a
point-of-sale screen, a reconciliation tool).

A module lists them in ``MANIFEST["pages"]`` as plain data::

    {"name": "pos", "label": "Point of Sale", "method": "modules.pos.screen.show",
     "requires": ["POS Invoice", "create"], "description": "Sell at the counter"}

``method`` is the dotted path of a function ``(ctx, request, body) -> Response``; the
desk serves it at ``/app/page/{module}.{name}`` for GET and POST, after login and only to
tenants with the module installed. ``requires`` (a doctype and a right) hides the page
from users without that right and refuses them if they open it anyway. A page renders a
template of its module's ``templates/`` folder as ``"{module}/{file}"`` and loads its
scripts and styles from ``/assets/{module}/...`` (the module's ``static/`` folder).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from core.errors import DoesNotExist


@dataclass(frozen=True)
class PageSpec:
    name: str
    label: str
    module: str
    method: str
    requires: tuple[str, str] | None = None
    description: str = ""

    @property
    def key(self) -> str:
        return f"{self.module}.{self.name}"

    def handler(self) -> Callable[..., Any]:
        module, _, function = self.method.rpartition(".")
        return getattr(importlib.import_module(module), function)


def page_from_dict(module: str, data: dict[str, Any]) -> PageSpec:
    requires = data.get("requires")
    spec = PageSpec(name=data["name"], label=data.get("label") or data["name"],
                    module=module, method=data["method"],
                    requires=(requires[0], requires[1]) if requires else None,
                    description=data.get("description", ""))
    spec.handler()  # a wrong path fails when the site loads, not on the first visit
    return spec


def find(pages: dict[str, PageSpec], key: str) -> PageSpec:
    try:
        return pages[key]
    except KeyError:
        raise DoesNotExist(f"No page {key}") from None
