"""Installing inventory: its roles, and stock set-up for companies that already exist."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core import lifecycle
from core.db import query
from modules.base.install import ensure
from modules.inventory.setup import set_up_stock

if TYPE_CHECKING:
    from core.context import Context


def after_install(ctx: Context) -> None:
    for role in ("Stock User", "Stock Manager"):
        ensure(ctx, "Role", role, {"role_name": role})
    for row in query.select_rows(ctx, "Company", fields=["name"]):
        set_up_stock(ctx, lifecycle.get_doc(ctx, "Company", row["name"]))
