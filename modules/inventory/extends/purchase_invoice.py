"""What inventory adds to a purchase invoice: ``update_stock`` brings the goods into the
warehouse on submit, valued at what the invoice charges for them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.inventory import buying
from modules.inventory.pricing import fill_rates

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

EXTENDS = "Purchase Invoice"
FIELDS = [
    {"fieldname": "update_stock", "fieldtype": "Check", "label": "Update Stock",
     "insert_after": "is_return"},
    {"fieldname": "set_warehouse", "fieldtype": "Link", "options": "Warehouse",
     "label": "Warehouse", "insert_after": "update_stock"},
    {"fieldname": "buying_price_list", "fieldtype": "Link", "options": "Price List",
     "label": "Buying Price List", "insert_after": "currency"},
]


def before_validate(ctx: Context, doc: Document) -> None:
    fill_rates(ctx, doc, doc.get("buying_price_list"))


def validate(ctx: Context, doc: Document) -> None:
    buying.route_stock_lines(ctx, doc)


def before_submit(ctx: Context, doc: Document) -> None:
    buying.number_receipts(ctx, doc)


def on_submit(ctx: Context, doc: Document) -> None:
    buying.receive(ctx, doc)


def on_cancel(ctx: Context, doc: Document) -> None:
    buying.undo_receipt(ctx, doc)
