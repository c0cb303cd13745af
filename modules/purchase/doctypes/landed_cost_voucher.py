"""Landed Cost Voucher: freight, duty and other costs of bringing goods in, added to the
value of the goods of one or more purchase receipts. Submitting it revalues the goods
(stock account Dr, charge accounts Cr); cancelling it takes the value back out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.purchase import landed_cost
from modules.purchase.permissions import FULL

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

DOCTYPE = {
    "name": "Landed Cost Voucher",
    "autoname": "MAT-LCV-.YYYY.-.#####",
    "is_submittable": 1,
    "sort_field": "posting_date",
    "fields": [
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company", "reqd": 1, "in_standard_filter": 1},
        {"fieldname": "posting_date", "fieldtype": "Date", "label": "Date", "reqd": 1,
         "default": "Today", "in_list_view": 1},
        {"fieldname": "distribute_charges_based_on", "fieldtype": "Select",
         "label": "Distribute Charges By", "options": "Amount\nQty", "default": "Amount",
         "reqd": 1},
        {"fieldname": "purchase_receipts", "fieldtype": "Table",
         "options": "Landed Cost Purchase Receipt", "label": "Purchase Receipts",
         "reqd": 1},
        {"fieldname": "taxes", "fieldtype": "Table",
         "options": "Landed Cost Taxes and Charges", "label": "Charges", "reqd": 1},
        {"fieldname": "items", "fieldtype": "Table", "options": "Landed Cost Item",
         "label": "Receipt Items"},
        {"fieldname": "total_taxes_and_charges", "fieldtype": "Currency",
         "label": "Total Charges", "read_only": 1, "in_list_view": 1},
    ],
    "permissions": [
        {"role": "System Manager", **FULL}, {"role": "Stock Manager", **FULL},
        {"role": "Purchase Manager", **FULL}, {"role": "Accounts Manager", **FULL},
        {"role": "Stock User", "read": 1}, {"role": "Purchase User", "read": 1},
        {"role": "Accounts User", "read": 1},
    ],
}


def validate(ctx: Context, doc: Document) -> None:
    landed_cost.check_receipts(ctx, doc)
    landed_cost.check_charges(ctx, doc)
    landed_cost.distribute(ctx, doc)


def on_submit(ctx: Context, doc: Document) -> None:
    landed_cost.add_to_stock(ctx, doc)


def on_cancel(ctx: Context, doc: Document) -> None:
    landed_cost.take_from_stock(ctx, doc)
