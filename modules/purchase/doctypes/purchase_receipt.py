"""Purchase Receipt: goods received from a supplier. On submit they enter stock at the
line's rate in company currency, posted to the warehouse's stock account against Stock
Received But Not Billed; bills made from it clear that account line by line. A return
(is_return, negative quantities) sends goods back at the rate they came in at."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from core.db import query
from core.errors import ValidationError
from modules.accounting.invoicing.fields import taxes_and_totals_fields
from modules.base.items import stock_items
from modules.inventory.stock_lines import assign_tracking, prepare_lines
from modules.purchase import billing, ordering, receiving
from modules.purchase.lines import check_lines, retotal, set_currency
from modules.purchase.permissions import buying

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)

DOCTYPE = {
    "name": "Purchase Receipt",
    "autoname": "MAT-PRE-.YYYY.-.#####",
    "is_submittable": 1,
    "title_field": "supplier",
    "sort_field": "posting_date",
    "search_fields": ["supplier"],
    "fields": [
        {"fieldname": "supplier", "fieldtype": "Link", "options": "Supplier",
         "label": "Supplier", "reqd": 1, "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company", "reqd": 1},
        {"fieldname": "posting_date", "fieldtype": "Date", "label": "Date", "reqd": 1,
         "default": "Today", "in_list_view": 1},
        {"fieldname": "supplier_delivery_note", "fieldtype": "Data",
         "label": "Supplier Delivery Note"},
        {"fieldname": "column_1", "fieldtype": "Column Break"},
        {"fieldname": "currency", "fieldtype": "Link", "options": "Currency",
         "label": "Currency"},
        {"fieldname": "conversion_rate", "fieldtype": "Float", "label": "Exchange Rate",
         "precision": 9},
        {"fieldname": "set_warehouse", "fieldtype": "Link", "options": "Warehouse",
         "label": "Warehouse"},
        {"fieldname": "is_return", "fieldtype": "Check", "label": "Is Return"},
        {"fieldname": "return_against", "fieldtype": "Link", "options": "Purchase Receipt",
         "label": "Return Against"},
        {"fieldname": "section_items", "fieldtype": "Section Break", "label": "Items"},
        {"fieldname": "items", "fieldtype": "Table", "options": "Purchase Receipt Item",
         "label": "Items", "reqd": 1},
        *taxes_and_totals_fields("Purchase Taxes and Charges", company_currency=True),
        {"fieldname": "per_billed", "fieldtype": "Percent", "label": "% Billed",
         "read_only": 1, "allow_on_submit": 1, "in_list_view": 1},
        {"fieldname": "status", "fieldtype": "Select", "label": "Status", "read_only": 1,
         "options": "Draft\nTo Bill\nCompleted\nReturn\nCancelled", "default": "Draft",
         "allow_on_submit": 1, "in_list_view": 1, "in_standard_filter": 1},
    ],
    "permissions": buying("Stock User", managers=("Stock Manager",),
                          readers=("Accounts User",)),
}


def validate(ctx: Context, doc: Document) -> None:
    check_lines(ctx, doc, set_currency(ctx, doc, doc.posting_date),
                negative=bool(doc.is_return))
    stocked = stock_items(ctx, [r.item_code for r in doc.children("items")])
    for i, row in enumerate(doc.children("items"), start=1):
        if row.item_code not in stocked:
            raise ValidationError(f"Items row {i}: {row.item_code} is not a stock item; "
                                  "bill it from the purchase order", field="items")
        row.billed_qty, row.returned_qty = ZERO, ZERO
    doc.status, doc.per_billed = "Draft", ZERO
    receiving.check_return(ctx, doc)
    retotal(ctx, doc)  # the taxes are shown only: stock is valued at the lines' net rates
    prepare_lines(ctx, doc, doc.children("items"), receiving.comes_in)
    ordering.check_receipt(ctx, doc)


def before_submit(ctx: Context, doc: Document) -> None:
    assign_tracking(ctx, doc, doc.children("items"), receiving.comes_in)


def on_submit(ctx: Context, doc: Document) -> None:
    receiving.receive(ctx, doc)
    ordering.record_receipt(ctx, doc, 1)
    receiving.record_return(ctx, doc, 1)
    billing.refresh_receipt_status(ctx, doc.name or "")


def on_cancel(ctx: Context, doc: Document) -> None:
    receiving.undo_receipt(ctx, doc)
    ordering.record_receipt(ctx, doc, -1)
    receiving.record_return(ctx, doc, -1)
    query.update_row(ctx, "Purchase Receipt", doc.name or "", {"status": "Cancelled"})
