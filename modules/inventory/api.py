"""Inventory's whitelisted methods: ``/api/method/inventory.<function>``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core import perms
from core.api.arguments import Arguments
from core.api.whitelist import whitelist
from modules.inventory.reports import stock_balance as balance

if TYPE_CHECKING:
    from core.context import Context


@whitelist()
def stock_balance(ctx: Context, company: Any = None, to_date: Any = None) -> dict[str, Any]:
    """Quantity and value per item and warehouse at ``to_date``, from the stock ledger."""
    perms.require(ctx, "Stock Ledger Entry", "read")
    args = Arguments(ctx)
    company = args.record(company, "company", "Company")
    on = args.date(to_date, "to_date")
    args.done()
    return balance.stock_balance(ctx, company, on)
