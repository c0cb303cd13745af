"""The points ledger: balances, what is left of each earning, and the rows written when
points are earned, spent, taken back, expire or are cancelled.

Each row names its earned entry and carries that entry's expiry date. What is left of
an earning is the sum of its rows (never below zero: points are only taken from what
is left); a customer's balance on a day is the sum over the earnings that have not
expired by then. Points are spent first-expiring first (earnings that never expire
last, then oldest first), so expiry takes exactly what was not spent.

Writers lock the customer's row first (``lock_customer``): two tills spending the same
customer's last points queue there, and the second one counts again and is refused.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, or_, select

from core.db import query
from core.naming import row_name

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

DOCTYPE = "Loyalty Point Entry"


@dataclass(frozen=True)
class Earning:
    """What is left of one earned entry."""

    name: str
    points: int
    expiry_date: dt.date | None
    posting_date: dt.date
    conversion_factor: Any


def lock_customer(ctx: Context, customer: str) -> None:
    query.select_rows(ctx, "Customer", fields=["name"], filters={"name": customer},
                      for_update=True)


def earnings(ctx: Context, customer: str, program: str, on: dt.date | None = None,
             expired_before: dt.date | None = None) -> list[Earning]:
    """Earnings with points left, in the order they are spent: live on ``on`` (not
    expired by then), or expired before ``expired_before``."""
    lpe = query.view(ctx, DOCTYPE)
    # every row carries its earning's expiry date and point value; the earning is the
    # earliest row of its group
    stmt = (select(lpe.c.earned_entry, func.sum(lpe.c.loyalty_points), lpe.c.expiry_date,
                   func.min(lpe.c.posting_date), lpe.c.conversion_factor)
            .where(lpe.c.customer == customer, lpe.c.loyalty_program == program)
            .group_by(lpe.c.earned_entry, lpe.c.expiry_date, lpe.c.conversion_factor)
            .having(func.sum(lpe.c.loyalty_points) > 0))
    if on is not None:
        stmt = stmt.where(or_(lpe.c.expiry_date.is_(None), lpe.c.expiry_date >= on))
    if expired_before is not None:
        stmt = stmt.where(lpe.c.expiry_date < expired_before)
    rows = [Earning(name, int(points), expiry, posted, factor)
            for name, points, expiry, posted, factor in ctx.conn.execute(stmt)]
    return sorted(rows, key=lambda e: (e.expiry_date is None,
                                       e.expiry_date or dt.date.max, e.posting_date, e.name))


def balance(ctx: Context, customer: str, program: str, on: dt.date) -> int:
    return sum(e.points for e in earnings(ctx, customer, program, on=on))


def take(live: list[Earning], points: int, first: str | None = None
         ) -> list[tuple[Earning, int]]:
    """(earning, points taken from it) for ``points``, first from the earning named
    ``first`` (a return takes back its own sale's points first), then in spending order;
    fewer when the earnings hold fewer."""
    ordered = sorted(live, key=lambda e: e.name != first)
    taken: list[tuple[Earning, int]] = []
    for earning in ordered:
        if points <= 0:
            break
        part = min(points, earning.points)
        taken.append((earning, part))
        points -= part
    return taken


def new_row(ctx: Context, doc: Document | None, program: Document, customer: str,
            entry_type: str, points: int, posting_date: dt.date, **values: Any
            ) -> dict[str, Any]:
    """One ledger row for ``doc`` (None for expiry, which is its own voucher)."""
    name = row_name()
    return {
        "name": name, "owner": ctx.user, "creation": ctx.now, "modified": ctx.now,
        "modified_by": ctx.user, "docstatus": 1, "idx": 0, "company": program.company,
        "customer": customer, "loyalty_program": program.name, "entry_type": entry_type,
        "loyalty_points": points, "posting_date": posting_date,
        "voucher_type": doc.doctype if doc is not None else DOCTYPE,
        "voucher_no": doc.name if doc is not None else name,
        "earned_entry": name, "purchase_amount": 0, "expiry_date": None,
        "reversal_of": None, "loyalty_tier": None, "conversion_factor": None,
        "collection_factor": None} | values


def spending_rows(ctx: Context, doc: Document | None, program: Document, customer: str,
                  entry_type: str, taken: list[tuple[Earning, int]],
                  posting_date: dt.date, **values: Any) -> list[dict[str, Any]]:
    """The rows taking ``taken`` from their earnings (redeemed, reversed, expired)."""
    return [new_row(ctx, doc, program, customer, entry_type, -points, posting_date,
                    earned_entry=earning.name, expiry_date=earning.expiry_date,
                    conversion_factor=earning.conversion_factor, **values)
            for earning, points in taken]


def write(ctx: Context, rows: list[dict[str, Any]]) -> None:
    if rows:
        query.insert_rows(ctx, DOCTYPE, rows)


def voucher_rows(ctx: Context, voucher_type: str, voucher_no: str) -> list[dict[str, Any]]:
    return query.select_rows(ctx, DOCTYPE, filters={
        "voucher_type": voucher_type, "voucher_no": voucher_no}, order_by="creation asc")
