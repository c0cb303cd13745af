"""Delivering orders: each delivery line made from a sales order line counts towards its
delivered quantity and releases that much of the reservation; the order's status
follows. A delivery may not exceed what is ordered and not yet delivered."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core import lifecycle
from core.db import query
from core.errors import ValidationError
from modules.inventory.ledger import reserve

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)
HUNDRED = Decimal(100)


def _ordered(ctx: Context, note: Document) -> dict[str, dict[str, Any]]:
    names = [r.so_detail for r in note.children("items") if r.get("so_detail")]
    if not names:
        return {}
    return {r["name"]: r for r in query.select_rows(ctx, "Sales Order Item", fields=[
        "name", "parent", "item_code", "qty", "delivered_qty", "warehouse", "docstatus"],
        filters=[["name", "in", names]])}


def check_delivery(ctx: Context, note: Document) -> None:
    ordered = _ordered(ctx, note)
    for i, row in enumerate(note.children("items"), start=1):
        if not row.get("so_detail"):
            continue
        line = ordered.get(row.so_detail)
        if line is None or line["docstatus"] != 1 or line["item_code"] != row.item_code \
                or line["parent"] != row.against_sales_order:
            raise ValidationError(f"Items row {i}: not a line of the submitted sales order "
                                  f"{row.against_sales_order}", field="items")
        open_qty = line["qty"] - (line["delivered_qty"] or ZERO)
        if row.qty > open_qty:
            raise ValidationError(f"Items row {i}: {row.qty} of {row.item_code} is more than "
                                  f"the {open_qty} ordered and not yet delivered",
                                  field="items")


def record_delivery(ctx: Context, note: Document, sign: int) -> None:
    ordered = _ordered(ctx, note)
    if not ordered:
        return
    delivered: dict[str, Decimal] = {}
    for row in note.children("items"):
        if row.get("so_detail"):
            delivered[row.so_detail] = delivered.get(row.so_detail, ZERO) + row.qty * sign
    query.update_rows(ctx, "Sales Order Item", [
        {"name": name, "delivered_qty": (ordered[name]["delivered_qty"] or ZERO) + qty}
        for name, qty in delivered.items()])
    stocked = {r["name"] for r in query.select_rows(ctx, "Item", fields=["name"], filters=[
        ["name", "in", sorted({ordered[n]["item_code"] for n in delivered})],
        ["is_stock_item", "=", 1]])}
    reserve(ctx, [(ordered[n]["item_code"], ordered[n]["warehouse"], -qty)
                  for n, qty in delivered.items() if ordered[n]["item_code"] in stocked])
    for order in sorted({line["parent"] for line in ordered.values()}):
        _refresh_status(ctx, order)


def _refresh_status(ctx: Context, order: str) -> None:
    lines = query.select_rows(ctx, "Sales Order Item", fields=["qty", "delivered_qty"],
                              filters={"parent": order, "parenttype": "Sales Order"})
    total = sum((r["qty"] for r in lines), ZERO)
    done = sum((r["delivered_qty"] or ZERO for r in lines), ZERO)
    query.update_row(ctx, "Sales Order", order, {
        "per_delivered": (done / total * HUNDRED).quantize(Decimal("0.01")) if total else ZERO,
        "status": "Completed" if done >= total else "To Deliver"})


def make_delivery_note(ctx: Context, sales_order: str) -> dict[str, Any]:
    """A draft delivery note for what the order has not delivered yet (not saved)."""
    order = lifecycle.get_doc(ctx, "Sales Order", sales_order)
    if order.docstatus != 1:
        raise ValidationError(f"{sales_order} is not submitted", field="sales_order")
    items = [{"item_code": r.item_code, "item_name": r.item_name, "rate": r.rate,
              "qty": r.qty - (r.delivered_qty or ZERO), "warehouse": r.warehouse,
              "against_sales_order": order.name, "so_detail": r.name}
             for r in order.children("items") if r.qty > (r.delivered_qty or ZERO)]
    if not items:
        raise ValidationError(f"{sales_order} is fully delivered", field="sales_order")
    return {"doctype": "Delivery Note", "customer": order.customer, "company": order.company,
            "posting_date": ctx.now.date(), "items": items}
