"""What the POS screen looks up while a cashier sells: items by barcode, code or name
with their price and shelf stock, and customers by mobile number.

A scanner types a barcode and Enter in a few milliseconds, so the lookup answers exact
matches first (barcode, then item code) and only then searches names, with few rows.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_

from core.db import query
from core.errors import ValidationError
from modules.sales.pricing.apply import price_list_rates

if TYPE_CHECKING:
    from core.context import Context

MAX_ROWS = 20
MAX_TEXT = 140
MIN_PHONE_DIGITS = 4
MAX_CANDIDATES = 200
ITEM_FIELDS = ["name", "item_name", "item_group", "stock_uom", "is_stock_item"]


def _text(value: Any, field: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise ValidationError(f"{field} must be text of at most {MAX_TEXT} characters",
                              field=field)
    return value.strip()


def _pattern(text: str) -> str:
    """A LIKE pattern that matches the text anywhere, its own % and _ taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _sold(ctx: Context, extra: list[Any], limit: int) -> list[dict[str, Any]]:
    return query.select_rows(ctx, "Item", fields=ITEM_FIELDS, filters=[
        ["disabled", "=", 0], ["is_sales_item", "=", 1]], extra=extra,
        order_by="name asc", limit=limit)


def _barcodes(ctx: Context, codes: list[str]) -> dict[str, str]:
    """The first barcode of each item (what the screen shows beside its name)."""
    if not codes:
        return {}
    found: dict[str, str] = {}
    for row in query.select_rows(ctx, "Item Barcode", fields=["parent", "barcode"],
                                 filters=[["parenttype", "=", "Item"],
                                          ["parent", "in", codes]], order_by="idx asc"):
        found.setdefault(row["parent"], row["barcode"])
    return found


def _matches(ctx: Context, text: str) -> tuple[str, list[dict[str, Any]]]:
    """How the text matched (barcode, code, search) and the items it matched."""
    table = ctx.table("Item")
    if text:
        owners = [r["parent"] for r in query.select_rows(
            ctx, "Item Barcode", fields=["parent"], filters=[
                ["parenttype", "=", "Item"], ["barcode", "=", text]], limit=MAX_ROWS)]
        if owners:
            return "barcode", _sold(ctx, [table.c.name.in_(owners)], MAX_ROWS)
        exact = _sold(ctx, [table.c.name == text], 1)
        if exact:
            return "code", exact
    pattern = _pattern(text)
    match = or_(table.c.name.ilike(pattern, escape="\\"),
                table.c.item_name.ilike(pattern, escape="\\"))
    return "search", _sold(ctx, [match], MAX_ROWS)


def _stock(ctx: Context, warehouse: str, codes: list[str]) -> dict[str, Decimal]:
    if not codes:
        return {}
    return {r["item_code"]: r["actual_qty"] for r in query.select_rows(
        ctx, "Bin", fields=["item_code", "actual_qty"], filters=[
            ["warehouse", "=", warehouse], ["item_code", "in", codes]])}


def search_items(ctx: Context, found: dict[str, Any], text: Any) -> dict[str, Any]:
    """Items for the profile ``found``: ``{"match": "barcode"|"code"|"search", "items":
    [{item_code, item_name, barcode, rate, actual_qty, stock_uom, is_stock_item}]}``;
    rate is the profile's price list rate today (None when the item has none)."""
    how, items = _matches(ctx, _text(text, "text"))
    codes = [r["name"] for r in items]
    rates = price_list_rates(ctx, found["selling_price_list"], codes, ctx.now.date())
    stock = _stock(ctx, found["warehouse"], codes)
    barcodes = _barcodes(ctx, codes)
    return {"match": how, "items": [{
        "item_code": r["name"], "item_name": r["item_name"], "barcode": barcodes.get(
            r["name"]), "rate": rates.get(r["name"]), "stock_uom": r["stock_uom"],
        "is_stock_item": bool(r["is_stock_item"]),
        "actual_qty": stock.get(r["name"], Decimal(0)) if r["is_stock_item"] else None,
    } for r in items]}


def find_customers(ctx: Context, phone: Any) -> list[dict[str, Any]]:
    """Enabled customers whose mobile number holds these digits, however either was
    written (spaces, dashes, a +91 or 0 prefix): the numbers that end with them first."""
    digits = re.sub(r"\D", "", _text(phone, "phone"))
    if len(digits) < MIN_PHONE_DIGITS:
        raise ValidationError(f"Type at least {MIN_PHONE_DIGITS} digits of the mobile "
                              "number", field="phone")
    tail = digits[-10:]  # an Indian number without its country or trunk prefix
    # the digits in order with anything between them: "98765 43210" matches 9876543210
    loose = "%" + "%".join(tail) + "%"
    rows = query.select_rows(ctx, "Customer", fields=[
        "name", "customer_name", "mobile_no"], filters=[["disabled", "=", 0]],
        extra=[ctx.table("Customer").c.mobile_no.like(loose)], order_by="name asc",
        limit=MAX_CANDIDATES)
    held = [r for r in rows if tail in re.sub(r"\D", "", r["mobile_no"] or "")]
    held.sort(key=lambda r: not re.sub(r"\D", "", r["mobile_no"]).endswith(tail))
    return held[:MAX_ROWS]
