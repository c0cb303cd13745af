"""Stock balance: quantity and value of every item in every warehouse at a date, summed
from the stock ledger in one aggregate."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from core.db import query

if TYPE_CHECKING:
    from core.context import Context


def stock_balance(ctx: Context, company: str, on: dt.date) -> dict[str, Any]:
    sle = query.view(ctx, "Stock Ledger Entry")
    qty, value = func.sum(sle.c.actual_qty), func.sum(sle.c.stock_value_difference)
    stmt = (select(sle.c.item_code, sle.c.warehouse, qty, value)
            .where(sle.c.company == company, sle.c.posting_date <= on)
            .group_by(sle.c.item_code, sle.c.warehouse)
            .order_by(sle.c.item_code, sle.c.warehouse))
    rows = []
    for item, warehouse, q, v in ctx.conn.execute(stmt):
        q, v = Decimal(str(q or 0)), Decimal(str(v or 0)).quantize(Decimal("0.01"))
        if q or v:
            rows.append({"item_code": item, "warehouse": warehouse, "qty": q, "value": v,
                         "valuation_rate": (v / q).quantize(Decimal("0.01")) if q else
                         Decimal(0)})
    return {"rows": rows, "total_value": sum((r["value"] for r in rows), Decimal(0))}
