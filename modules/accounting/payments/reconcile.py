"""Allocating an advance to an invoice, after the fact.

The ledger is append-only, so an advance is never re-posted: a journal entry moves the
amount on the party account from "against the payment" to "against the invoice". The two
lines cancel out in the account's balance and only the sub-ledger allocation changes.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from core import lifecycle
from core.errors import ValidationError
from modules.accounting import subledger

if TYPE_CHECKING:
    from core.context import Context


def allocate_advance(ctx: Context, payment_entry: str, invoice_type: str, invoice: str,
                     amount: Decimal, posting_date: dt.date | None = None) -> str:
    """Settle ``amount`` of ``invoice`` from the advance left on ``payment_entry``;
    returns the journal entry's name."""
    pe = lifecycle.get_doc(ctx, "Payment Entry", payment_entry)
    receive = pe.payment_type == "Receive"
    account = pe.paid_from if receive else pe.paid_to
    sign = -1 if receive else 1  # a customer's advance is a credit balance
    left = subledger.balance(ctx, "Payment Entry", pe.name or "", account, pe.party) * sign
    owed = subledger.outstanding(ctx, invoice_type, invoice)
    if pe.docstatus != 1 or amount <= 0 or amount > left or amount > owed:
        raise ValidationError(f"Allocate more than zero and at most the advance left "
                              f"({left}) and the invoice's outstanding ({owed})",
                              field="amount")
    party_type = "Customer" if receive else "Supplier"
    rows = [
        {"account": account, "party_type": party_type, "party": pe.party,
         "reference_type": "Payment Entry", "reference_name": pe.name,
         _side(-sign): amount},
        {"account": account, "party_type": party_type, "party": pe.party,
         "reference_type": invoice_type, "reference_name": invoice, _side(sign): amount},
    ]
    je = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Journal Entry", {
        "company": pe.company, "posting_date": posting_date or ctx.now.date(),
        "title": f"Advance {pe.name} to {invoice}", "docstatus": 1, "accounts": rows,
        "user_remark": f"Allocation of advance {pe.name} to {invoice_type} {invoice}"}))
    return je.name or ""


def _side(sign: int) -> str:
    return "debit_in_account_currency" if sign > 0 else "credit_in_account_currency"


