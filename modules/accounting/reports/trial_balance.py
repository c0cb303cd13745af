"""Trial balance: each account's opening, movements and closing for a period.

One SQL aggregate over the company's GL entries up to the end date gives every ledger
account's figures; group accounts add up their children over the (small) account tree.
The opening is everything before the start date, so the totals balance whatever the
period; a cancelled voucher shows its entry and its reversal.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import case, func, select

from core.db import query
from core.errors import ValidationError
from modules.accounting.companies import company_precision
from modules.accounting.reports.tree import account_tree, quantized, roll_up

if TYPE_CHECKING:
    from core.context import Context

ZERO = Decimal(0)
FIGURES = ("opening_debit", "opening_credit", "debit", "credit", "closing_debit",
           "closing_credit")


def ledger_sums(ctx: Context, company: str, from_date: dt.date | None,
                to_date: dt.date) -> dict[str, tuple[Decimal, Decimal, Decimal]]:
    """account -> (balance before from_date, debit, credit from from_date to to_date)."""
    gl = query.view(ctx, "GL Entry")
    before = gl.c.posting_date < from_date if from_date else gl.c.posting_date.is_(None)
    stmt = (select(gl.c.account,
                   func.sum(case((before, gl.c.debit - gl.c.credit), else_=0)),
                   func.sum(case((before, 0), else_=gl.c.debit)),
                   func.sum(case((before, 0), else_=gl.c.credit)))
            .where(gl.c.company == company, gl.c.posting_date <= to_date)
            .group_by(gl.c.account))
    return {account: (_dec(o), _dec(d), _dec(c))
            for account, o, d, c in ctx.conn.execute(stmt)}


def _dec(value: Any) -> Decimal:
    return ZERO if value is None else Decimal(str(value))


def check_period(from_date: dt.date, to_date: dt.date) -> None:
    if from_date > to_date:
        raise ValidationError("From Date must not be after To Date", field="from_date")


def trial_balance(ctx: Context, company: str, from_date: dt.date,
                  to_date: dt.date) -> dict[str, Any]:
    check_period(from_date, to_date)
    sums = ledger_sums(ctx, company, from_date, to_date)

    def leaf(account: str) -> dict[str, Decimal]:
        opening, debit, credit = sums.get(account, (ZERO, ZERO, ZERO))
        return {"opening": opening, "debit": debit, "credit": credit}

    rows = roll_up(account_tree(ctx, company), leaf, ("opening", "debit", "credit"))
    rows = [_sides(r) for r in rows]
    rows = quantized([r for r in rows if any(r[f] for f in FIGURES)], FIGURES,
                     company_precision(ctx, company))
    totals = {f: sum((r[f] for r in rows if not r["is_group"]), ZERO) for f in FIGURES}
    return {"rows": rows, "totals": totals}


def _sides(row: dict[str, Any]) -> dict[str, Any]:
    opening = row.pop("opening")
    closing = opening + row["debit"] - row["credit"]
    return row | {"opening_debit": max(opening, ZERO), "opening_credit": max(-opening, ZERO),
                  "closing_debit": max(closing, ZERO), "closing_credit": max(-closing, ZERO)}
