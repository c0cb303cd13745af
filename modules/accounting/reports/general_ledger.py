"""General ledger: the entries of a period with an opening balance and a running balance,
for the whole company or one account, party or voucher."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from core.db import query
from modules.accounting.reports.trial_balance import check_period

if TYPE_CHECKING:
    from core.context import Context

ZERO = Decimal(0)
COLUMNS = ("posting_date", "account", "party_type", "party", "debit", "credit",
           "voucher_type", "voucher_no", "against_voucher", "remarks")


def general_ledger(ctx: Context, company: str, from_date: dt.date, to_date: dt.date,
                   account: str | None = None, party_type: str | None = None,
                   party: str | None = None, voucher_no: str | None = None
                   ) -> dict[str, Any]:
    check_period(from_date, to_date)
    gl = query.view(ctx, "GL Entry")
    where = [gl.c.company == company]
    for column, value in (("account", account), ("party_type", party_type),
                          ("party", party), ("voucher_no", voucher_no)):
        if value:
            where.append(gl.c[column] == value)
    opening = Decimal(str(ctx.conn.execute(
        select(func.coalesce(func.sum(gl.c.debit - gl.c.credit), 0))
        .where(*where, gl.c.posting_date < from_date)).scalar() or 0))
    stmt = (select(*[gl.c[c] for c in COLUMNS])
            .where(*where, gl.c.posting_date >= from_date, gl.c.posting_date <= to_date)
            .order_by(gl.c.posting_date, gl.c.creation, gl.c.name))
    balance, rows = opening, []
    debit = credit = ZERO
    for row in ctx.conn.execute(stmt):
        entry = dict(row._mapping)
        balance += entry["debit"] - entry["credit"]
        debit += entry["debit"]
        credit += entry["credit"]
        rows.append(entry | {"balance": balance})
    return {"opening": opening, "rows": rows, "total_debit": debit, "total_credit": credit,
            "closing": balance}
