"""Bank reconciliation: statement lines matched to the vouchers that moved the money.

A voucher matches a statement line when it posts to the bank account's ledger account in
the same direction; a line is reconciled once its whole amount is matched. A voucher's
clearance date is the date of the statement line that matched it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from core import lifecycle
from core.db import query
from core.errors import ValidationError
from modules.accounting.banking.statements import parse

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)
VOUCHERS = ("Payment Entry", "Journal Entry")


def import_statement(ctx: Context, bank_account: str, content: str,
                     file_format: str) -> dict[str, int]:
    if not query.exists(ctx, "Bank Account", bank_account):
        raise ValidationError(f"Bank Account {bank_account} not found", field="bank_account")
    imported = skipped = 0
    for line in parse(content, file_format):
        if query.exists(ctx, "Bank Transaction", {"bank_account": bank_account,
                                                  "transaction_id": line.transaction_id}):
            skipped += 1
            continue
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Bank Transaction", {
            "date": line.date, "bank_account": bank_account,
            "deposit": max(line.amount, ZERO), "withdrawal": max(-line.amount, ZERO),
            "description": line.description, "reference_number": line.reference,
            "transaction_id": line.transaction_id, "allocated_amount": 0,
            "unallocated_amount": abs(line.amount)}))
        imported += 1
    return {"imported": imported, "skipped": skipped}


def _ledger_account(ctx: Context, transaction: Document) -> str:
    return query.get_value(ctx, "Bank Account", transaction.bank_account, "account")


def signed_amount(transaction: Document) -> Decimal:
    return (transaction.deposit or ZERO) - (transaction.withdrawal or ZERO)


def voucher_amount(ctx: Context, doctype: str, name: str, account: str) -> Decimal:
    """Net debit the voucher booked on ``account`` (what it moved in or out of the bank)."""
    gl = query.view(ctx, "GL Entry")
    total = ctx.conn.execute(select(func.sum(gl.c.debit - gl.c.credit)).where(
        gl.c.voucher_type == doctype, gl.c.voucher_no == name, gl.c.account == account)
    ).scalar()
    return Decimal(str(total or 0))


def matched_already(ctx: Context, doctype: str, name: str) -> Decimal:
    rows = query.select_rows(ctx, "Bank Transaction Payment", fields=["allocated_amount"],
                             filters={"payment_document": doctype, "payment_entry": name})
    return sum((r["allocated_amount"] for r in rows), ZERO)


def reconcile(ctx: Context, transaction_name: str,
              vouchers: list[tuple[str, str, Decimal]]) -> Document:
    """Match ``(doctype, name, amount)`` vouchers to the statement line."""
    transaction = lifecycle.get_doc(ctx, "Bank Transaction", transaction_name)
    account = _ledger_account(ctx, transaction)
    sign = 1 if signed_amount(transaction) > 0 else -1
    left = transaction.unallocated_amount
    for doctype, name, amount in vouchers:
        if doctype not in VOUCHERS or query.get_value(ctx, doctype, name, "docstatus") != 1:
            raise ValidationError(f"{doctype} {name} is not a submitted payment or journal "
                                  "entry", field="vouchers")
        available = voucher_amount(ctx, doctype, name, account) * sign - \
            matched_already(ctx, doctype, name)
        if amount <= 0 or amount > available or amount > left:
            raise ValidationError(f"{doctype} {name}: match more than zero and at most "
                                  f"{min(available, left)}", field="vouchers")
        transaction.append("payment_entries", {"payment_document": doctype,
                                               "payment_entry": name,
                                               "allocated_amount": amount}, ctx)
        query.update_row(ctx, doctype, name, {"clearance_date": transaction.date})
        left -= amount
    transaction.allocated_amount = abs(signed_amount(transaction)) - left
    transaction.unallocated_amount = left
    transaction.status = "Reconciled" if left == 0 else "Unreconciled"
    return lifecycle.save(ctx, transaction)


def suggestions(ctx: Context, transaction_name: str) -> list[dict[str, Any]]:
    """Vouchers on the bank's ledger account for the same amount, best match first."""
    transaction = lifecycle.get_doc(ctx, "Bank Transaction", transaction_name)
    account = _ledger_account(ctx, transaction)
    amount = signed_amount(transaction)
    gl = query.view(ctx, "GL Entry")
    net = func.sum(gl.c.debit - gl.c.credit)
    rows = ctx.conn.execute(
        select(gl.c.voucher_type, gl.c.voucher_no, func.min(gl.c.posting_date), net)
        .where(gl.c.account == account, gl.c.voucher_type.in_(VOUCHERS))
        .group_by(gl.c.voucher_type, gl.c.voucher_no).having(net == amount)).all()
    found = []
    for doctype, name, posted, total in rows:
        if matched_already(ctx, doctype, name) >= abs(Decimal(str(total))):
            continue
        reference = query.get_value(ctx, doctype, name, "reference_no" if
                                    doctype == "Payment Entry" else "cheque_no")
        found.append({"payment_document": doctype, "payment_entry": name,
                      "posting_date": posted, "amount": abs(Decimal(str(total))),
                      "reference_matches": bool(reference) and
                      reference == transaction.reference_number})
    found.sort(key=lambda s: (not s["reference_matches"],
                              abs((s["posting_date"] - transaction.date).days)))
    return found


def create_payment(ctx: Context, transaction_name: str, party_type: str, party: str) -> str:
    """A payment entry for an unmatched statement line, submitted and matched to it."""
    transaction = lifecycle.get_doc(ctx, "Bank Transaction", transaction_name)
    account = _ledger_account(ctx, transaction)
    company = query.get_value(ctx, "Bank Account", transaction.bank_account, "company")
    deposit = signed_amount(transaction) > 0
    payment = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Payment Entry", {
        "payment_type": "Receive" if deposit else "Pay", "company": company,
        "posting_date": transaction.date, "party_type": party_type, "party": party,
        "paid_to" if deposit else "paid_from": account,
        "paid_amount": transaction.unallocated_amount,
        "reference_no": transaction.reference_number, "reference_date": transaction.date,
        "remarks": transaction.description, "docstatus": 1}))
    reconcile(ctx, transaction_name, [("Payment Entry", payment.name or "",
                                       transaction.unallocated_amount)])
    return payment.name or ""
