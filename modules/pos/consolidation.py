"""A session's sales consolidated into the ledger when it closes.

Each sale posted only its cost of goods when submitted. The closing sums the session's
sales with grouped SQL (so a day of thousands of sales is a few queries) and posts, per
posting date of the sales:

    Cr each income account (per cost center)   the lines' net amounts, returns netted
    Cr each tax account                         the taxes
    Dr each mode of payment's account          what was paid in it
    Cr the change account                      the change given back in cash

and, dated the closing, the counted difference per mode of payment against the
profile's difference account. All of it is one ``post_many`` call (one insert), every
voucher balanced on its own and named after the closing, so ``reverse`` undoes it whole.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import Subquery, func, select

from core.db import query
from core.meta.fieldtypes import quantize
from modules.accounting.posting import PostingLine, Voucher, post_many

if TYPE_CHECKING:
    from core.context import Context

ZERO = Decimal(0)
VOUCHER = "POS Closing Entry"
CHUNK = 5000  # names per statement: SQLite takes at most 32,766 parameters


@dataclass
class SessionTotals:
    """What a session's unconsolidated sales add up to."""

    invoices: list[str] = field(default_factory=list)
    grand_total: Decimal = ZERO
    net_total: Decimal = ZERO
    total_qty: Decimal = ZERO
    paid: dict[str, Decimal] = field(default_factory=dict)  # per mode, less change
    lines: dict[dt.date, list[PostingLine]] = field(default_factory=dict)


def _invoices(ctx: Context, opening: str) -> Subquery:
    inv = query.view(ctx, "POS Invoice")
    return select(inv).where(inv.c.pos_opening_entry == opening, inv.c.docstatus == 1,
                             func.coalesce(inv.c.consolidated_in, "") == "").subquery()


def _exact(value: Any, precision: int) -> Decimal:
    # SQLite sums in binary floats (docs/decisions/0003-decimal-on-sqlite.md)
    return quantize(Decimal(str(value or 0)), precision)


def _grouped(ctx: Context, invoices: Subquery, child: str, keys: Sequence[str],
             amount: str, precision: int) -> list[tuple[Any, ...]]:
    """(posting date, *keys, summed amount) over the sales' rows of a child table."""
    rows = query.view(ctx, child)
    cols = [rows.c[k] for k in keys]
    stmt = (select(invoices.c.posting_date, *cols, func.sum(rows.c[amount]))
            .join(invoices, invoices.c.name == rows.c.parent)
            .where(rows.c.parenttype == "POS Invoice")
            .group_by(invoices.c.posting_date, *cols))
    return [(*r[:-1], _exact(r[-1], precision)) for r in ctx.conn.execute(stmt)]


def session_totals(ctx: Context, opening: str, precision: int) -> SessionTotals:
    invoices = _invoices(ctx, opening)
    totals = SessionTotals()
    head = ctx.conn.execute(select(
        invoices.c.name, invoices.c.posting_date, invoices.c.grand_total,
        invoices.c.total, invoices.c.total_qty, invoices.c.change_amount,
        invoices.c.change_mode_of_payment, invoices.c.account_for_change_amount)).all()
    totals.invoices = sorted(r.name for r in head)
    totals.grand_total = sum((r.grand_total for r in head), ZERO)
    totals.net_total = sum((r.total for r in head), ZERO)
    totals.total_qty = sum((r.total_qty for r in head), ZERO)
    for date, account, center, amount in _grouped(
            ctx, invoices, "POS Invoice Item", ("income_account", "cost_center"), "amount",
            precision):
        _add(totals, date, PostingLine(account, debit=max(-amount, ZERO),
                                       credit=max(amount, ZERO), cost_center=center))
    for date, account, center, amount in _grouped(
            ctx, invoices, "POS Taxes and Charges", ("account_head", "cost_center"),
            "tax_amount", precision):
        _add(totals, date, PostingLine(account, debit=max(-amount, ZERO),
                                       credit=max(amount, ZERO), cost_center=center or None))
    for date, mode, account, amount in _grouped(
            ctx, invoices, "POS Invoice Payment", ("mode_of_payment", "account"), "amount",
            precision):
        totals.paid[mode] = totals.paid.get(mode, ZERO) + amount
        _add(totals, date, PostingLine(account, debit=max(amount, ZERO),
                                       credit=max(-amount, ZERO)))
    for row in head:
        if row.change_amount:
            _change(totals, row)
    return totals


def _change(totals: SessionTotals, row: Any) -> None:
    mode = row.change_mode_of_payment
    totals.paid[mode] = totals.paid.get(mode, ZERO) - row.change_amount
    _add(totals, row.posting_date, PostingLine(row.account_for_change_amount,
                                               credit=row.change_amount))


def _add(totals: SessionTotals, date: dt.date, line: PostingLine) -> None:
    totals.lines.setdefault(date, []).append(line)


def consolidate(ctx: Context, closing: str, company: str, posting_date: dt.date,
                totals: SessionTotals, difference: Sequence[PostingLine]
                ) -> list[dict[str, Any]]:
    """Post the session and its counted difference in one bulk call."""
    vouchers: list[tuple[Voucher, Sequence[PostingLine]]] = [
        (Voucher(VOUCHER, closing, date, company), lines)
        for date, lines in sorted(totals.lines.items())]
    if difference:
        vouchers.append((Voucher(VOUCHER, closing, posting_date, company), difference))
    return post_many(ctx, vouchers) if vouchers else []


def mark_consolidated(ctx: Context, invoices: Sequence[str], closing: str | None) -> None:
    """The sales consolidated in ``closing`` (None: back to Paid or Return)."""
    for start in range(0, len(invoices), CHUNK):
        rows = query.select_rows(ctx, "POS Invoice", fields=["name", "is_return"], filters=[
            ["name", "in", list(invoices[start:start + CHUNK])]])
        query.update_rows(ctx, "POS Invoice", [
            {"name": r["name"], "consolidated_in": closing, "status": "Consolidated"
             if closing else ("Return" if r["is_return"] else "Paid")} for r in rows])
