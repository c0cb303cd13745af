"""Purchase Invoice: what the business owes a supplier; a return is a debit note."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.accounting.invoicing import invoice
from modules.accounting.invoicing.fields import invoice_fields
from modules.accounting.invoicing.side import PURCHASE

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

DOCTYPE = {
    "name": "Purchase Invoice",
    "autoname": "naming_series:",
    "is_submittable": 1,
    "title_field": "supplier_name",
    "sort_field": "posting_date",
    "search_fields": ["supplier", "bill_no"],
    "fields": invoice_fields("supplier", "credit_to", "Credit To", "Purchase Invoice Item",
                             "Purchase Taxes and Charges", "ACC-PINV-.YYYY.-.#####",
                             "Purchase Invoice") + [
        {"fieldname": "bill_no", "fieldtype": "Data", "label": "Supplier Invoice No",
         "in_list_view": 1},
        {"fieldname": "bill_date", "fieldtype": "Date", "label": "Supplier Invoice Date"},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1,
         "submit": 1, "cancel": 1},
        {"role": "Accounts Manager", "read": 1, "write": 1, "create": 1, "delete": 1,
         "submit": 1, "cancel": 1},
        {"role": "Accounts User", "read": 1, "write": 1, "create": 1, "submit": 1},
        {"role": "Purchase User", "read": 1},
    ],
}


def validate(ctx: Context, doc: Document) -> None:
    invoice.validate(ctx, doc, PURCHASE)


def on_submit(ctx: Context, doc: Document) -> None:
    invoice.on_submit(ctx, doc, PURCHASE)


def before_cancel(ctx: Context, doc: Document) -> None:
    invoice.before_cancel(ctx, doc, PURCHASE)


def on_cancel(ctx: Context, doc: Document) -> None:
    invoice.on_cancel(ctx, doc, PURCHASE)
