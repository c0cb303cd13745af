"""What every buying document does with its lines: item names, warehouses of the
company, quantities, amounts, the exchange rate, and the taxes on the net total (shown on
orders and receipts and carried to the bill; only the bill posts them)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core.db import query
from core.errors import ValidationError
from core.meta.fieldtypes import quantize
from modules.accounting.companies import company_precision, company_settings, currency_precision
from modules.accounting.exchange import exchange_rate
from modules.accounting.invoicing.totals import add_taxes

if TYPE_CHECKING:
    import datetime as dt

    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)


def set_currency(ctx: Context, doc: Document, on: dt.date) -> int:
    """The document's currency and its rate to the company's; returns its precision."""
    company_currency = company_settings(ctx, doc.company)["default_currency"]
    doc.currency = doc.currency or company_currency
    if doc.currency == company_currency:
        doc.conversion_rate = Decimal(1)
    elif not doc.conversion_rate:
        doc.conversion_rate = exchange_rate(ctx, doc.currency, company_currency, on)
    return currency_precision(ctx, doc.currency)


def check_lines(ctx: Context, doc: Document, precision: int | None = None, *,
                negative: bool = False) -> None:
    """Names, warehouses and amounts (at ``precision``, for lines that have them) of the
    lines; quantities above zero (below zero for a return, ``negative``)."""
    rows = doc.children("items")
    if not rows:
        raise ValidationError(f"{doc.doctype} needs at least one item", field="items")
    codes = sorted({r.item_code for r in rows if r.item_code})
    names = {r["name"]: r["item_name"] for r in query.select_rows(
        ctx, "Item", fields=["name", "item_name"], filters=[["name", "in", codes]])}
    default = doc.get("set_warehouse") or company_settings(ctx, doc.company)[
        "default_warehouse"]
    places = _warehouses(ctx, doc.company)
    for i, row in enumerate(rows, start=1):
        qty = row.qty or ZERO
        if negative and qty >= 0:
            raise ValidationError(f"Items row {i}: a return takes a negative quantity",
                                  field="items")
        if not negative and qty <= 0:
            raise ValidationError(f"Items row {i}: quantity must be above zero",
                                  field="items")
        if (row.get("rate") or ZERO) < 0:
            raise ValidationError(f"Items row {i}: rate cannot be negative", field="items")
        row.item_name = row.item_name or names.get(row.item_code)
        row.warehouse = row.warehouse or default
        if row.warehouse not in places:
            raise ValidationError(f"Items row {i}: {row.item_code} needs a warehouse of "
                                  f"{doc.company} (not a group)", field="items")
        if precision is not None:
            row.amount = quantize(qty * (row.rate or ZERO), precision)


def _warehouses(ctx: Context, company: str) -> set[str]:
    return {r["name"] for r in query.select_rows(
        ctx, "Warehouse", fields=["name"], filters={"company": company, "is_group": 0})}


def total(doc: Document) -> Decimal:
    return sum((r.amount or ZERO for r in doc.children("items")), ZERO)


def retotal(ctx: Context, doc: Document) -> None:
    """The net total, each tax row's amount, the grand total in the document's currency
    and in the company's. A module that changes the lines or the tax rows in its own
    ``validate`` handler (a country's taxes) calls it last."""
    doc.total = total(doc)
    add_taxes(doc, currency_precision(ctx, doc.currency), company_precision(ctx, doc.company))


TAX_ROW_FIELDS = ("charge_type", "account_head", "description", "rate", "tax_amount",
                  "cost_center")


def carried_taxes(sources: list[Document], first: bool) -> list[dict[str, Any]]:
    """The tax rows a document made from ``sources`` starts with: every rate-based row
    once, and the fixed (Actual) charges only on the ``first`` document made from them,
    so a freight charge is not billed once per partial receipt."""
    rows: list[dict[str, Any]] = []
    for source in sources:
        for row in source.children("taxes"):
            values = {f: row.get(f) for f in TAX_ROW_FIELDS}
            if (first or row.charge_type != "Actual") and \
                    (row.charge_type == "Actual" or values not in rows):
                rows.append(values)
    return rows


def percent(part: Decimal, whole: Decimal) -> Decimal:
    return (part / whole * 100).quantize(Decimal("0.01")) if whole else Decimal(100)


def by_name(ctx: Context, doctype: str, names: list[str],
            fields: list[str]) -> dict[str, dict[str, Any]]:
    """Child rows of ``doctype`` by name (the lines a document was made from), locked
    until the transaction ends: two receipts of the last units ordered queue up, and the
    second sees what the first received."""
    if not names:
        return {}
    return {r["name"]: r for r in query.select_rows(
        ctx, doctype, fields=["name", "parent", "docstatus", *fields],
        filters=[["name", "in", sorted(set(names))]], order_by="name asc",
        for_update=True)}


def show(qty: Decimal) -> str:
    """A quantity as people write it: 4, 2.5 (not 4.000000000)."""
    text = format(qty.normalize(), "f")
    return "0" if text in ("-0", "") else text
