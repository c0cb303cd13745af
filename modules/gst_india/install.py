"""What a tenant gets when it installs GST: the GST accounts of its existing Indian
companies (new companies get theirs when they are created), and the notified GST Return
Rules."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.db import query
from modules.gst_india.accounts import set_up_gst_accounts
from modules.gst_india.returns.install_rules import install_return_rules

if TYPE_CHECKING:
    from core.context import Context


def after_install(ctx: Context) -> None:
    for row in query.select_rows(ctx, "Company", fields=["name"],
                                 filters={"country": "India"}):
        set_up_gst_accounts(ctx, row["name"])
    install_return_rules(ctx)
