"""Points earned by a sale, taken back by its returns, and put back by a cancel.

- A submitted sale earns floor(spend / the amount per point of the customer's tier).
  Spend is the grand total in company currency (taxes included, as the customer sees
  it) less what was paid with points. The tier is the one reached by the spend before
  this sale; the sale's spend may lift the customer to the next tier for later sales.
- An earning expires ``expiry_days`` after the sale (never, when the program sets 0).
- A return takes back the points its sale's kept part no longer earns:
  earned - floor((spend - everything returned so far) / the sale's amount per point) -
  what earlier returns took back. They come from the sale's own points first, then from
  what else the customer holds; points already spent are not taken from a balance that
  has none (the customer keeps them).
- A cancel writes the opposite of every row the document wrote. A sale whose points
  were spent, expired or partly taken back by a return cannot be cancelled.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from core.db import query
from core.meta.fieldtypes import quantize
from modules.accounting.companies import company_precision
from modules.accounting.posting import PostingLine
from modules.loyalty import ledger, postings, programs
from modules.loyalty.errors import PointsAlreadyUsed

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)


def earn(ctx: Context, doc: Document, program: Document
         ) -> tuple[list[dict[str, Any]], list[PostingLine]]:
    precision = company_precision(ctx, doc.company)
    spend = quantize((doc.grand_total - (doc.loyalty_amount or ZERO)) * doc.conversion_rate,
                     precision)
    if spend <= 0:
        return [], []
    tier = programs.tier_for(program, programs.total_spent(ctx, doc.customer, program))
    points = int(spend // tier.collection_factor) if tier else 0
    expiry = doc.posting_date + dt.timedelta(days=program.expiry_days) \
        if program.expiry_days else None
    row = ledger.new_row(ctx, doc, program, doc.customer, "Earned", points,
                         doc.posting_date, purchase_amount=spend, expiry_date=expiry,
                         loyalty_tier=tier.name if tier else None,
                         conversion_factor=program.conversion_factor,
                         collection_factor=tier.collection_factor if tier else None)
    doc.loyalty_points_earned = points
    value = points * program.conversion_factor
    lines = postings.deferral(program, value, f"{points} loyalty points earned") \
        if value else []
    return [row], lines


def take_back(ctx: Context, doc: Document) -> tuple[list[dict[str, Any]], list[PostingLine]]:
    """A return's rows and postings for the points its sale no longer earns."""
    earned = _earned_row(ctx, doc.doctype, doc.return_against)
    if earned is None:
        return [], []
    program = programs.load(ctx, earned["loyalty_program"])
    precision = company_precision(ctx, doc.company)
    returned_before = _returned_spend(ctx, earned["name"], precision)
    this_return = min(quantize(abs(doc.grand_total * doc.conversion_rate), precision),
                      earned["purchase_amount"] - returned_before)
    kept_spend = earned["purchase_amount"] - returned_before - this_return
    kept = int(kept_spend // earned["collection_factor"]) \
        if earned["collection_factor"] else 0
    points = earned["loyalty_points"] - _taken_back(ctx, earned["name"]) - kept
    live = ledger.earnings(ctx, doc.customer, program.name or "", on=doc.posting_date)
    taken = ledger.take(live, points, first=earned["name"]) if points > 0 else []
    marks = {"reversal_of": earned["name"]}
    rows = ledger.spending_rows(ctx, doc, program, doc.customer, "Reversed", taken,
                                doc.posting_date, **marks) or [ledger.new_row(
        ctx, doc, program, doc.customer, "Reversed", 0, doc.posting_date,
        earned_entry=earned["name"], expiry_date=earned["expiry_date"], **marks)]
    rows[0]["purchase_amount"] = -this_return
    value = sum((p * e.conversion_factor for e, p in taken), ZERO)
    total = sum(p for _, p in taken)
    lines = postings.take_back(program, value, f"{total} loyalty points taken back by "
                               "a return") if value else []
    return rows, lines


def _earned_row(ctx: Context, doctype: str, name: str | None) -> dict[str, Any] | None:
    rows = query.select_rows(ctx, "Loyalty Point Entry", filters={
        "voucher_type": doctype, "voucher_no": name or "", "entry_type": "Earned"},
        limit=1)
    return rows[0] if rows else None


def _sums(ctx: Context, **match: str) -> tuple[Decimal, Decimal]:
    """(points, purchase amount) summed over the rows matching ``match``."""
    lpe = query.view(ctx, "Loyalty Point Entry")
    stmt = select(func.sum(lpe.c.loyalty_points), func.sum(lpe.c.purchase_amount)).where(
        *(lpe.c[k] == v for k, v in match.items()))
    points, spend = ctx.conn.execute(stmt).one()
    return Decimal(str(points or 0)), Decimal(str(spend or 0))


def _returned_spend(ctx: Context, earned: str, precision: int) -> Decimal:
    # SQLite sums in binary floats (docs/decisions/0003-decimal-on-sqlite.md)
    return -quantize(_sums(ctx, reversal_of=earned)[1], precision)


def _taken_back(ctx: Context, earned: str) -> int:
    return -int(_sums(ctx, reversal_of=earned)[0])


def check_cancellable(ctx: Context, doc: Document) -> None:
    """The points a sale earned are still all there: nothing else spent, expired or
    took them back."""
    for row in ledger.voucher_rows(ctx, doc.doctype, doc.name or ""):
        if row["entry_type"] not in ("Earned", "Restored"):  # the rows that hold points
            continue
        lpe = query.view(ctx, "Loyalty Point Entry")
        others = ctx.conn.execute(select(lpe.c.voucher_no).where(
            (lpe.c.earned_entry == row["name"]) | (lpe.c.reversal_of == row["name"]),
            lpe.c.voucher_no != doc.name).group_by(lpe.c.voucher_no).having(
            (func.sum(lpe.c.loyalty_points) != 0) | (func.sum(lpe.c.purchase_amount) != 0)
        )).scalars().all()
        if others:
            raise PointsAlreadyUsed(
                f"The points {doc.name} earned were used by {', '.join(sorted(others))}: "
                "return its goods instead of cancelling it", field="loyalty_points_earned")


def cancel_rows(ctx: Context, doc: Document) -> list[dict[str, Any]]:
    """The opposite of every row the document wrote."""
    rows = [r for r in ledger.voucher_rows(ctx, doc.doctype, doc.name or "")
            if r["entry_type"] != "Cancelled"]
    program_names = {r["loyalty_program"] for r in rows}
    loaded = {n: programs.load(ctx, n) for n in program_names}
    return [ledger.new_row(
        ctx, doc, loaded[r["loyalty_program"]], r["customer"], "Cancelled",
        -r["loyalty_points"], ctx.now.date(), purchase_amount=-r["purchase_amount"],
        earned_entry=r["earned_entry"], expiry_date=r["expiry_date"],
        reversal_of=r["reversal_of"], loyalty_tier=r["loyalty_tier"],
        conversion_factor=r["conversion_factor"], collection_factor=r["collection_factor"])
        for r in rows]
