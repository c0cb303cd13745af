"""Demo stock: opening balances of the demo items in the demo company's stores."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core import lifecycle
from core.db import query

if TYPE_CHECKING:
    from core.context import Context

COMPANY = "Demo Furniture Pvt Ltd"
OPENING = (("CHAIR-OAK", 40, "1450"), ("TABLE-TEAK", 12, "9800"), ("VARNISH-1L", 60, "320"))


def make_demo(ctx: Context) -> None:
    if not query.exists(ctx, "Company", COMPANY):
        return
    stores = query.get_value(ctx, "Company", COMPANY, "default_warehouse")
    items = [{"item_code": code, "warehouse": stores, "qty": qty, "valuation_rate": rate}
             for code, qty, rate in OPENING if query.exists(ctx, "Item", code)]
    if items:
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Stock Reconciliation", {
            "purpose": "Opening Stock", "company": COMPANY, "posting_date": "2026-04-01",
            "items": items, "docstatus": 1}))
