"""The receivable/payable sub-ledger: what is still owed on each invoice.

An invoice's outstanding amount is always the sum of the GL entries booked against it on
its party account (its own line, payments, credit notes, reversals), so it can never
drift from the ledger: every posting that touches an invoice calls ``refresh``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core.db import query
from core.errors import DoesNotExist

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)
# doctype -> (party field, party account field, +1 when the party owes us)
INVOICES = {"Sales Invoice": ("customer", "debit_to", 1),
            "Purchase Invoice": ("supplier", "credit_to", -1)}


def balance(ctx: Context, against_type: str, against: str, account: str,
            party: str) -> Decimal:
    """Net debit, in the account's currency, booked on ``account`` for ``party`` against
    one voucher."""
    sums = query.totals(ctx, "GL Entry", ["debit_in_account_currency",
                                          "credit_in_account_currency"], {
        "against_voucher_type": against_type, "against_voucher": against,
        "account": account, "party": party})
    return Decimal(str(sums["debit_in_account_currency"] or 0)) \
        - Decimal(str(sums["credit_in_account_currency"] or 0))


def party_balance(ctx: Context, company: str, party_type: str, party: str) -> Decimal:
    """Net debit, in company currency, of everything booked for the party in the company
    (what a customer owes, less advances; negative when the company owes the party)."""
    sums = query.totals(ctx, "GL Entry", ["debit", "credit"], {
        "company": company, "party_type": party_type, "party": party})
    return Decimal(str(sums["debit"] or 0)) - Decimal(str(sums["credit"] or 0))


def outstanding(ctx: Context, doctype: str, name: str,
                invoice: dict[str, Any] | None = None) -> Decimal:
    """What is still owed on the invoice, from the sub-ledger; ``invoice`` holds its
    party and party account when the caller has them."""
    party_field, account_field, sign = INVOICES[doctype]
    row = invoice if invoice is not None else query.row(ctx, doctype, name)
    if row is None:
        raise DoesNotExist(f"{doctype} {name} not found")
    return balance(ctx, doctype, name, row[account_field], row[party_field]) * sign


def refresh_references(ctx: Context, references: list[tuple[str, str]]) -> None:
    """Refresh every invoice among (doctype, name) pairs; other vouchers are skipped."""
    for doctype, name in sorted({(d, n) for d, n in references if d in INVOICES and n}):
        refresh(ctx, doctype, name)


def refresh(ctx: Context, doctype: str, name: str, doc: Document | None = None,
            posted: list[dict[str, Any]] | None = None) -> Decimal:
    """Store the invoice's outstanding amount and status from the sub-ledger. ``doc`` is
    the invoice as its own submit or cancel just wrote it, which saves reading it back.

    ``posted`` are the ledger rows its own submit just wrote. Nothing else can be booked
    against an invoice before it is submitted (payments and journal entries take
    submitted invoices only), so these rows are its whole sub-ledger and no query is
    needed."""
    party_field, account_field, sign = INVOICES[doctype]
    fields = [party_field, account_field, "docstatus", "is_return", "grand_total",
              "due_date"]
    row = {f: doc.get(f) for f in fields} if doc is not None else \
        query.select_rows(ctx, doctype, fields=fields, filters={"name": name})[0]
    if posted is None:
        amount = outstanding(ctx, doctype, name, row)
    else:
        amount = sign * sum((r["debit_in_account_currency"] - r["credit_in_account_currency"]
                             for r in posted if r["against_voucher_type"] == doctype
                             and r["against_voucher"] == name
                             and r["account"] == row[account_field]
                             and r["party"] == row[party_field]), ZERO)
    query.update_row(ctx, doctype, name, {
        "outstanding_amount": amount, "status": invoice_status(ctx, doctype, name, row,
                                                               amount)})
    return amount


def invoice_status(ctx: Context, doctype: str, name: str, row: dict,
                   amount: Decimal, today: dt.date | None = None) -> str:
    today = today or ctx.now.date()
    if row["docstatus"] == 2:
        return "Cancelled"
    if row["docstatus"] == 0:
        return "Draft"
    if row["is_return"]:
        return "Return"
    if amount <= ZERO:
        has_return = query.exists(ctx, doctype, {"return_against": name, "docstatus": 1,
                                                 "is_return": 1})
        if has_return:
            return "Credit Note Issued" if doctype == "Sales Invoice" else "Debit Note Issued"
        return "Paid"
    if row["due_date"] and row["due_date"] < today:
        return "Overdue"
    return "Partly Paid" if amount < row["grand_total"] else "Unpaid"
