"""Quotation: prices offered to a customer until a date. Sales orders made from it
count against each line; its status says whether it is open, ordered, expired or lost."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from core.db import query
from core.errors import ValidationError
from modules.accounting.invoicing.fields import taxes_and_totals_fields
from modules.sales import quoting
from modules.sales.lines import fill_lines, keep_stored
from modules.sales.pricing.apply import price_document
from modules.sales.pricing.fields import HEADER_FIELDS

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)

DOCTYPE = {
    "name": "Quotation",
    "autoname": "SAL-QTN-.YYYY.-.#####",
    "is_submittable": 1,
    "title_field": "customer",
    "sort_field": "transaction_date",
    "fields": [
        {"fieldname": "customer", "fieldtype": "Link", "options": "Customer",
         "label": "Customer", "reqd": 1, "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company", "reqd": 1},
        {"fieldname": "transaction_date", "fieldtype": "Date", "label": "Date", "reqd": 1,
         "default": "Today", "in_list_view": 1},
        {"fieldname": "valid_till", "fieldtype": "Date", "label": "Valid Till",
         "in_list_view": 1},
        *HEADER_FIELDS,
        {"fieldname": "items", "fieldtype": "Table", "options": "Quotation Item",
         "label": "Items", "reqd": 1},
        *taxes_and_totals_fields("Sales Taxes and Charges", company_currency=False),
        {"fieldname": "status", "fieldtype": "Select", "label": "Status", "read_only": 1,
         "options": "\n".join(quoting.STATUSES), "default": "Draft", "allow_on_submit": 1,
         "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "order_lost_reason", "fieldtype": "Small Text",
         "label": "Reason Lost", "read_only": 1, "allow_on_submit": 1},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1,
         "submit": 1, "cancel": 1},
        {"role": "Sales Manager", "read": 1, "write": 1, "create": 1, "delete": 1,
         "submit": 1, "cancel": 1},
        {"role": "Sales User", "read": 1, "write": 1, "create": 1, "submit": 1},
    ],
}


def before_validate(ctx: Context, doc: Document) -> None:
    price_document(ctx, doc)


def validate(ctx: Context, doc: Document) -> None:
    if keep_stored(doc, ("status", "order_lost_reason")):
        return
    if doc.valid_till and doc.valid_till < doc.transaction_date:
        raise ValidationError("Valid Till cannot be before the quotation's date",
                              field="valid_till")
    fill_lines(ctx, doc)
    for row in doc.children("items"):
        row.ordered_qty = ZERO
    doc.status, doc.order_lost_reason = "Draft", None


def on_submit(ctx: Context, doc: Document) -> None:
    quoting.refresh_quotation(ctx, doc.name or "")


def on_cancel(ctx: Context, doc: Document) -> None:
    query.update_row(ctx, "Quotation", doc.name or "", {"status": "Cancelled"})
