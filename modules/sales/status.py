"""A sales order's status, from how much of it is delivered and billed: declared here
once, for every document that delivers or bills it."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from core.db import query

if TYPE_CHECKING:
    from core.context import Context

ZERO = Decimal(0)
HUNDRED = Decimal(100)

# (fully delivered, fully billed) -> status of a submitted order
ORDER_STATUS = {
    (False, False): "To Deliver and Bill",
    (True, False): "To Bill",
    (False, True): "To Deliver",
    (True, True): "Completed",
}


def percent(done: Decimal, total: Decimal) -> Decimal:
    return (done / total * HUNDRED).quantize(Decimal("0.01")) if total else ZERO


def refresh_order(ctx: Context, order: str) -> None:
    """Store the order's % delivered, % billed and status from its lines."""
    lines = query.select_rows(ctx, "Sales Order Item", fields=[
        "qty", "delivered_qty", "billed_qty"],
        filters={"parent": order, "parenttype": "Sales Order"})
    total = sum((r["qty"] for r in lines), ZERO)
    delivered = sum((min(r["delivered_qty"] or ZERO, r["qty"]) for r in lines), ZERO)
    billed = sum((min(r["billed_qty"] or ZERO, r["qty"]) for r in lines), ZERO)
    query.update_row(ctx, "Sales Order", order, {
        "per_delivered": percent(delivered, total), "per_billed": percent(billed, total),
        "status": ORDER_STATUS[(delivered >= total, billed >= total)]})
