"""Receiving orders: each receipt line made from a purchase order line counts towards
its received quantity and takes that much off order in the Bin; the order's status
follows from what is received and billed. A receipt may not bring in more than is
ordered and not yet received; a return to the supplier puts the goods back on order."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core import lifecycle
from core.db import query
from core.errors import ValidationError
from modules.base.items import stock_items
from modules.inventory.ledger import order
from modules.purchase.errors import OverReceipt
from modules.purchase.lines import by_name, carried_taxes, percent, show

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)
FIELDS = ["item_code", "qty", "received_qty", "warehouse", "rate"]


def _ordered(ctx: Context, receipt: Document) -> dict[str, dict[str, Any]]:
    return by_name(ctx, "Purchase Order Item", [
        r.purchase_order_item for r in receipt.children("items")
        if r.get("purchase_order_item")], FIELDS)


def check_receipt(ctx: Context, receipt: Document) -> None:
    ordered = _ordered(ctx, receipt)
    taken: dict[str, Decimal] = {}
    for i, row in enumerate(receipt.children("items"), start=1):
        if not row.get("purchase_order_item"):
            continue
        line = ordered.get(row.purchase_order_item)
        if line is None or line["docstatus"] != 1 or line["item_code"] != row.item_code \
                or line["parent"] != row.purchase_order:
            raise ValidationError(f"Items row {i}: not a line of the submitted purchase "
                                  f"order {row.purchase_order}", field="items")
        if receipt.is_return:
            continue  # checked against the receipt it returns
        # orders count in stock units; a receipt line may be in another unit
        taken[line["name"]] = taken.get(line["name"], ZERO) + row.stock_qty
        open_qty = line["qty"] - (line["received_qty"] or ZERO)
        if taken[line["name"]] > open_qty:
            raise OverReceipt(f"Items row {i}: {show(row.stock_qty)} of {row.item_code} is "
                              f"more than the {show(open_qty)} ordered and not yet received",
                              field="items")


def record_receipt(ctx: Context, receipt: Document, sign: int) -> None:
    """Count the receipt (sign 1) or its cancellation (-1); a return's negative
    quantities count back."""
    ordered = _ordered(ctx, receipt)
    if not ordered:
        return
    received: dict[str, Decimal] = {}
    for row in receipt.children("items"):
        if row.get("purchase_order_item"):
            name = row.purchase_order_item
            received[name] = received.get(name, ZERO) + row.stock_qty * sign
    query.update_rows(ctx, "Purchase Order Item", [
        {"name": name, "received_qty": (ordered[name]["received_qty"] or ZERO) + qty}
        for name, qty in received.items()])
    stocked = stock_items(ctx, [ordered[n]["item_code"] for n in received])
    order(ctx, [(ordered[n]["item_code"], ordered[n]["warehouse"], -qty)
                for n, qty in received.items() if ordered[n]["item_code"] in stocked])
    for name in sorted({line["parent"] for line in ordered.values()}):
        refresh_status(ctx, name)


def refresh_status(ctx: Context, name: str) -> None:
    """% received (stock lines; an order of services has nothing to receive), % billed
    and the status they make."""
    docstatus = query.get_value(ctx, "Purchase Order", name, "docstatus")
    lines = query.select_rows(ctx, "Purchase Order Item", fields=[
        "item_code", "qty", "received_qty", "billed_qty"],
        filters={"parent": name, "parenttype": "Purchase Order"})
    stocked = stock_items(ctx, [r["item_code"] for r in lines])
    goods = [r for r in lines if r["item_code"] in stocked]
    per_received = percent(sum((min(r["received_qty"] or ZERO, r["qty"]) for r in goods),
                               ZERO), sum((r["qty"] for r in goods), ZERO))
    per_billed = percent(sum((min(r["billed_qty"] or ZERO, r["qty"]) for r in lines), ZERO),
                         sum((r["qty"] for r in lines), ZERO))
    received, billed = per_received >= 100, per_billed >= 100
    status = "Cancelled" if docstatus == 2 else "Draft" if docstatus == 0 else \
        "Completed" if received and billed else "To Bill" if received else \
        "To Receive" if billed else "To Receive and Bill"
    query.update_row(ctx, "Purchase Order", name, {
        "per_received": per_received, "per_billed": per_billed, "status": status})


def make_purchase_receipt(ctx: Context, purchase_order: str) -> dict[str, Any]:
    """A draft receipt for the goods the order has not received yet (not saved)."""
    po = lifecycle.get_doc(ctx, "Purchase Order", purchase_order)
    if po.docstatus != 1:
        raise ValidationError(f"{purchase_order} is not submitted", field="purchase_order")
    stocked = stock_items(ctx, [r.item_code for r in po.children("items")])
    items = [{"item_code": r.item_code, "item_name": r.item_name, "rate": r.rate,
              "qty": r.qty - (r.received_qty or ZERO), "warehouse": r.warehouse,
              "purchase_order": po.name, "purchase_order_item": r.name}
             for r in po.children("items")
             if r.item_code in stocked and r.qty > (r.received_qty or ZERO)]
    if not items:
        raise ValidationError(f"{purchase_order} has nothing left to receive",
                              field="purchase_order")
    return {"doctype": "Purchase Receipt", "supplier": po.supplier, "company": po.company,
            "currency": po.currency, "conversion_rate": po.conversion_rate,
            "posting_date": ctx.now.date(), "items": items,
            "taxes": carried_taxes([po], not any(r.received_qty for r in po.children("items")))}
