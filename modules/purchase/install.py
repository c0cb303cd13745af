"""Installing buying: its roles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.base.install import ensure

if TYPE_CHECKING:
    from core.context import Context


def after_install(ctx: Context) -> None:
    for role in ("Purchase User", "Purchase Manager"):
        ensure(ctx, "Role", role, {"role_name": role})
