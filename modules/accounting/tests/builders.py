"""Small named builders and ledger assertions for accounting scenarios (and for every
module whose documents post to the ledger)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from core import lifecycle
from core.context import Context
from core.db import query

D = Decimal


def make_company(ctx: Context, name: str = "Pune Furniture", abbr: str = "PF",
                 chart: str = "India", currency: str = "INR") -> str:
    lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Company", {
        "company_name": name, "abbr": abbr, "default_currency": currency,
        "chart_of_accounts": chart}))
    return name


def make_fiscal_year(ctx: Context, year: str = "2026-2027", start: str = "2026-04-01",
                     end: str = "2027-03-31") -> str:
    lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Fiscal Year", {
        "year": year, "year_start_date": start, "year_end_date": end}))
    return year


def journal(ctx: Context, company: str, posting_date: str,
            lines: list[tuple[Any, ...]], submit: bool = True) -> str:
    """lines: (account, debit, credit) or (account, debit, credit, party_type, party)."""
    rows = []
    for line in lines:
        account, debit, credit, *party = line
        row = {"account": account, "debit_in_account_currency": debit,
               "credit_in_account_currency": credit}
        if party:
            row.update(party_type=party[0], party=party[1])
        rows.append(row)
    doc = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Journal Entry", {
        "company": company, "posting_date": posting_date, "accounts": rows,
        "docstatus": 1 if submit else 0}))
    return doc.name or ""


def gl_lines(ctx: Context, voucher_no: str) -> list[tuple[str, Decimal, Decimal]]:
    """(account, debit, credit) of every GL entry of the voucher, sorted."""
    rows = query.select_rows(ctx, "GL Entry", fields=["account", "debit", "credit"],
                             filters={"voucher_no": voucher_no})
    return sorted((r["account"], r["debit"], r["credit"]) for r in rows)


def account_balances(ctx: Context, company: str,
                     on: dt.date | None = None) -> dict[str, Decimal]:
    """Net debit balance of every account with a non-zero balance, to the paisa (SQLite
    sums in binary floats: docs/decisions/0003-decimal-on-sqlite.md)."""
    gl = query.view(ctx, "GL Entry")
    stmt = select(gl.c.account, func.sum(gl.c.debit - gl.c.credit)).where(
        gl.c.company == company).group_by(gl.c.account)
    if on is not None:
        stmt = stmt.where(gl.c.posting_date <= on)
    out = {account: D(str(total)).quantize(D("0.01"))
           for account, total in ctx.conn.execute(stmt)}
    return {a: v for a, v in out.items() if v != 0}


def assert_ledger_balanced(ctx: Context, company: str) -> None:
    """The invariant every ledger test ends with: total debit equals total credit."""
    gl = query.view(ctx, "GL Entry")
    debit, credit = ctx.conn.execute(select(func.sum(gl.c.debit), func.sum(gl.c.credit))
                                     .where(gl.c.company == company)).one()
    # SQLite sums in binary floats (docs/decisions/0003-decimal-on-sqlite.md): compare
    # the sums rounded to the paisa, as reports do
    cent = D("0.01")
    assert D(str(debit or 0)).quantize(cent) == D(str(credit or 0)).quantize(cent), \
        (debit, credit)


def assert_subledger_consistent(ctx: Context) -> None:
    """The other invariant: every submitted invoice's stored outstanding amount equals
    its balance in the receivable/payable sub-ledger."""
    from modules.accounting import subledger

    for doctype in subledger.INVOICES:
        for row in query.select_rows(ctx, doctype, fields=["name", "outstanding_amount"],
                                     filters={"docstatus": 1}):
            assert row["outstanding_amount"] == subledger.outstanding(
                ctx, doctype, row["name"]), (doctype, row)
