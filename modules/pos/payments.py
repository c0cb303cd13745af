"""What a POS sale was paid with, and the change given back.

- Each payment is in a mode the profile takes, posted to that mode's account in the
  company.
- A sale is paid in full when it is submitted: paid >= grand total. What is paid above
  it is change, and only cash gives change: the payments in other modes may not exceed
  the grand total, and the change comes out of the first cash payment.
- A return refunds exactly its (negative) grand total; no change.
- A sale with no payment entered is paid exactly, in the profile's default mode.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core.errors import ValidationError
from modules.pos.errors import Underpaid
from modules.pos.profiles import account_of, mode_accounts, mode_types

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)
CASH = "Cash"
DEFAULTED = "pos.defaulted_payment"


def settle(ctx: Context, doc: Document, found: dict[str, Any]) -> None:
    """Check the payments against the grand total and work out the change. Settling
    again after the total changed keeps the payments entered and pays a sale entered
    without one exactly again."""
    rows = [r for r in doc.children("payments") if r.amount
            and r is not doc.flags.get(DEFAULTED)]
    doc.values["payments"] = rows
    if not rows:
        default = next(r["mode_of_payment"] for r in found["payments"] if r["default"])
        rows = [doc.append("payments", {"mode_of_payment": default,
                                        "amount": doc.grand_total}, ctx)]
        doc.flags[DEFAULTED] = rows[0]
    taken = {r["mode_of_payment"] for r in found["payments"]}
    accounts = mode_accounts(ctx, doc.company, [r.mode_of_payment for r in rows])
    types = mode_types(ctx, [r.mode_of_payment for r in rows])
    for i, row in enumerate(rows, start=1):
        if row.mode_of_payment not in taken:
            raise ValidationError(f"Payments row {i}: {doc.pos_profile} does not take "
                                  f"{row.mode_of_payment}", field="payments")
        if (row.amount < 0) != bool(doc.is_return):
            raise ValidationError(f"Payments row {i}: "
                                  + ("a refund is negative" if doc.is_return
                                     else "an amount paid cannot be negative"),
                                  field="payments")
        row.account = account_of(accounts, row.mode_of_payment, doc.company, "payments")
        row.type = types.get(row.mode_of_payment) or ""
    doc.paid_amount = sum((r.amount for r in rows), ZERO)
    _change(doc, rows)


def _change(doc: Document, rows: list[Document]) -> None:
    """What is paid above the total comes back from the first cash payment."""
    doc.change_amount = ZERO
    doc.change_mode_of_payment = doc.account_for_change_amount = None
    change = doc.paid_amount - doc.grand_total
    cash = next((r for r in rows if r.type == CASH), None)
    if doc.is_return or change <= 0 or cash is None:
        return
    doc.change_amount = change
    doc.change_mode_of_payment = cash.mode_of_payment
    doc.account_for_change_amount = cash.account


def check_settled(doc: Document) -> None:
    """A submitted sale is paid in full, and only in cash beyond its total; a return
    refunds exactly its total. Checked at submit, once every module had its say on the
    amounts (a draft may be parked half paid)."""
    rows = doc.children("payments")
    if doc.is_return:
        if doc.paid_amount != doc.grand_total:
            raise ValidationError(f"A return refunds its total {-doc.grand_total}, not "
                                  f"{-doc.paid_amount}", field="payments")
        return
    if doc.paid_amount < doc.grand_total:
        raise Underpaid(f"Paid {doc.paid_amount} of {doc.grand_total}: the sale is not "
                        "fully paid", field="paid_amount")
    other = sum((r.amount for r in rows if r.type != CASH), ZERO)
    if other > doc.grand_total:
        raise ValidationError(f"Only cash gives change: {other} paid in other modes is "
                              f"more than the total {doc.grand_total}", field="payments")


def defaulted_payment(doc: Document) -> Document | None:
    """The row ``settle`` added because the sale came without a payment, if it did."""
    return doc.flags.get(DEFAULTED)
