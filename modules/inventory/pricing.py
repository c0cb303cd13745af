"""Rates from price lists: a line left without a rate takes the item's latest price in
the invoice's price list valid on the posting date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.db import query

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document


def fill_rates(ctx: Context, doc: Document, price_list: str | None) -> None:
    missing = [r for r in doc.children("items") if r.rate is None and r.item_code]
    if not price_list or not missing:
        return
    prices = query.select_rows(ctx, "Item Price", fields=[
        "item_code", "price_list_rate", "valid_from"], filters=[
        ["price_list", "=", price_list],
        ["item_code", "in", sorted({r.item_code for r in missing})]],
        order_by="valid_from asc")
    best: dict[str, object] = {}
    for price in prices:  # oldest first: the latest valid price wins
        if price["valid_from"] is None or price["valid_from"] <= doc.posting_date:
            best[price["item_code"]] = price["price_list_rate"]
    for row in missing:
        if row.item_code in best:
            row.rate = best[row.item_code]
