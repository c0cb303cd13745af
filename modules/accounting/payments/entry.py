"""Payment Entry: defaults, allocation checks and ledger lines.

A receipt debits the bank with what arrived and credits the customer's account: each
allocated invoice at the invoice's own exchange rate (which clears it exactly in company
currency), any unallocated rest as an advance against the payment itself. Deductions
(write-offs, charges, tax withheld) are debited; what is left between the two sides is the
exchange gain or loss. A payment to a supplier is the mirror image.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core.db import query
from core.errors import ValidationError
from core.meta.fieldtypes import quantize
from modules.accounting import subledger
from modules.accounting.companies import company_settings, currency_precision
from modules.accounting.exchange import exchange_rate
from modules.accounting.invoicing.invoice import sided
from modules.accounting.posting import PostingLine, Voucher, post, reverse

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)
PARTY = {"Receive": ("Customer", "paid_from", "Receivable", "default_receivable_account"),
         "Pay": ("Supplier", "paid_to", "Payable", "default_payable_account")}
CASH_TYPES = ("Bank", "Cash")


def validate(ctx: Context, doc: Document) -> None:
    settings = company_settings(ctx, doc.company)
    _default_accounts(ctx, doc, settings)
    accounts = _check_accounts(ctx, doc)
    _set_rates(ctx, doc, accounts, settings["default_currency"])
    if (doc.paid_amount or ZERO) <= 0:
        raise ValidationError("Paid Amount must be above zero", field="paid_amount")
    _allocate(ctx, doc)
    doc.difference_amount = sum((line.credit - line.debit for line in
                                 _lines(doc, settings) if line.account ==
                                 settings["exchange_gain_loss_account"]), ZERO)
    doc.title = doc.party or doc.payment_type


def _default_accounts(ctx: Context, doc: Document, settings: dict[str, Any]) -> None:
    if doc.payment_type == "Internal Transfer":
        doc.party_type, doc.party = None, None
        if doc.children("references"):
            raise ValidationError("An internal transfer settles no invoices",
                                  field="references")
        return
    party_type, party_side, _, default_party = PARTY[doc.payment_type]
    doc.party_type = doc.party_type or party_type
    if not doc.party:
        raise ValidationError(f"A payment of type {doc.payment_type} needs a party",
                              field="party")
    cash_side = "paid_to" if party_side == "paid_from" else "paid_from"
    doc.set(party_side, doc.get(party_side) or settings[default_party])
    doc.set(cash_side, doc.get(cash_side) or _mode_account(ctx, doc))


def _mode_account(ctx: Context, doc: Document) -> str | None:
    if doc.mode_of_payment:
        account = query.get_value(ctx, "Mode of Payment Account", {
            "parent": doc.mode_of_payment, "company": doc.company}, "default_account")
        if account:
            return account
    return company_settings(ctx, doc.company)["default_cash_account"]


def _check_accounts(ctx: Context, doc: Document) -> dict[str, dict[str, Any]]:
    names = [doc.paid_from, doc.paid_to]
    if not all(names):
        raise ValidationError("Both Account Paid From and Account Paid To are required",
                              field="paid_from" if not doc.paid_from else "paid_to")
    found = {r["name"]: r for r in query.select_rows(
        ctx, "Account", fields=["name", "company", "account_type", "account_currency"],
        filters=[["name", "in", names]])}
    expected = {"paid_from": CASH_TYPES, "paid_to": CASH_TYPES}
    if doc.payment_type in PARTY:
        expected[PARTY[doc.payment_type][1]] = (PARTY[doc.payment_type][2],)
    for field, types in expected.items():
        account = found.get(doc.get(field))
        if account is None or account["company"] != doc.company or \
                account["account_type"] not in types:
            raise ValidationError(f"{doc.get(field)} is not a {' or '.join(types)} account "
                                  f"of {doc.company}", field=field)
    doc.paid_from_account_currency = found[doc.paid_from]["account_currency"]
    doc.paid_to_account_currency = found[doc.paid_to]["account_currency"]
    return found


def _set_rates(ctx: Context, doc: Document, accounts: dict[str, dict[str, Any]],
               company_currency: str) -> None:
    for currency_field, rate_field in (("paid_from_account_currency", "source_exchange_rate"),
                                       ("paid_to_account_currency", "target_exchange_rate")):
        currency = doc.get(currency_field)
        if currency == company_currency:
            doc.set(rate_field, Decimal(1))
        elif not doc.get(rate_field):
            doc.set(rate_field, exchange_rate(ctx, currency, company_currency,
                                              doc.posting_date))
    if not doc.received_amount:
        same = doc.paid_from_account_currency == doc.paid_to_account_currency
        doc.received_amount = doc.paid_amount if same else quantize(
            doc.paid_amount * doc.source_exchange_rate / doc.target_exchange_rate,
            currency_precision(ctx, doc.paid_to_account_currency))


def party_amount(doc: Document) -> Decimal:
    """What the payment is worth on the party's account, in that account's currency."""
    return doc.paid_amount if doc.payment_type == "Receive" else doc.received_amount


def party_rate(doc: Document) -> Decimal:
    return doc.source_exchange_rate if doc.payment_type == "Receive" \
        else doc.target_exchange_rate


def _allocate(ctx: Context, doc: Document) -> None:
    total = ZERO
    party_account = doc.paid_from if doc.payment_type == "Receive" else doc.paid_to
    for i, ref in enumerate(doc.children("references"), start=1):
        invoice = _invoice(ctx, ref, i)
        party_field, account_field, _ = subledger.INVOICES[ref.reference_doctype]
        if invoice[party_field] != doc.party or invoice["company"] != doc.company or \
                invoice[account_field] != party_account:
            raise ValidationError(f"References row {i}: {ref.reference_name} is not an "
                                  f"invoice of {doc.party} on {party_account}",
                                  field="references")
        ref.total_amount = invoice["grand_total"]
        ref.outstanding_amount = subledger.outstanding(ctx, ref.reference_doctype,
                                                       ref.reference_name)
        ref.exchange_rate = invoice["conversion_rate"] \
            if invoice["party_account_currency"] == invoice["currency"] else Decimal(1)
        if not ref.allocated_amount or ref.allocated_amount <= 0 or \
                ref.allocated_amount > ref.outstanding_amount:
            raise ValidationError(
                f"References row {i}: allocate more than zero and at most the outstanding "
                f"{ref.outstanding_amount} of {ref.reference_name}", field="references")
        total += ref.allocated_amount
    doc.total_allocated_amount = total
    deductions = sum((d.amount or ZERO for d in doc.children("deductions")), ZERO)
    doc.unallocated_amount = party_amount(doc) + deductions / party_rate(doc) - total \
        if doc.payment_type in PARTY else ZERO
    if doc.unallocated_amount < 0:
        raise ValidationError(f"Allocated {total} is more than the payment and deductions "
                              "cover", field="references")


def _invoice(ctx: Context, ref: Document, i: int) -> dict[str, Any]:
    party_field, account_field, _ = subledger.INVOICES[ref.reference_doctype]
    rows = query.select_rows(ctx, ref.reference_doctype, fields=[
        party_field, account_field, "company", "docstatus", "grand_total", "currency",
        "conversion_rate", "party_account_currency"], filters={"name": ref.reference_name},
        limit=1)
    if not rows or rows[0]["docstatus"] != 1:
        raise ValidationError(f"References row {i}: {ref.reference_doctype} "
                              f"{ref.reference_name} is not submitted", field="references")
    return rows[0]


def _lines(doc: Document, settings: dict[str, Any]) -> list[PostingLine]:
    foreign = {doc.paid_from: doc.paid_from_account_currency != settings["default_currency"],
               doc.paid_to: doc.paid_to_account_currency != settings["default_currency"]}

    def line(account: str, sign: int, amount: Decimal, rate: Decimal, **extra: Any
             ) -> PostingLine:
        return PostingLine(account=account, **extra, **sided(
            sign, amount * rate, amount if foreign[account] else None))

    lines = [line(doc.paid_to, 1, doc.received_amount, doc.target_exchange_rate),
             line(doc.paid_from, -1, doc.paid_amount, doc.source_exchange_rate)] \
        if doc.payment_type == "Internal Transfer" else _party_lines(doc, line, settings)
    residue = sum((x.debit - x.credit for x in lines), ZERO)
    if residue:
        lines.append(PostingLine(account=settings["exchange_gain_loss_account"],
                                 cost_center=settings["cost_center"],
                                 **sided(-1, residue)))
    return lines


def _party_lines(doc: Document, line: Any, settings: dict[str, Any]) -> list[PostingLine]:
    receive = doc.payment_type == "Receive"
    sign = -1 if receive else 1  # the party is credited on a receipt, debited on a payment
    party_account = doc.paid_from if receive else doc.paid_to
    party = {"party_type": doc.party_type, "party": doc.party}
    lines = [line(doc.paid_to, 1, doc.received_amount, doc.target_exchange_rate)] if receive \
        else [line(doc.paid_from, -1, doc.paid_amount, doc.source_exchange_rate)]
    for ref in doc.children("references"):
        lines.append(line(party_account, sign, ref.allocated_amount, ref.exchange_rate,
                          against_voucher_type=ref.reference_doctype,
                          against_voucher=ref.reference_name, **party))
    if doc.unallocated_amount:
        lines.append(line(party_account, sign, doc.unallocated_amount, party_rate(doc),
                          against_voucher_type="Payment Entry", against_voucher=doc.name,
                          **party))
    for d in doc.children("deductions"):
        lines.append(PostingLine(account=d.account, remarks=d.description or "",
                                 cost_center=d.cost_center or settings["cost_center"],
                                 **sided(-sign, d.amount)))
    return lines


def on_submit(ctx: Context, doc: Document) -> None:
    settings = company_settings(ctx, doc.company)
    post(ctx, Voucher("Payment Entry", doc.name or "", doc.posting_date, doc.company),
         _lines(doc, settings))
    _refresh(ctx, doc)


def on_cancel(ctx: Context, doc: Document) -> None:
    reverse(ctx, "Payment Entry", doc.name or "")
    _refresh(ctx, doc)


def _refresh(ctx: Context, doc: Document) -> None:
    subledger.refresh_references(ctx, [(r.reference_doctype, r.reference_name)
                                       for r in doc.children("references")])
