"""A credit note against a sales invoice that was paid partly with points gives back
that share of the points, instead of crediting the customer money for it.

    restored so far = floor(points redeemed x amount returned / the invoice's total)

(amount returned: this and earlier credit notes, at most the total), less what earlier
credit notes restored. The points come back as a new earning dated the credit note,
expiring as the program's points do; the receivable keeps their value: Dr Debtors
(against the invoice) / Cr Loyalty Points Liability, so the invoice ends settled, not
in credit. (A POS return is refunded in money: see the README.)
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core.db import query
from modules.accounting.posting import PostingLine
from modules.loyalty import ledger, programs

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)


def restore(ctx: Context, doc: Document) -> tuple[list[dict[str, Any]], list[PostingLine]]:
    """Rows and postings of the points a credit note gives back."""
    original = query.select_rows(ctx, doc.doctype, fields=[
        "redeem_loyalty_points", "loyalty_points", "loyalty_program", "grand_total"],
        filters={"name": doc.return_against or ""}, limit=1)
    if not original or not original[0]["redeem_loyalty_points"] \
            or not original[0]["grand_total"]:
        return [], []
    sale = original[0]
    earlier = _earlier_returns(ctx, doc)
    returned = min(sum((abs(r["grand_total"]) for r in earlier), ZERO)
                   + abs(doc.grand_total), sale["grand_total"])
    due = int(sale["loyalty_points"] * returned // sale["grand_total"])
    points = due - _restored(ctx, [r["name"] for r in earlier])
    if points <= 0:
        return [], []
    program = programs.load(ctx, sale["loyalty_program"])
    expiry = doc.posting_date + dt.timedelta(days=program.expiry_days) \
        if program.expiry_days else None
    row = ledger.new_row(ctx, doc, program, doc.customer, "Restored", points,
                         doc.posting_date, expiry_date=expiry,
                         conversion_factor=program.conversion_factor)
    value = points * program.conversion_factor
    remarks = f"{points} loyalty points given back by a credit note"
    return [row], [
        PostingLine(doc.debit_to, debit=value, party_type="Customer", party=doc.customer,
                    against_voucher_type=doc.doctype, against_voucher=doc.return_against,
                    remarks=remarks),
        PostingLine(program.liability_account, credit=value, remarks=remarks)]


def _earlier_returns(ctx: Context, doc: Document) -> list[dict[str, Any]]:
    return query.select_rows(ctx, doc.doctype, fields=["name", "grand_total"], filters=[
        ["return_against", "=", doc.return_against], ["docstatus", "=", 1],
        ["name", "!=", doc.name or ""]])


def _restored(ctx: Context, returns: list[str]) -> int:
    """Points the (submitted) earlier credit notes gave back."""
    if not returns:
        return 0
    return sum(r["loyalty_points"] for r in query.select_rows(
        ctx, ledger.DOCTYPE, fields=["loyalty_points"], filters=[
            ["voucher_no", "in", returns], ["entry_type", "=", "Restored"]]))
