"""Ordering quotations: each sales order line made from a quotation line counts towards
its ordered quantity, and the quotation's status follows. An order may take no more
than is quoted and not yet ordered, from a submitted quotation of the same customer and
company that was still valid on the order's date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core import lifecycle
from core.db import query
from core.errors import ValidationError
from modules.sales.lines import carried_taxes, qty_text
from modules.sales.ordering import priced

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)
STATUSES = ("Draft", "Open", "Partially Ordered", "Ordered", "Expired", "Lost", "Cancelled")


def quotation_status(docstatus: int, quoted: Decimal, ordered: Decimal, lost: bool,
                     valid_till: dt.date | None, today: dt.date) -> str:
    """Ordering decides first; a quotation nothing was ordered from is lost, expired
    (past its Valid Till) or open."""
    if docstatus != 1:
        return "Cancelled" if docstatus == 2 else "Draft"
    if ordered >= quoted:
        return "Ordered"
    if ordered > 0:
        return "Partially Ordered"
    if lost:
        return "Lost"
    return "Expired" if valid_till and valid_till < today else "Open"


def refresh_quotation(ctx: Context, name: str) -> None:
    head = query.select_rows(ctx, "Quotation", fields=["docstatus", "status", "valid_till"],
                             filters={"name": name}, limit=1)[0]
    lines = query.select_rows(ctx, "Quotation Item", fields=["qty", "ordered_qty"],
                              filters={"parent": name, "parenttype": "Quotation"})
    quoted = sum((r["qty"] for r in lines), ZERO)
    ordered = sum((min(r["ordered_qty"] or ZERO, r["qty"]) for r in lines), ZERO)
    query.update_row(ctx, "Quotation", name, {"status": quotation_status(
        head["docstatus"], quoted, ordered, head["status"] == "Lost", head["valid_till"],
        ctx.now.date())})


def expire_quotations(ctx: Context) -> list[str]:
    """Daily (manifest "scheduled"): open quotations past their Valid Till become
    Expired, so lists and reports show them so without anyone opening them."""
    due = query.select_rows(ctx, "Quotation", fields=["name"], filters=[
        ["docstatus", "=", 1], ["status", "=", "Open"],
        ["valid_till", "<", ctx.now.date()]])
    for row in due:
        refresh_quotation(ctx, row["name"])
    return [r["name"] for r in due]


def _quoted(ctx: Context, names: Sequence[str]) -> dict[str, dict[str, Any]]:
    if not names:
        return {}
    lines = query.select_rows(ctx, "Quotation Item", fields=[
        "name", "parent", "item_code", "qty", "ordered_qty", "docstatus"],
        filters=[["name", "in", sorted(set(names))]])
    heads = {r["name"]: r for r in query.select_rows(ctx, "Quotation", fields=[
        "name", "customer", "company", "valid_till", "status"],
        filters=[["name", "in", sorted({r["parent"] for r in lines})]])} if lines else {}
    return {r["name"]: r | {"head": heads[r["parent"]]} for r in lines}


def _linked(order: Document) -> list[Document]:
    return [r for r in order.children("items") if r.get("quotation_item")]


def check_ordering(ctx: Context, order: Document) -> None:
    rows = _linked(order)
    quoted = _quoted(ctx, [r.quotation_item for r in rows])
    asked: dict[str, Decimal] = {}
    for row in rows:
        i = order.children("items").index(row) + 1
        line = quoted.get(row.quotation_item)
        head = line["head"] if line else None
        if line is None or line["docstatus"] != 1 or line["parent"] != row.prevdoc_docname \
                or line["item_code"] != row.item_code or head["status"] == "Lost" \
                or (head["customer"], head["company"]) != (order.customer, order.company):
            raise ValidationError(f"Items row {i}: not a line of an open quotation "
                                  f"{row.prevdoc_docname} of {order.customer} in "
                                  f"{order.company}", field="items")
        if head["valid_till"] and head["valid_till"] < order.transaction_date:
            raise ValidationError(f"Items row {i}: quotation {row.prevdoc_docname} expired "
                                  f"on {head['valid_till']}", field="items")
        asked[row.quotation_item] = asked.get(row.quotation_item, ZERO) + row.qty
        open_qty = line["qty"] - (line["ordered_qty"] or ZERO)
        if asked[row.quotation_item] > open_qty:
            raise ValidationError(f"Items row {i}: {qty_text(row.qty)} of {row.item_code} "
                                  f"is more than the {qty_text(open_qty)} quoted and not yet "
                                  "ordered", field="items")


def record_ordering(ctx: Context, order: Document, sign: int) -> None:
    """Count the order's lines on the quotation lines they were made from."""
    rows = _linked(order)
    quoted = _quoted(ctx, [r.quotation_item for r in rows])
    if not quoted:
        return
    ordered: dict[str, Decimal] = {}
    for row in rows:
        ordered[row.quotation_item] = ordered.get(row.quotation_item, ZERO) + row.qty * sign
    query.update_rows(ctx, "Quotation Item", [
        {"name": name, "ordered_qty": (quoted[name]["ordered_qty"] or ZERO) + qty}
        for name, qty in ordered.items()])
    for name in sorted({line["parent"] for line in quoted.values()}):
        refresh_quotation(ctx, name)


def make_sales_order(ctx: Context, quotation: str) -> dict[str, Any]:
    """A draft sales order (not saved) for what the quotation has not had ordered yet;
    its lines keep the quoted rates and point back to the quotation lines."""
    source = lifecycle.get_doc(ctx, "Quotation", quotation)
    if source.docstatus != 1 or source.status == "Lost":
        raise ValidationError(f"{quotation} is not an open quotation", field="source_name")
    today = ctx.now.date()
    if source.valid_till and source.valid_till < today:
        raise ValidationError(f"{quotation} expired on {source.valid_till}",
                              field="source_name")
    items = [{"item_code": r.item_code, "item_name": r.item_name, "rate": r.rate,
              "qty": r.qty - (r.ordered_qty or ZERO), "warehouse": r.warehouse,
              "prevdoc_docname": source.name, "quotation_item": r.name, **priced(r)}
             for r in source.children("items") if r.qty > (r.ordered_qty or ZERO)]
    if not items:
        raise ValidationError(f"{quotation} is fully ordered", field="source_name")
    first = not any(r.ordered_qty for r in source.children("items"))
    return {"doctype": "Sales Order", "customer": source.customer,
            "company": source.company, "transaction_date": today,
            "selling_price_list": source.selling_price_list, "items": items,
            "taxes": carried_taxes(source, first)}


def declare_lost(ctx: Context, quotation: str, reason: str) -> None:
    """Mark an open or expired quotation lost, with the reason the customer gave."""
    source = lifecycle.get_doc(ctx, "Quotation", quotation, for_update=True)
    if source.docstatus != 1 or source.status not in ("Open", "Expired"):
        raise ValidationError(f"{quotation} is {source.status}: only an open or expired "
                              "quotation can be lost", field="source_name")
    query.update_row(ctx, "Quotation", quotation, {"status": "Lost",
                                                   "order_lost_reason": reason})
