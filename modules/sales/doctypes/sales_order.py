"""Sales Order: what a customer ordered. Submitting it reserves the stock; deliveries
made from it count against each line until everything is delivered."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from core.db import query
from core.errors import ValidationError
from core.meta.fieldtypes import quantize
from modules.accounting.companies import company_precision, company_settings
from modules.inventory.ledger import reserve

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
        {"fieldname": "items", "fieldtype": "Table", "options": "Sales Order Item",
         "label": "Items", "reqd": 1},
        {"fieldname": "total", "fieldtype": "Currency", "label": "Total", "read_only": 1,
         "in_list_view": 1},
        {"fieldname": "per_delivered", "fieldtype": "Percent", "label": "% Delivered",
         "read_only": 1, "allow_on_submit": 1, "in_list_view": 1},
        {"fieldname": "status", "fieldtype": "Select", "label": "Status", "read_only": 1,
         "options": "Draft\nTo Deliver\nCompleted\nCancelled", "default": "Draft",
         "allow_on_submit": 1, "in_list_view": 1, "in_standard_filter": 1},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1,
         "submit": 1, "cancel": 1},
        {"role": "Sales Manager", "read": 1, "write": 1, "create": 1, "delete": 1,
         "submit": 1, "cancel": 1},
        {"role": "Sales User", "read": 1, "write": 1, "create": 1, "submit": 1},
        {"role": "Stock User", "read": 1},
    ],
}


def validate(ctx: Context, doc: Document) -> None:
    default = doc.set_warehouse or company_settings(ctx, doc.company)["default_warehouse"]
    precision = company_precision(ctx, doc.company)
    names = {r["name"]: r["item_name"] for r in query.select_rows(
        ctx, "Item", fields=["name", "item_name"],
        filters=[["name", "in", sorted({r.item_code for r in doc.children("items")})]])}
    for i, row in enumerate(doc.children("items"), start=1):
        if (row.qty or ZERO) <= 0:
            raise ValidationError(f"Items row {i}: quantity must be above zero",
                                  field="items")
        row.item_name = row.item_name or names.get(row.item_code)
        row.warehouse = row.warehouse or default
        row.amount = quantize(row.qty * (row.rate or ZERO), precision)
        row.delivered_qty = ZERO
    doc.total = sum((r.amount for r in doc.children("items")), ZERO)
    doc.status, doc.per_delivered = "Draft", ZERO


def _stock_lines(ctx: Context, doc: Document) -> list[Document]:
    codes = sorted({r.item_code for r in doc.children("items")})
    stocked = {r["name"] for r in query.select_rows(ctx, "Item", fields=["name"], filters=[
        ["name", "in", codes], ["is_stock_item", "=", 1]])}
    return [r for r in doc.children("items") if r.item_code in stocked]


def on_submit(ctx: Context, doc: Document) -> None:
    reserve(ctx, [(r.item_code, r.warehouse, r.qty) for r in _stock_lines(ctx, doc)])
    query.update_row(ctx, "Sales Order", doc.name or "", {"status": "To Deliver"})


def on_cancel(ctx: Context, doc: Document) -> None:
    """Release what is still reserved (ordered, not delivered)."""
    reserve(ctx, [(r.item_code, r.warehouse, -(r.qty - (r.delivered_qty or ZERO)))
                  for r in _stock_lines(ctx, doc)])
    query.update_row(ctx, "Sales Order", doc.name or "", {"status": "Cancelled"})
