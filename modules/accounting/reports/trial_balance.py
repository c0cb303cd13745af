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
from modules.accounting.companies import company_settings, currency_precision

if TYPE_CHECKING:
    from core.context import Context

ZERO = Decimal(0)
FIGURES = ("opening_debit", "opening_credit", "debit", "credit", "closing_debit",
           "closing_credit")


def ledger_sums(ctx: Context, company: str, from_date: dt.date,
                to_date: dt.date) -> dict[str, tuple[Decimal, Decimal, Decimal]]:
    """account -> (opening balance, period debit, period credit), from one aggregate."""
    gl = query.view(ctx, "GL Entry")
    before = gl.c.posting_date < from_date
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


def trial_balance(ctx: Context, company: str, from_date: dt.date,
                  to_date: dt.date) -> dict[str, Any]:
    if from_date > to_date:
        raise ValidationError("From Date must not be after To Date", field="from_date")
    precision = currency_precision(ctx, company_settings(ctx, company)["default_currency"])
    sums = ledger_sums(ctx, company, from_date, to_date)
    accounts = query.select_rows(ctx, "Account", fields=[
        "name", "account_name", "parent_account", "is_group", "root_type"],
        filters={"company": company}, order_by="name asc")
    figures = {a["name"]: _figures(*sums.get(a["name"], (ZERO, ZERO, ZERO)))
               for a in accounts if not a["is_group"]}
    children: dict[str | None, list[dict[str, Any]]] = {}
    for account in accounts:
        children.setdefault(account["parent_account"], []).append(account)
    rows: list[dict[str, Any]] = []
    for root in children.get(None, []):
        _walk(root, children, figures, rows, 0)
    rows = [_rounded(r, precision) for r in rows if any(r[f] for f in FIGURES)]
    totals = {f: sum((r[f] for r in rows if not r["is_group"]), ZERO) for f in FIGURES}
    return {"rows": rows, "totals": totals}


def _figures(opening: Decimal, debit: Decimal, credit: Decimal) -> dict[str, Decimal]:
    closing = opening + debit - credit
    return {"opening_debit": max(opening, ZERO), "opening_credit": max(-opening, ZERO),
            "debit": debit, "credit": credit,
            "closing_debit": max(closing, ZERO), "closing_credit": max(-closing, ZERO)}


def _walk(account: dict[str, Any], children: dict[str | None, list[dict[str, Any]]],
          figures: dict[str, dict[str, Decimal]], rows: list[dict[str, Any]],
          indent: int) -> dict[str, Decimal]:
    """Append the account (and below it its children); return its net figures."""
    row = {"account": account["name"], "account_name": account["account_name"],
           "parent_account": account["parent_account"], "is_group": account["is_group"],
           "root_type": account["root_type"], "indent": indent}
    rows.append(row)
    if not account["is_group"]:
        row.update(figures[account["name"]])
        return figures[account["name"]]
    net = {"opening": ZERO, "debit": ZERO, "credit": ZERO}
    for child in children.get(account["name"], []):
        f = _walk(child, children, figures, rows, indent + 1)
        net["opening"] += f["opening_debit"] - f["opening_credit"]
        net["debit"] += f["debit"]
        net["credit"] += f["credit"]
    row.update(_figures(net["opening"], net["debit"], net["credit"]))
    return row


def _rounded(row: dict[str, Any], precision: int) -> dict[str, Any]:
    unit = Decimal(1).scaleb(-precision)
    return row | {f: row[f].quantize(unit) for f in FIGURES}
