"""Stock ledger: every movement of the period with the quantity and value after it."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from core.db import query

if TYPE_CHECKING:
    from core.context import Context

FIELDS = ["posting_date", "item_code", "warehouse", "actual_qty", "qty_after_transaction",
          "incoming_rate", "valuation_rate", "stock_value_difference", "stock_value",
          "voucher_type", "voucher_no"]


def stock_ledger(ctx: Context, company: str, from_date: dt.date, to_date: dt.date,
                 item_code: str | None = None, warehouse: str | None = None
                 ) -> dict[str, Any]:
    filters: list[list[Any]] = [["company", "=", company], ["posting_date", ">=", from_date],
                                ["posting_date", "<=", to_date]]
    if item_code:
        filters.append(["item_code", "=", item_code])
    if warehouse:
        filters.append(["warehouse", "=", warehouse])
    rows = query.select_rows(ctx, "Stock Ledger Entry", fields=FIELDS, filters=filters,
                             order_by="posting_date asc, creation asc, idx asc")
    return {"rows": rows}
