"""Delivering orders: each line delivered against a sales order line (from a delivery
note, or from an invoice that updates stock) counts towards its delivered quantity and
releases that much of the reservation; the order's status follows. A delivery may not
exceed what is ordered and not yet delivered."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core import lifecycle
from core.db import query
from core.errors import ValidationError
from modules.base.items import stock_items
from modules.inventory.ledger import reserve
from modules.sales.lines import carried_taxes, qty_text
from modules.sales.status import refresh_order

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)
PLACES = Decimal("0.000000001")  # a Float quantity's precision


def order_lines(ctx: Context, names: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Sales order lines by name, with what is delivered and billed of each."""
    if not names:
        return {}
    return {r["name"]: r for r in query.select_rows(ctx, "Sales Order Item", fields=[
        "name", "parent", "item_code", "qty", "uom", "conversion_factor", "rate",
        "delivered_qty", "billed_qty", "billed_amt", "warehouse", "docstatus"],
        filters=[["name", "in", sorted(set(names))]])}


def in_order_unit(row: Document, line: dict[str, Any]) -> Decimal:
    """A delivering or billing line's quantity in the unit of the order line it fulfils
    (an order of 2 Boxes of 12 is half delivered by 12 Nos)."""
    if not row.get("uom") or row.uom == line["uom"]:
        return row.qty
    stock_qty = row.qty * (row.get("conversion_factor") or 1)
    return (stock_qty / (line["conversion_factor"] or 1)).quantize(PLACES)


def in_stock_units(qty: Decimal, line: dict[str, Any]) -> Decimal:
    return qty * (line["conversion_factor"] or 1)


def _linked(rows: Sequence[Document]) -> list[Document]:
    return [r for r in rows if r.get("so_detail")]


def check_delivery(ctx: Context, doc: Document, rows: Sequence[Document] | None = None,
                   order_field: str = "against_sales_order") -> None:
    """Each delivered line is a line of the submitted order it names, for at most what
    is ordered and not yet delivered (lines of one order line added together)."""
    rows = _linked(doc.children("items") if rows is None else rows)
    ordered = order_lines(ctx, [r.so_detail for r in rows])
    asked: dict[str, Decimal] = {}
    for i, row in enumerate(rows, start=1):
        line = ordered.get(row.so_detail)
        if line is None or line["docstatus"] != 1 or line["item_code"] != row.item_code \
                or line["parent"] != row.get(order_field):
            raise ValidationError(f"Items row {i}: not a line of the submitted sales order "
                                  f"{row.get(order_field)}", field="items")
        asked[row.so_detail] = asked.get(row.so_detail, ZERO) + in_order_unit(row, line)
        open_qty = line["qty"] - (line["delivered_qty"] or ZERO)
        if asked[row.so_detail] > open_qty:
            raise ValidationError(f"Items row {i}: {qty_text(row.qty)} of {row.item_code} "
                                  f"is more than the {qty_text(open_qty)} ordered and not "
                                  "yet delivered", field="items")


def record_delivery(ctx: Context, doc: Document, sign: int,
                    rows: Sequence[Document] | None = None) -> None:
    """Count the delivered lines on their order lines (``sign`` -1 undoes it)."""
    rows = _linked(doc.children("items") if rows is None else rows)
    ordered = order_lines(ctx, [r.so_detail for r in rows])
    if not ordered:
        return
    delivered: dict[str, Decimal] = {}
    for row in rows:
        delivered[row.so_detail] = delivered.get(row.so_detail, ZERO) + \
            in_order_unit(row, ordered[row.so_detail]) * sign
    query.update_rows(ctx, "Sales Order Item", [
        {"name": name, "delivered_qty": (ordered[name]["delivered_qty"] or ZERO) + qty}
        for name, qty in delivered.items()])
    stocked = stock_items(ctx, [ordered[n]["item_code"] for n in delivered])
    reserve(ctx, [(ordered[n]["item_code"], ordered[n]["warehouse"],
                   -in_stock_units(qty, ordered[n]))
                  for n, qty in delivered.items() if ordered[n]["item_code"] in stocked])
    for order in sorted({line["parent"] for line in ordered.values()}):
        refresh_order(ctx, order)


def make_delivery_note(ctx: Context, sales_order: str) -> dict[str, Any]:
    """A draft delivery note for what the order has not delivered yet (not saved)."""
    order = lifecycle.get_doc(ctx, "Sales Order", sales_order)
    if order.docstatus != 1:
        raise ValidationError(f"{sales_order} is not submitted", field="sales_order")
    items = [{"item_code": r.item_code, "item_name": r.item_name, "rate": r.rate,
              "qty": r.qty - (r.delivered_qty or ZERO), "uom": r.uom,
              "warehouse": r.warehouse,
              "against_sales_order": order.name, "so_detail": r.name, **priced(r)}
             for r in order.children("items") if r.qty > (r.delivered_qty or ZERO)]
    if not items:
        raise ValidationError(f"{sales_order} is fully delivered", field="sales_order")
    first = not any(r.delivered_qty for r in order.children("items"))
    return {"doctype": "Delivery Note", "customer": order.customer, "company": order.company,
            "posting_date": ctx.now.date(), "items": items,
            "selling_price_list": order.selling_price_list,
            "taxes": carried_taxes(order, first)}


def priced(row: Document) -> dict[str, Any]:
    """The pricing a line carries to the document made from it."""
    return {f: row.get(f) for f in ("price_list_rate", "discount_percentage",
                                     "discount_amount", "pricing_rule")}
