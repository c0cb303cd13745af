"""Sales Order: what a customer ordered. Submitting it reserves the stock (and checks
the customer's credit limit); deliveries and invoices made from it count against each
line until everything is delivered and billed."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from core.db import query
from modules.accounting.companies import company_settings
from modules.accounting.invoicing.fields import taxes_and_totals_fields
from modules.base.items import stock_items
from modules.inventory.ledger import reserve
from modules.inventory.units import set_stock_qty
from modules.sales import credit, quoting
from modules.sales.lines import fill_lines, keep_stored
from modules.sales.pricing.apply import price_document
from modules.sales.pricing.fields import HEADER_FIELDS
from modules.sales.status import refresh_order

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)

DOCTYPE = {
    "name": "Sales Order",
    "autoname": "SAL-ORD-.YYYY.-.#####",
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
        {"fieldname": "delivery_date", "fieldtype": "Date", "label": "Delivery Date"},
        {"fieldname": "set_warehouse", "fieldtype": "Link", "options": "Warehouse",
         "label": "Warehouse"},
        *HEADER_FIELDS,
        {"fieldname": "items", "fieldtype": "Table", "options": "Sales Order Item",
         "label": "Items", "reqd": 1},
        *taxes_and_totals_fields("Sales Taxes and Charges", company_currency=False),
        {"fieldname": "per_delivered", "fieldtype": "Percent", "label": "% Delivered",
         "read_only": 1, "allow_on_submit": 1, "in_list_view": 1},
        {"fieldname": "per_billed", "fieldtype": "Percent", "label": "% Billed",
         "read_only": 1, "allow_on_submit": 1, "in_list_view": 1},
        {"fieldname": "status", "fieldtype": "Select", "label": "Status", "read_only": 1,
         "options": "Draft\nTo Deliver and Bill\nTo Bill\nTo Deliver\nCompleted\nCancelled",
         "default": "Draft", "allow_on_submit": 1, "in_list_view": 1,
         "in_standard_filter": 1},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1,
         "submit": 1, "cancel": 1},
        {"role": "Sales Manager", "read": 1, "write": 1, "create": 1, "delete": 1,
         "submit": 1, "cancel": 1},
        {"role": "Sales User", "read": 1, "write": 1, "create": 1, "submit": 1},
        {"role": "Stock User", "read": 1},
        {"role": "Accounts User", "read": 1},
    ],
}


def before_validate(ctx: Context, doc: Document) -> None:
    price_document(ctx, doc)


def validate(ctx: Context, doc: Document) -> None:
    if keep_stored(doc, ("status", "per_delivered", "per_billed")):
        return
    default = doc.set_warehouse or company_settings(ctx, doc.company)["default_warehouse"]
    fill_lines(ctx, doc)
    set_stock_qty(ctx, doc, doc.children("items"))
    for row in doc.children("items"):
        row.warehouse = row.warehouse or default
        row.delivered_qty = row.billed_qty = row.billed_amt = ZERO
    doc.status, doc.per_delivered, doc.per_billed = "Draft", ZERO, ZERO
    quoting.check_ordering(ctx, doc)


def _stock_lines(ctx: Context, doc: Document) -> list[Document]:
    stocked = stock_items(ctx, [r.item_code for r in doc.children("items")])
    return [r for r in doc.children("items") if r.item_code in stocked]


def on_submit(ctx: Context, doc: Document) -> None:
    reserve(ctx, [(r.item_code, r.warehouse, r.stock_qty or r.qty) for r in _stock_lines(ctx, doc)])
    refresh_order(ctx, doc.name or "")
    quoting.record_ordering(ctx, doc, 1)
    credit.check_order(ctx, doc)


def on_cancel(ctx: Context, doc: Document) -> None:
    """Release what is still reserved (ordered, not delivered)."""
    reserve(ctx, [(r.item_code, r.warehouse,
                   -max(r.qty - (r.delivered_qty or ZERO), ZERO) * (r.conversion_factor or 1))
                  for r in _stock_lines(ctx, doc)])
    query.update_row(ctx, "Sales Order", doc.name or "", {"status": "Cancelled"})
    quoting.record_ordering(ctx, doc, -1)
