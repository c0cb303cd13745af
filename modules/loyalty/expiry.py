"""Points that lapse: each earning's unspent points expire the day after its expiry
date, releasing their liability as breakage revenue.

``expire_points`` is idempotent: it takes only what is left of each expired earning, so
a second run on the same day finds nothing and posts nothing. Each customer's expiry is
one voucher (voucher type Loyalty Point Entry, named after its first row), posted on the
run's date with the customer's row locked against a till spending the same points.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from core.db import query
from modules.accounting.posting import PostingLine, Voucher, post_many
from modules.loyalty import ledger, postings, programs

if TYPE_CHECKING:
    from core.context import Context

ZERO = Decimal(0)


@dataclass
class ExpiryRun:
    """What one run expired."""

    on: dt.date
    points: int = 0
    vouchers: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"on": self.on, "expired_points": self.points, "vouchers": self.vouchers}


def expire_points(ctx: Context, on: dt.date | None = None) -> ExpiryRun:
    """Expire every earning whose expiry date is before ``on`` (today) and still holds
    points, in every program of the tenant."""
    run = ExpiryRun(on or ctx.now.date())
    vouchers: list[tuple[Voucher, list[PostingLine]]] = []
    for customer, program_name in _holders(ctx, run.on):
        ledger.lock_customer(ctx, customer)
        program = programs.load(ctx, program_name)
        expired = ledger.earnings(ctx, customer, program_name, expired_before=run.on)
        rows = ledger.spending_rows(ctx, None, program, customer, "Expired",
                                    [(e, e.points) for e in expired], run.on)
        if not rows:
            continue  # spent by a till while this run waited for the lock
        voucher_no = rows[0]["name"]
        for row in rows:
            row["voucher_no"] = voucher_no
        ledger.write(ctx, rows)
        points = sum(e.points for e in expired)
        value = sum((e.points * e.conversion_factor for e in expired), ZERO)
        vouchers.append((Voucher(ledger.DOCTYPE, voucher_no, run.on, program.company),
                         postings.breakage(program, value,
                                           f"{points} loyalty points of {customer} expired")))
        run.points += points
        run.vouchers.append(voucher_no)
    if vouchers:
        post_many(ctx, vouchers)
    return run


def _holders(ctx: Context, on: dt.date) -> list[tuple[str, str]]:
    """(customer, program) pairs with expired earnings that still hold points."""
    lpe = query.view(ctx, ledger.DOCTYPE)
    left = (select(lpe.c.customer, lpe.c.loyalty_program)
            .where(lpe.c.expiry_date < on)
            .group_by(lpe.c.customer, lpe.c.loyalty_program, lpe.c.earned_entry)
            .having(func.sum(lpe.c.loyalty_points) > 0))
    return sorted({(c, p) for c, p in ctx.conn.execute(left)})
