"""Purchase Order: what the business ordered from a supplier. Submitting it puts its
stock items on order in their warehouses' Bins; receipts and bills made from it count
against each line until everything is received and billed."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from core.errors import ValidationError
from modules.accounting.invoicing.fields import taxes_and_totals_fields
from modules.base.items import stock_items
from modules.inventory.ledger import order
from modules.purchase import ordering, requesting
from modules.purchase.lines import check_lines, retotal, set_currency
from modules.purchase.permissions import buying

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)
STATUSES = ("Draft", "To Receive and Bill", "To Bill", "To Receive", "Completed",
            "Cancelled")

DOCTYPE = {
    "name": "Purchase Order",
    "autoname": "PUR-ORD-.YYYY.-.#####",
    "is_submittable": 1,
    "title_field": "supplier",
    "sort_field": "transaction_date",
    "search_fields": ["supplier"],
    "fields": [
        {"fieldname": "supplier", "fieldtype": "Link", "options": "Supplier",
         "label": "Supplier", "reqd": 1, "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company", "reqd": 1},
        {"fieldname": "transaction_date", "fieldtype": "Date", "label": "Date", "reqd": 1,
         "default": "Today", "in_list_view": 1},
        {"fieldname": "schedule_date", "fieldtype": "Date", "label": "Required By"},
        {"fieldname": "column_1", "fieldtype": "Column Break"},
        {"fieldname": "currency", "fieldtype": "Link", "options": "Currency",
         "label": "Currency"},
        {"fieldname": "conversion_rate", "fieldtype": "Float", "label": "Exchange Rate",
         "precision": 9},
        {"fieldname": "set_warehouse", "fieldtype": "Link", "options": "Warehouse",
         "label": "Warehouse"},
        {"fieldname": "section_items", "fieldtype": "Section Break", "label": "Items"},
        {"fieldname": "items", "fieldtype": "Table", "options": "Purchase Order Item",
         "label": "Items", "reqd": 1},
        *taxes_and_totals_fields("Purchase Taxes and Charges", company_currency=True),
        {"fieldname": "per_received", "fieldtype": "Percent", "label": "% Received",
         "read_only": 1, "allow_on_submit": 1, "in_list_view": 1},
        {"fieldname": "per_billed", "fieldtype": "Percent", "label": "% Billed",
         "read_only": 1, "allow_on_submit": 1, "in_list_view": 1},
        {"fieldname": "status", "fieldtype": "Select", "label": "Status", "read_only": 1,
         "options": "\n".join(STATUSES), "default": "Draft", "allow_on_submit": 1,
         "in_list_view": 1, "in_standard_filter": 1},
    ],
    "permissions": buying(readers=("Stock User", "Stock Manager", "Accounts User")),
}


def validate(ctx: Context, doc: Document) -> None:
    check_lines(ctx, doc, set_currency(ctx, doc, doc.transaction_date))
    for i, row in enumerate(doc.children("items"), start=1):
        row.schedule_date = row.schedule_date or doc.schedule_date or doc.transaction_date
        if row.schedule_date < doc.transaction_date:
            raise ValidationError(f"Items row {i}: required by {row.schedule_date} is "
                                  "before the order's date", field="items")
        row.received_qty, row.billed_qty = ZERO, ZERO
    retotal(ctx, doc)
    doc.status, doc.per_received, doc.per_billed = "Draft", ZERO, ZERO
    requesting.check_ordering(ctx, doc)


def _stock_lines(ctx: Context, doc: Document) -> list[Document]:
    stocked = stock_items(ctx, [r.item_code for r in doc.children("items")])
    return [r for r in doc.children("items") if r.item_code in stocked]


def on_submit(ctx: Context, doc: Document) -> None:
    order(ctx, [(r.item_code, r.warehouse, r.qty) for r in _stock_lines(ctx, doc)])
    requesting.record_ordering(ctx, doc, 1)
    ordering.refresh_status(ctx, doc.name or "")


def on_cancel(ctx: Context, doc: Document) -> None:
    """Take off order what is still to come (ordered, not received)."""
    order(ctx, [(r.item_code, r.warehouse, -(r.qty - (r.received_qty or ZERO)))
                for r in _stock_lines(ctx, doc)])
    requesting.record_ordering(ctx, doc, -1)
    ordering.refresh_status(ctx, doc.name or "")
