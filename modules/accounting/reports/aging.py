"""Accounts receivable and payable: what each party owes per voucher at a date, aged by
due date into 0-30, 31-60, 61-90 and 90+ days.

The figures are the sub-ledger as of the date: one aggregate of the GL entries booked
against each invoice (or, for advances, against the payment) on the party accounts.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from core.db import query
from modules.accounting.companies import company_precision

if TYPE_CHECKING:
    from core.context import Context

ZERO = Decimal(0)
BUCKETS = (("range_0_30", 30), ("range_31_60", 60), ("range_61_90", 90),
           ("range_90_above", None))
SIDES = {"Receivable": ("Customer", "Sales Invoice", 1),
         "Payable": ("Supplier", "Purchase Invoice", -1)}


def aging(ctx: Context, company: str, account_type: str, on: dt.date) -> dict[str, Any]:
    party_type, invoice_doctype, sign = SIDES[account_type]
    precision = company_precision(ctx, company)
    unit = Decimal(1).scaleb(-precision)
    gl = query.view(ctx, "GL Entry")
    accounts = [a["name"] for a in query.select_rows(ctx, "Account", fields=["name"], filters={
        "company": company, "account_type": account_type})]
    amount = func.sum(gl.c.debit_in_account_currency - gl.c.credit_in_account_currency)
    stmt = (select(gl.c.party, gl.c.against_voucher_type, gl.c.against_voucher, amount)
            .where(gl.c.company == company, gl.c.account.in_(accounts),
                   gl.c.party_type == party_type, gl.c.posting_date <= on)
            .group_by(gl.c.party, gl.c.against_voucher_type, gl.c.against_voucher)
            .having(amount != 0))
    open_items = ctx.conn.execute(stmt).all()
    vouchers = _voucher_dates(ctx, invoice_doctype, [r[2] for r in open_items
                                                     if r[1] == invoice_doctype])
    rows = []
    for party, voucher_type, voucher_no, total in open_items:
        outstanding = (Decimal(str(total)) * sign).quantize(unit)
        if not outstanding:
            continue
        posting, due, grand_total = vouchers.get(voucher_no, (None, None, None))
        age = (on - (due or posting or on)).days
        rows.append({"party": party, "voucher_type": voucher_type, "voucher_no": voucher_no,
                     "posting_date": posting, "due_date": due, "invoice_amount": grand_total,
                     "outstanding": outstanding, "age": age, **_bucket(age, outstanding)})
    rows.sort(key=lambda r: (r["party"], str(r["posting_date"]), r["voucher_no"]))
    keys = ["outstanding"] + [b for b, _ in BUCKETS]
    return {"rows": rows, "totals": {k: sum((r[k] for r in rows), ZERO) for k in keys}}


def _voucher_dates(ctx: Context, doctype: str, names: list[str]
                   ) -> dict[str, tuple[Any, Any, Any]]:
    if not names:
        return {}
    return {r["name"]: (r["posting_date"], r["due_date"], r["grand_total"])
            for r in query.select_rows(ctx, doctype, fields=[
                "name", "posting_date", "due_date", "grand_total"],
                filters=[["name", "in", names]])}


def _bucket(age: int, outstanding: Decimal) -> dict[str, Decimal]:
    out = dict.fromkeys((b for b, _ in BUCKETS), ZERO)
    for bucket, upto in BUCKETS:
        if upto is None or age <= upto:
            out[bucket] = outstanding
            break
    return out
