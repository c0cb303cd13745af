"""Demo offers: varnish free with every two oak chairs, and a FESTIVE10 coupon for 10%
off any bill of 5,000.00 or more, usable three times per customer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core import lifecycle
from core.db import query

if TYPE_CHECKING:
    from core.context import Context

COMPANY = "Demo Furniture Pvt Ltd"


def make_demo(ctx: Context) -> None:
    if not query.exists(ctx, "Company", COMPANY) or \
            query.exists(ctx, "Promotional Scheme", {"company": COMPANY}):
        return
    items = [code for code in ("CHAIR-OAK", "VARNISH-1L") if query.exists(ctx, "Item", code)]
    if len(items) == 2:
        _insert(ctx, "Promotional Scheme", {
            "title": "Varnish free with two oak chairs", "company": COMPANY,
            "items": [{"item_code": "CHAIR-OAK"}], "min_qty": 2,
            "discount_type": "Free Item", "free_item": "VARNISH-1L", "free_qty": 1,
            "recurse": 1, "stackable": 1})
    festive = _insert(ctx, "Promotional Scheme", {
        "title": "Festive 10%", "company": COMPANY, "apply_on": "Transaction",
        "min_amount": 5000, "discount_percentage": 10, "coupon_only": 1})
    _insert(ctx, "Coupon Code", {
        "coupon_code": "FESTIVE10", "promotional_scheme": festive,
        "coupon_type": "Multi Use", "per_customer_limit": 3})


def _insert(ctx: Context, doctype: str, values: dict[str, object]) -> str:
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, doctype, values)).name or ""
