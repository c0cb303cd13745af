"""The lines of a POS invoice: barcodes resolved to items, prices from the profile's
price list and selling's pricing rules, and the accounts each line books to."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core.db import query
from core.errors import ValidationError
from modules.accounting.companies import company_settings
from modules.accounting.items import item_defaults
from modules.base.items import item_rows
from modules.base.items import stock_items as base_stock_items
from modules.sales.pricing.apply import apply_pricing

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)


def resolve_barcodes(ctx: Context, doc: Document) -> None:
    """A line given only a barcode (what a scanner sends) becomes the item it labels."""
    rows = doc.children("items")
    codes = sorted({r.barcode for r in rows if r.barcode and not r.item_code})
    found = {r["barcode"]: r["parent"] for r in query.select_rows(
        ctx, "Item Barcode", fields=["barcode", "parent"], filters=[
            ["parenttype", "=", "Item"], ["barcode", "in", codes]])} if codes else {}
    for i, row in enumerate(rows, start=1):
        if not row.item_code and row.barcode:
            if row.barcode not in found:
                raise ValidationError(f"Items row {i}: no item has barcode {row.barcode}",
                                      field="items")
            row.item_code = found[row.barcode]


def check_items(ctx: Context, doc: Document) -> dict[str, dict[str, Any]]:
    """Every line names an enabled sales item; returns the items by code."""
    rows = doc.children("items")
    if not rows:
        raise ValidationError("A sale needs at least one item", field="items")
    codes = sorted({r.item_code for r in rows if r.item_code})
    items = item_rows(ctx, codes)
    for i, row in enumerate(rows, start=1):
        item = items.get(row.item_code or "")
        if item is None:
            raise ValidationError(f"Items row {i}: item {row.item_code or '(none)'} does "
                                  "not exist", field="items")
        if item["disabled"] or not item["is_sales_item"]:
            raise ValidationError(f"Items row {i}: {row.item_code} is not sold",
                                  field="items")
        row.item_name = row.item_name or item["item_name"]
    return items


def price_lines(ctx: Context, doc: Document) -> None:
    """Lines without a rate take the price list's; selling's pricing rules apply."""
    apply_pricing(ctx, doc, "posting_date")
    for i, row in enumerate(doc.children("items"), start=1):
        if row.rate is None:
            raise ValidationError(f"Items row {i}: {row.item_code} has no price in "
                                  f"{doc.selling_price_list or 'any price list'}: give "
                                  "its rate", field="items")


def check_quantities(doc: Document) -> None:
    for i, row in enumerate(doc.children("items"), start=1):
        qty = row.qty or ZERO
        if doc.is_return and qty >= 0:
            raise ValidationError(f"Items row {i}: a return takes a negative quantity",
                                  field="items")
        if not doc.is_return and qty <= 0:
            raise ValidationError(f"Items row {i}: quantity must be above zero",
                                  field="items")
        if (row.rate or ZERO) < 0:
            raise ValidationError(f"Items row {i}: rate cannot be negative", field="items")


def fill_accounts(ctx: Context, doc: Document, found: dict[str, Any]) -> None:
    """Income and cost of goods sold accounts: the item's own for the company, else the
    profile's income account, else the company's defaults."""
    settings = company_settings(ctx, doc.company)
    codes = sorted({r.item_code for r in doc.children("items")})
    own = item_defaults(ctx, codes, doc.company)
    for row in doc.children("items"):
        item = own.get(row.item_code, {})
        row.income_account = row.income_account or item.get("income_account") or \
            found["income_account"] or settings["default_income_account"]
        row.expense_account = row.expense_account or item.get("expense_account") or \
            settings["default_expense_account"]
        row.cost_center = row.cost_center or found["cost_center"] or settings["cost_center"]
        row.warehouse = row.warehouse or doc.set_warehouse


def stock_items(ctx: Context, doc: Document) -> set[str]:
    """Which of the sale's items keep stock (and so leave the warehouse)."""
    return base_stock_items(ctx, [r.item_code for r in doc.children("items")])
