"""Installing selling: its manager role."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.base.install import ensure

if TYPE_CHECKING:
    from core.context import Context


def after_install(ctx: Context) -> None:
    ensure(ctx, "Role", "Sales Manager", {"role_name": "Sales Manager"})
