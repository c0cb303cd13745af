"""A customer's points: balance on a day, tier, what expires when, and every ledger row
(earned, redeemed, taken back, expired, cancelled) in date order."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core.db import query
from core.meta.fieldtypes import quantize
from modules.accounting.companies import company_precision
from modules.loyalty import ledger, programs

if TYPE_CHECKING:
    from core.context import Context

ZERO = Decimal(0)
COLUMNS = ["posting_date", "entry_type", "loyalty_points", "purchase_amount",
           "loyalty_tier", "voucher_type", "voucher_no", "expiry_date", "loyalty_program"]


def summary(ctx: Context, company: str, customer: str, on: dt.date) -> dict[str, Any]:
    """Balance, its value and tier in the customer's program (or nothing held)."""
    row = query.select_rows(ctx, "Customer", fields=["loyalty_program", "loyalty_tier"],
                            filters={"name": customer}, limit=1)
    name = row[0]["loyalty_program"] if row else None
    program = programs.load(ctx, name) if name else None
    if program is None or program.company != company:
        return {"customer": customer, "loyalty_program": None, "loyalty_tier": None,
                "loyalty_points": 0, "amount": ZERO, "expiring": []}
    live = ledger.earnings(ctx, customer, program.name or "", on=on)
    points = sum(e.points for e in live)
    expiring: dict[dt.date, int] = {}
    for earning in live:
        if earning.expiry_date:
            expiring[earning.expiry_date] = expiring.get(earning.expiry_date, 0) \
                + earning.points
    return {"customer": customer, "loyalty_program": program.name,
            "loyalty_tier": row[0]["loyalty_tier"], "loyalty_points": points,
            "amount": quantize(points * program.conversion_factor,
                               company_precision(ctx, company)),
            "expiring": [{"expiry_date": d, "loyalty_points": p}
                         for d, p in sorted(expiring.items())]}


def customer_points(ctx: Context, company: str, customer: str, on: dt.date
                    ) -> dict[str, Any]:
    rows = query.select_rows(ctx, ledger.DOCTYPE, fields=COLUMNS, filters=[
        ["company", "=", company], ["customer", "=", customer],
        ["posting_date", "<=", on]],
        order_by="posting_date asc, creation asc, loyalty_points asc")
    totals = {"loyalty_points": sum(r["loyalty_points"] for r in rows),
              "purchase_amount": sum((r["purchase_amount"] or ZERO for r in rows), ZERO)}
    return {"rows": rows, "totals": totals, **summary(ctx, company, customer, on)}
