"""Lines of a quotation, order or delivery: item names, amounts, the net total and the
taxes on it (shown and carried to the invoice; only the invoice posts them)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core.db import query
from core.errors import ValidationError
from core.meta.fieldtypes import quantize
from modules.accounting.companies import company_precision
from modules.accounting.invoicing.totals import add_taxes

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)


def fill_lines(ctx: Context, doc: Document) -> None:
    """Each line's item name and amount (quantity x rate, rounded to the company's
    currency) and the document's total; a line needs a quantity above zero."""
    precision = company_precision(ctx, doc.company)
    codes = sorted({r.item_code for r in doc.children("items") if r.item_code})
    names = {r["name"]: r["item_name"] for r in query.select_rows(
        ctx, "Item", fields=["name", "item_name"], filters=[["name", "in", codes]])}
    for i, row in enumerate(doc.children("items"), start=1):
        if (row.qty or ZERO) <= 0:
            raise ValidationError(f"Items row {i}: quantity must be above zero",
                                  field="items")
        if (row.rate or ZERO) < 0:
            raise ValidationError(f"Items row {i}: rate cannot be negative", field="items")
        row.item_name = row.item_name or names.get(row.item_code)
        row.amount = quantize(row.qty * (row.rate or ZERO), precision)
    retotal(ctx, doc)


def retotal(ctx: Context, doc: Document) -> None:
    """The net total of the lines, each tax row's amount and the grand total, in the
    company's currency. A module that changes the lines or the tax rows in its own
    ``validate`` handler (a country's taxes) calls it last."""
    doc.total = sum((r.amount or ZERO for r in doc.children("items")), ZERO)
    precision = company_precision(ctx, doc.company)
    add_taxes(doc, precision, precision)


TAX_ROW_FIELDS = ("charge_type", "account_head", "description", "rate", "tax_amount",
                  "cost_center")


def carried_taxes(source: Document, first: bool) -> list[dict[str, Any]]:
    """The tax rows a document made from ``source`` starts with: every rate-based row,
    and the fixed (Actual) charges only on the ``first`` document made from it, so a
    freight charge is not billed once per partial delivery."""
    return [{f: row.get(f) for f in TAX_ROW_FIELDS} for row in source.children("taxes")
            if first or row.charge_type != "Actual"]


def qty_text(qty: Decimal) -> str:
    """A quantity as people write it in a message: 4, 2.5 (not 4.000000000)."""
    text = f"{qty.normalize():f}" if qty else "0"
    return text


def saved_after_submit(doc: Document) -> bool:
    """A submitted document saved again, where only fields allowed after submit change:
    its prices and tracked figures stand as stored and are not worked out again."""
    return (doc.previous or {}).get("docstatus") == 1


def keep_stored(doc: Document, fields: Sequence[str]) -> bool:
    """Put back the stored values of ``fields`` when ``saved_after_submit``; says so."""
    if not saved_after_submit(doc):
        return False
    for field in fields:
        doc.set(field, doc.previous.get(field))
    return True
