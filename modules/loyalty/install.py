"""Installing loyalty: the Loyalty Points mode of payment and every company's loyalty
accounts (a company made later gets them from ``extends/company.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.db import query
from modules.loyalty.accounts import ensure_mode_of_payment, set_up_company

if TYPE_CHECKING:
    from core.context import Context


def after_install(ctx: Context) -> None:
    ensure_mode_of_payment(ctx)
    for row in query.select_rows(ctx, "Company", fields=["name"]):
        set_up_company(ctx, row["name"])
