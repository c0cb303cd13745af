"""Delivery Note: goods handed to a customer. Stock leaves on submit (its cost posted to
Cost of Goods Sold); invoices made from it bill what is still unbilled, line by line."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from core.db import query
from modules.accounting.companies import company_settings
from modules.accounting.invoicing.fields import taxes_and_totals_fields
from modules.accounting.posting import PostingLine, Voucher, post, reverse
from modules.inventory.ledger import StockVoucher, move_stock, reverse_stock, warehouse_accounts
from modules.inventory.stock_lines import line_move, prepare_lines
from modules.sales import ordering
from modules.sales.lines import fill_lines, keep_stored
from modules.sales.pricing.apply import price_document
from modules.sales.pricing.fields import HEADER_FIELDS

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)

DOCTYPE = {
    "name": "Delivery Note",
    "autoname": "MAT-DN-.YYYY.-.#####",
    "is_submittable": 1,
    "title_field": "customer",
    "sort_field": "posting_date",
    "fields": [
        {"fieldname": "customer", "fieldtype": "Link", "options": "Customer",
         "label": "Customer", "reqd": 1, "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company", "reqd": 1},
        {"fieldname": "posting_date", "fieldtype": "Date", "label": "Date", "reqd": 1,
         "default": "Today", "in_list_view": 1},
        {"fieldname": "set_warehouse", "fieldtype": "Link", "options": "Warehouse",
         "label": "Warehouse"},
        *HEADER_FIELDS,
        {"fieldname": "items", "fieldtype": "Table", "options": "Delivery Note Item",
         "label": "Items", "reqd": 1},
        *taxes_and_totals_fields("Sales Taxes and Charges", company_currency=False),
        {"fieldname": "per_billed", "fieldtype": "Percent", "label": "% Billed",
         "read_only": 1, "allow_on_submit": 1, "in_list_view": 1},
        {"fieldname": "status", "fieldtype": "Select", "label": "Status", "read_only": 1,
         "options": "Draft\nTo Bill\nCompleted\nCancelled", "default": "Draft",
         "allow_on_submit": 1, "in_list_view": 1, "in_standard_filter": 1},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1,
         "submit": 1, "cancel": 1},
        {"role": "Stock Manager", "read": 1, "write": 1, "create": 1, "delete": 1,
         "submit": 1, "cancel": 1},
        {"role": "Stock User", "read": 1, "write": 1, "create": 1, "submit": 1},
        {"role": "Sales User", "read": 1, "write": 1, "create": 1, "submit": 1},
        {"role": "Accounts User", "read": 1},
    ],
}


def before_validate(ctx: Context, doc: Document) -> None:
    price_document(ctx, doc)


def validate(ctx: Context, doc: Document) -> None:
    if keep_stored(doc, ("status", "per_billed")):
        return
    default = doc.set_warehouse or company_settings(ctx, doc.company)["default_warehouse"]
    fill_lines(ctx, doc)
    for row in doc.children("items"):
        row.warehouse = row.warehouse or default
        row.billed_qty = ZERO
    prepare_lines(ctx, doc, doc.children("items"))
    doc.status, doc.per_billed = "Draft", ZERO
    ordering.check_delivery(ctx, doc)


def on_submit(ctx: Context, doc: Document) -> None:
    rows = doc.children("items")
    voucher = StockVoucher("Delivery Note", doc.name or "", doc.posting_date, doc.company)
    settings = company_settings(ctx, doc.company)
    cogs = settings["default_expense_account"]
    changes = move_stock(ctx, voucher, [line_move(r, r.warehouse, -1, against_account=cogs)
                                        for r in rows])
    accounts = warehouse_accounts(ctx, [r.warehouse for r in rows])
    lines = []
    for row, change in zip(rows, changes, strict=True):
        lines += [PostingLine(settings["default_expense_account"], debit=-change,
                              cost_center=settings["cost_center"]),
                  PostingLine(accounts[row.warehouse], credit=-change)]
    post(ctx, Voucher("Delivery Note", doc.name or "", doc.posting_date, doc.company), lines)
    query.update_row(ctx, "Delivery Note", doc.name or "", {"status": "To Bill"})
    ordering.record_delivery(ctx, doc, 1)


def on_cancel(ctx: Context, doc: Document) -> None:
    reverse_stock(ctx, StockVoucher("Delivery Note", doc.name or "", ctx.now.date(),
                                    doc.company))
    reverse(ctx, "Delivery Note", doc.name or "")
    query.update_row(ctx, "Delivery Note", doc.name or "", {"status": "Cancelled"})
    ordering.record_delivery(ctx, doc, -1)
