"""Selling's whitelisted methods: ``/api/method/sales.<function>``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core import perms
from core.api.whitelist import whitelist
from core.document import jsonable
from modules.sales import billing, ordering

if TYPE_CHECKING:
    from core.context import Context


@whitelist()
def make_sales_invoice(ctx: Context, source_name: str) -> dict[str, Any]:
    """A draft Sales Invoice (not saved) for what a delivery note has not billed yet."""
    perms.require(ctx, "Delivery Note", "read")
    perms.require(ctx, "Sales Invoice", "create")
    return jsonable(billing.make_sales_invoice(ctx, source_name))


@whitelist()
def make_delivery_note(ctx: Context, source_name: str) -> dict[str, Any]:
    """A draft Delivery Note (not saved) for what a sales order has not delivered yet."""
    perms.require(ctx, "Sales Order", "read")
    perms.require(ctx, "Delivery Note", "create")
    return jsonable(ordering.make_delivery_note(ctx, source_name))
