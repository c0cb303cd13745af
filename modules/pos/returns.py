"""A return against a POS sale: the goods come back at what they cost when sold, the
customer is refunded the price they paid, and no more comes back than was sold.

- The return names its sale (``return_against``): a submitted POS invoice of the same
  profile's company that is not itself a return.
- Each line is an item of the sale, at the sale's rate; its quantity is negative, and
  with earlier returns it may not exceed what the sale sold of the item.
- A return without taxes of its own takes the sale's percentage taxes.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core.db import query
from core.errors import ValidationError

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)
TAX_COPIED = ("charge_type", "account_head", "description", "rate", "cost_center")


def prepare_return(ctx: Context, doc: Document) -> None:
    original = _original(ctx, doc)
    doc.customer = original["customer"]
    sold = _lines(ctx, [original["name"]])
    by_item: dict[str, dict[str, Any]] = {}
    for line in sold:
        by_item.setdefault(line["item_code"], line)
    for i, row in enumerate(doc.children("items"), start=1):
        line = by_item.get(row.item_code)
        if line is None:
            raise ValidationError(f"Items row {i}: {row.item_code} was not sold on "
                                  f"{original['name']}", field="items")
        row.rate, row.uom, row.pos_invoice_item = line["rate"], line["uom"], line["name"]
        row.ignore_pricing_rule = 1
    if not doc.children("taxes"):
        for tax in _taxes(ctx, original["name"]):
            doc.append("taxes", {k: tax[k] for k in TAX_COPIED}, ctx)


def _original(ctx: Context, doc: Document) -> dict[str, Any]:
    if not doc.return_against:
        raise ValidationError("A return names the sale it returns", field="return_against")
    found = query.select_rows(ctx, "POS Invoice", fields=[
        "name", "customer", "company", "docstatus", "is_return"],
        filters={"name": doc.return_against}, limit=1)
    if not found or found[0]["docstatus"] != 1 or found[0]["is_return"] or \
            found[0]["company"] != doc.company:
        raise ValidationError(f"{doc.return_against} is not a submitted POS sale of "
                              f"{doc.company}", field="return_against")
    return found[0]


def _lines(ctx: Context, invoices: list[str]) -> list[dict[str, Any]]:
    if not invoices:
        return []
    return query.select_rows(ctx, "POS Invoice Item", filters=[
        ["parenttype", "=", "POS Invoice"], ["parent", "in", invoices]],
        order_by="idx asc")


def _taxes(ctx: Context, invoice: str) -> list[dict[str, Any]]:
    return query.select_rows(ctx, "POS Taxes and Charges", filters={
        "parenttype": "POS Invoice", "parent": invoice, "charge_type": "On Net Total"},
        order_by="idx asc")


def check_quantities(ctx: Context, doc: Document) -> None:
    """Validate-time, once each line has its quantity in stock units."""
    original = doc.return_against
    sold = _lines(ctx, [original])
    earlier = [r["name"] for r in query.select_rows(
        ctx, "POS Invoice", fields=["name"], filters=[
            ["return_against", "=", original], ["docstatus", "=", 1],
            ["name", "!=", doc.name or ""]])]
    left: dict[str, Decimal] = {}
    for line in sold:
        left[line["item_code"]] = left.get(line["item_code"], ZERO) + line["stock_qty"]
    for line in _lines(ctx, earlier):
        left[line["item_code"]] += line["stock_qty"]  # negative: already back
    for row in doc.children("items"):
        left[row.item_code] += row.stock_qty
        if left[row.item_code] < 0:
            raise ValidationError(f"{row.item_code}: more would come back than "
                                  f"{original} sold and was not yet returned",
                                  field="items")


def original_costs(ctx: Context, doc: Document) -> dict[str, Decimal]:
    """Cost per stock unit each returned line's item left with on the sale."""
    costs: dict[str, Decimal] = {}
    for line in _lines(ctx, [doc.return_against] if doc.return_against else []):
        costs.setdefault(line["name"], line["incoming_rate"] or ZERO)
    return costs
