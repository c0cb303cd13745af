"""Buying's whitelisted methods: ``/api/method/purchase.<function>``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core import perms
from core.api.whitelist import whitelist
from core.db import query
from core.document import jsonable
from core.errors import DoesNotExist
from modules.purchase import billing, ordering, receiving, requesting

if TYPE_CHECKING:
    from core.context import Context


@whitelist()
def make_purchase_order(ctx: Context, source_name: str) -> dict[str, Any]:
    """A draft Purchase Order (not saved) for what a material request has not ordered."""
    perms.require(ctx, "Material Request", "read")
    perms.require(ctx, "Purchase Order", "create")
    return jsonable(requesting.make_purchase_order(ctx, source_name))


@whitelist()
def make_stock_entry(ctx: Context, source_name: str) -> dict[str, Any]:
    """A draft Stock Entry (not saved) for what a transfer or issue request has not
    moved yet."""
    perms.require(ctx, "Material Request", "read")
    perms.require(ctx, "Stock Entry", "create")
    return jsonable(requesting.make_stock_entry(ctx, source_name))


@whitelist()
def make_purchase_receipt(ctx: Context, source_name: str) -> dict[str, Any]:
    """A draft Purchase Receipt (not saved) for what an order has not received yet."""
    perms.require(ctx, "Purchase Order", "read")
    perms.require(ctx, "Purchase Receipt", "create")
    return jsonable(ordering.make_purchase_receipt(ctx, source_name))


@whitelist()
def make_purchase_return(ctx: Context, source_name: str) -> dict[str, Any]:
    """A draft return (not saved) of what a receipt has not sent back yet."""
    perms.require(ctx, "Purchase Receipt", "read")
    perms.require(ctx, "Purchase Receipt", "create")
    return jsonable(receiving.make_purchase_return(ctx, source_name))


@whitelist()
def make_purchase_invoice(ctx: Context, source_name: str) -> dict[str, Any]:
    """A draft Purchase Invoice (not saved) for what a receipt or an order has not
    billed yet."""
    source = "Purchase Receipt" if query.exists(ctx, "Purchase Receipt", source_name) \
        else "Purchase Order"
    perms.require(ctx, source, "read")
    perms.require(ctx, "Purchase Invoice", "create")
    if not query.exists(ctx, source, source_name):
        raise DoesNotExist(f"No purchase receipt or purchase order {source_name}")
    return jsonable(billing.make_purchase_invoice(ctx, source_name))
