"""Purchase register: every submitted purchase invoice (debit notes included, negative)
of a period, with its net total, taxes, grand total and what is still owed, and the
totals of each column."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from core.db import query

if TYPE_CHECKING:
    from core.context import Context

MONEY = ("net_total", "tax", "grand_total", "outstanding_amount")


def purchase_register(ctx: Context, company: str, from_date: dt.date,
                      to_date: dt.date) -> dict[str, Any]:
    pi = query.view(ctx, "Purchase Invoice")
    stmt = (select(pi.c.posting_date, pi.c.name, pi.c.supplier, pi.c.bill_no,
                   pi.c.total, pi.c.total_taxes_and_charges, pi.c.grand_total,
                   pi.c.outstanding_amount)
            .where(pi.c.company == company, pi.c.docstatus == 1,
                   pi.c.posting_date >= from_date, pi.c.posting_date <= to_date)
            .order_by(pi.c.posting_date, pi.c.name))
    rows = [{"posting_date": date, "name": name, "supplier": supplier, "bill_no": bill_no,
             "net_total": _money(net), "tax": _money(tax), "grand_total": _money(grand),
             "outstanding_amount": _money(outstanding)}
            for date, name, supplier, bill_no, net, tax, grand, outstanding
            in ctx.conn.execute(stmt)]
    return {"rows": rows,
            "totals": {k: sum((r[k] for r in rows), Decimal(0)) for k in MONEY}}


def _money(value: Any) -> Decimal:
    return Decimal(str(value or 0)).quantize(Decimal("0.01"))
