"""Counting a session's money at closing.

Expected in each mode of payment = its opening amount + what the session's sales paid in
it - the change given back from it (returns refund, so they count negative). The user
enters what was counted (``closing_amount``); a mode left uncounted is taken as
expected. Difference = counted - expected, booked against the profile's difference
account: a shortage debits it, an excess credits it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core.errors import ValidationError
from modules.accounting.posting import PostingLine
from modules.pos.consolidation import SessionTotals
from modules.pos.profiles import account_of, mode_accounts

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document
ZERO = Decimal(0)


def reconcile(ctx: Context, doc: Document, opening: Document, found: dict[str, Any],
              totals: SessionTotals) -> None:
    """Fill one row per mode: opening, expected, counted and the difference."""
    counted: dict[str, Decimal | None] = {}
    for i, row in enumerate(doc.children("payment_reconciliation"), start=1):
        if row.mode_of_payment in counted:
            raise ValidationError(f"Payment Reconciliation row {i}: "
                                  f"{row.mode_of_payment} is counted twice",
                                  field="payment_reconciliation")
        if row.closing_amount is not None and row.closing_amount < 0:
            raise ValidationError(f"Payment Reconciliation row {i}: a counted amount "
                                  "cannot be negative", field="payment_reconciliation")
        counted[row.mode_of_payment] = row.closing_amount
    opened = {r.mode_of_payment: r.opening_amount or ZERO
              for r in opening.children("balance_details")}
    modes = [r["mode_of_payment"] for r in found["payments"]]
    modes += sorted((set(opened) | set(totals.paid) | set(counted)) - set(modes))
    accounts = mode_accounts(ctx, doc.company, modes)
    doc.values["payment_reconciliation"] = []
    for mode in modes:
        expected = opened.get(mode, ZERO) + totals.paid.get(mode, ZERO)
        closing = counted.get(mode)
        closing = expected if closing is None else closing
        doc.append("payment_reconciliation", {
            "mode_of_payment": mode, "opening_amount": opened.get(mode, ZERO),
            "expected_amount": expected, "closing_amount": closing,
            "difference": closing - expected,
            "account": account_of(accounts, mode, doc.company, "payment_reconciliation")},
            ctx)


def difference_lines(doc: Document, found: dict[str, Any]) -> list[PostingLine]:
    lines = []
    for row in doc.children("payment_reconciliation"):
        if row.difference:
            short = -row.difference
            lines += [PostingLine(row.account, debit=max(-short, ZERO),
                                  credit=max(short, ZERO)),
                      PostingLine(found["difference_account"], debit=max(short, ZERO),
                                  credit=max(-short, ZERO),
                                  cost_center=found["cost_center"],
                                  remarks=f"{row.mode_of_payment} counted "
                                          f"{row.closing_amount}, expected "
                                          f"{row.expected_amount}")]
    return lines
