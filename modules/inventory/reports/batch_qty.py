"""Batch-wise balance: what each batch holds in each warehouse, summed from the stock
ledger in one aggregate, with its expiry date."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from core.db import query

if TYPE_CHECKING:
    from core.context import Context


def batch_qty(ctx: Context, company: str, item_code: str | None = None,
              warehouse: str | None = None) -> dict[str, Any]:
    sle, batch = query.view(ctx, "Stock Ledger Entry"), query.view(ctx, "Batch")
    qty = func.sum(sle.c.actual_qty)
    stmt = (select(sle.c.item_code, sle.c.batch_no, sle.c.warehouse, batch.c.expiry_date,
                   qty)
            .join(batch, batch.c.name == sle.c.batch_no)
            .where(sle.c.company == company)
            .group_by(sle.c.item_code, sle.c.batch_no, sle.c.warehouse, batch.c.expiry_date)
            .order_by(sle.c.item_code, sle.c.batch_no, sle.c.warehouse))
    if item_code:
        stmt = stmt.where(sle.c.item_code == item_code)
    if warehouse:
        stmt = stmt.where(sle.c.warehouse == warehouse)
    rows = []
    for item, batch_no, place, expiry, total in ctx.conn.execute(stmt):
        # SQLite sums in binary floats: back to the quantity column's scale
        held = Decimal(str(total or 0)).quantize(Decimal("1e-9")).normalize()
        if held:
            rows.append({"item_code": item, "batch_no": batch_no, "warehouse": place,
                         "expiry_date": expiry, "qty": held})
    return {"rows": rows}
