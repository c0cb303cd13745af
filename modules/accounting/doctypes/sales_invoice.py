"""Sales Invoice: what a customer owes for goods or services; a return is a credit note."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.accounting.invoicing import invoice
from modules.accounting.invoicing.fields import invoice_fields
from modules.accounting.invoicing.side import SALES

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

DOCTYPE = {
    "name": "Sales Invoice",
    "autoname": "naming_series:",
    "is_submittable": 1,
    "title_field": "customer_name",
    "sort_field": "posting_date",
    "search_fields": ["customer", "posting_date"],
    "fields": invoice_fields("customer", "debit_to", "Debit To", "Sales Invoice Item",
                             "Sales Taxes and Charges", "ACC-SINV-.YYYY.-.#####",
                             "Sales Invoice"),
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1,
         "submit": 1, "cancel": 1},
        {"role": "Accounts Manager", "read": 1, "write": 1, "create": 1, "delete": 1,
         "submit": 1, "cancel": 1},
        {"role": "Accounts User", "read": 1, "write": 1, "create": 1, "submit": 1},
        {"role": "Sales User", "read": 1},
    ],
}


def validate(ctx: Context, doc: Document) -> None:
    invoice.validate(ctx, doc, SALES)


def on_submit(ctx: Context, doc: Document) -> None:
    invoice.on_submit(ctx, doc, SALES)


def before_cancel(ctx: Context, doc: Document) -> None:
    invoice.before_cancel(ctx, doc, SALES)


def on_cancel(ctx: Context, doc: Document) -> None:
    invoice.on_cancel(ctx, doc, SALES)
