"""Journal Entry: debits and credits entered by hand, posted to the ledger on submit."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from core import records
from core.db import query
from core.errors import ValidationError
from core.meta.fieldtypes import quantize
from modules.accounting import subledger
from modules.accounting.companies import company_settings, currency_precision
from modules.accounting.errors import UnbalancedPosting
from modules.accounting.exchange import exchange_rate
from modules.accounting.permissions import vouchers
from modules.accounting.posting import PostingLine, Voucher, post, reverse

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

VOUCHER_TYPES = ("Journal Entry", "Bank Entry", "Cash Entry", "Credit Card Entry",
                 "Debit Note", "Credit Note", "Contra Entry", "Opening Entry",
                 "Write Off Entry", "Depreciation Entry", "Exchange Rate Revaluation")
ZERO = Decimal(0)

DOCTYPE = {
    "name": "Journal Entry",
    "autoname": "ACC-JV-.YYYY.-.#####",
    "is_submittable": 1,
    "title_field": "title",
    "sort_field": "posting_date",
    "fields": [
        {"fieldname": "title", "fieldtype": "Data", "label": "Title", "in_list_view": 1},
        {"fieldname": "voucher_type", "fieldtype": "Select", "label": "Entry Type",
         "options": "\n".join(VOUCHER_TYPES), "default": "Journal Entry", "reqd": 1,
         "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company", "reqd": 1, "in_standard_filter": 1},
        {"fieldname": "posting_date", "fieldtype": "Date", "label": "Posting Date",
         "reqd": 1, "default": "Today", "in_list_view": 1},
        {"fieldname": "column_1", "fieldtype": "Column Break"},
        {"fieldname": "cheque_no", "fieldtype": "Data", "label": "Reference Number"},
        {"fieldname": "cheque_date", "fieldtype": "Date", "label": "Reference Date"},
        {"fieldname": "clearance_date", "fieldtype": "Date", "label": "Clearance Date",
         "read_only": 1, "allow_on_submit": 1},
        {"fieldname": "is_opening", "fieldtype": "Check", "label": "Is Opening"},
        {"fieldname": "section_accounts", "fieldtype": "Section Break",
         "label": "Accounting Entries"},
        {"fieldname": "accounts", "fieldtype": "Table", "options": "Journal Entry Account",
         "label": "Accounts", "reqd": 1},
        {"fieldname": "total_debit", "fieldtype": "Currency", "label": "Total Debit",
         "read_only": 1, "in_list_view": 1},
        {"fieldname": "total_credit", "fieldtype": "Currency", "label": "Total Credit",
         "read_only": 1},
        {"fieldname": "user_remark", "fieldtype": "Small Text", "label": "Remark"},
    ],
    "permissions": vouchers(),
}


def validate(ctx: Context, doc: Document) -> None:
    rows = doc.children("accounts")
    if len(rows) < 2:
        raise ValidationError("A journal entry needs at least two lines", field="accounts")
    settings = company_settings(ctx, doc.company)
    precision = currency_precision(ctx, settings["default_currency"])
    currencies = _account_currencies(ctx, doc)
    for i, row in enumerate(rows, start=1):
        _convert_row(ctx, doc, row, i, currencies, settings["default_currency"], precision)
    doc.total_debit = sum((r.debit for r in rows), ZERO)
    doc.total_credit = sum((r.credit for r in rows), ZERO)
    difference = doc.total_debit - doc.total_credit
    if difference:
        raise UnbalancedPosting(f"Total Debit must equal Total Credit; the difference is "
                                f"{difference}", field="accounts")
    doc.title = doc.title or (rows[0].party or rows[0].account)
    _check_invoice_references(ctx, rows)


def _check_invoice_references(ctx: Context, rows: list[Document]) -> None:
    """A line may settle a submitted invoice only: an invoice's own submit takes its
    outstanding amount from the ledger rows it posts (``subledger.refresh``)."""
    for doctype in subledger.INVOICES:
        names = {r.reference_name for r in rows
                 if r.reference_type == doctype and r.reference_name}
        if not names:
            continue
        submitted = {r["name"] for r in query.select_rows(
            ctx, doctype, fields=["name"],
            filters=[["name", "in", sorted(names)], ["docstatus", "=", 1]])}
        for i, row in enumerate(rows, start=1):
            if row.reference_type == doctype and row.reference_name \
                    and row.reference_name not in submitted:
                raise ValidationError(f"Row {i}: {doctype} {row.reference_name} is not "
                                      "submitted", field="accounts")


def _account_currencies(ctx: Context, doc: Document) -> dict[str, tuple[str, str]]:
    names = sorted({r.account for r in doc.children("accounts") if r.account})
    found = records.get_many(ctx, "Account", names)
    return {n: (r["company"], r["account_currency"]) for n, r in found.items()}


def _convert_row(ctx: Context, doc: Document, row: Document, i: int,
                 currencies: dict[str, tuple[str, str]], company_currency: str,
                 precision: int) -> None:
    company, currency = currencies.get(row.account, (None, None))
    if company != doc.company:
        raise ValidationError(f"Row {i}: account {row.account} is not an account of "
                              f"{doc.company}", field="accounts")
    debit, credit = row.debit_in_account_currency or ZERO, row.credit_in_account_currency \
        or ZERO
    if debit < 0 or credit < 0 or (debit and credit) or not (debit or credit):
        raise ValidationError(f"Row {i}: enter either a debit or a credit, above zero",
                              field="accounts")
    row.account_currency = currency or company_currency
    if row.account_currency == company_currency:
        row.exchange_rate = Decimal(1)
    elif not row.exchange_rate or row.exchange_rate == 1:
        row.exchange_rate = exchange_rate(ctx, row.account_currency, company_currency,
                                          doc.posting_date)
    row.debit = quantize(debit * row.exchange_rate, precision)
    row.credit = quantize(credit * row.exchange_rate, precision)
    if row.party and not row.party_type:
        raise ValidationError(f"Row {i}: choose the party type of {row.party}",
                              field="accounts")


def on_submit(ctx: Context, doc: Document) -> None:
    settings = company_settings(ctx, doc.company)
    lines = [PostingLine(
        account=r.account, debit=r.debit, credit=r.credit, party_type=r.party_type or None,
        party=r.party or None, cost_center=r.cost_center or settings["cost_center"],
        against_voucher_type=r.reference_type or None,
        against_voucher=r.reference_name or None,
        debit_in_account_currency=r.debit_in_account_currency or ZERO,
        credit_in_account_currency=r.credit_in_account_currency or ZERO,
        is_opening=bool(doc.is_opening), remarks=r.user_remark or doc.user_remark or "",
    ) for r in doc.children("accounts")]
    post(ctx, Voucher("Journal Entry", doc.name or "", doc.posting_date, doc.company), lines)
    _refresh_references(ctx, doc)


def on_cancel(ctx: Context, doc: Document) -> None:
    reverse(ctx, "Journal Entry", doc.name or "")
    _refresh_references(ctx, doc)


def _refresh_references(ctx: Context, doc: Document) -> None:
    subledger.refresh_references(ctx, [(r.reference_type, r.reference_name)
                                       for r in doc.children("accounts")])
