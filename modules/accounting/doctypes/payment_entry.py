"""Payment Entry: money received from a customer, paid to a supplier, or moved between
the company's own bank and cash accounts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.accounting.payments import entry
from modules.accounting.permissions import vouchers

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document


def _money(fieldname: str, label: str, **extra: object) -> dict[str, object]:
    return {"fieldname": fieldname, "fieldtype": "Currency", "label": label, **extra}


DOCTYPE = {
    "name": "Payment Entry",
    "autoname": "ACC-PAY-.YYYY.-.#####",
    "is_submittable": 1,
    "title_field": "title",
    "sort_field": "posting_date",
    "fields": [
        {"fieldname": "title", "fieldtype": "Data", "label": "Title", "in_list_view": 1},
        {"fieldname": "payment_type", "fieldtype": "Select", "label": "Payment Type",
         "options": "Receive\nPay\nInternal Transfer", "reqd": 1, "default": "Receive",
         "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company", "reqd": 1, "in_standard_filter": 1},
        {"fieldname": "posting_date", "fieldtype": "Date", "label": "Posting Date",
         "reqd": 1, "default": "Today", "in_list_view": 1},
        {"fieldname": "mode_of_payment", "fieldtype": "Link", "options": "Mode of Payment",
         "label": "Mode of Payment"},
        {"fieldname": "column_1", "fieldtype": "Column Break"},
        {"fieldname": "party_type", "fieldtype": "Select", "label": "Party Type",
         "options": "\nCustomer\nSupplier"},
        {"fieldname": "party", "fieldtype": "Dynamic Link", "options": "party_type",
         "label": "Party", "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "reference_no", "fieldtype": "Data", "label": "Cheque / Reference No"},
        {"fieldname": "reference_date", "fieldtype": "Date", "label": "Reference Date"},
        {"fieldname": "clearance_date", "fieldtype": "Date", "label": "Clearance Date",
         "read_only": 1, "allow_on_submit": 1},
        {"fieldname": "section_accounts", "fieldtype": "Section Break", "label": "Accounts"},
        {"fieldname": "paid_from", "fieldtype": "Link", "options": "Account",
         "label": "Account Paid From"},
        {"fieldname": "paid_from_account_currency", "fieldtype": "Data",
         "label": "Paid From Currency", "read_only": 1},
        {"fieldname": "source_exchange_rate", "fieldtype": "Float",
         "label": "Exchange Rate (Paid From)", "precision": 9},
        _money("paid_amount", "Paid Amount", reqd=1, in_list_view=1),
        {"fieldname": "column_2", "fieldtype": "Column Break"},
        {"fieldname": "paid_to", "fieldtype": "Link", "options": "Account",
         "label": "Account Paid To"},
        {"fieldname": "paid_to_account_currency", "fieldtype": "Data",
         "label": "Paid To Currency", "read_only": 1},
        {"fieldname": "target_exchange_rate", "fieldtype": "Float",
         "label": "Exchange Rate (Paid To)", "precision": 9},
        _money("received_amount", "Received Amount"),
        {"fieldname": "section_references", "fieldtype": "Section Break",
         "label": "Allocation"},
        {"fieldname": "references", "fieldtype": "Table",
         "options": "Payment Entry Reference", "label": "Invoices"},
        _money("total_allocated_amount", "Total Allocated", read_only=1),
        _money("unallocated_amount", "Unallocated (Advance)", read_only=1),
        {"fieldname": "deductions", "fieldtype": "Table",
         "options": "Payment Entry Deduction", "label": "Deductions or Write-offs"},
        _money("difference_amount", "Exchange Gain / Loss", read_only=1),
        {"fieldname": "remarks", "fieldtype": "Small Text", "label": "Remarks"},
    ],
    "permissions": vouchers(),
}


def validate(ctx: Context, doc: Document) -> None:
    entry.validate(ctx, doc)


def on_submit(ctx: Context, doc: Document) -> None:
    entry.on_submit(ctx, doc)


def on_cancel(ctx: Context, doc: Document) -> None:
    entry.on_cancel(ctx, doc)
