"""Set-up when the module is installed into a tenant."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core import lifecycle
from core.db import query

if TYPE_CHECKING:
    from core.context import Context

ROLES = ("Contacts User",)


def after_install(ctx: Context) -> None:
    for role in ROLES:
        if not query.exists(ctx, "Role", role):
            lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Role", {"role_name": role}))
