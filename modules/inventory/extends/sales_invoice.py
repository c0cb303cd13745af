"""What inventory adds to a sales invoice: ``update_stock`` takes the goods out of the
warehouse on submit (a return brings them back) and books their cost of goods sold."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.inventory import selling
from modules.inventory.pricing import fill_rates

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

EXTENDS = "Sales Invoice"
FIELDS = [
    {"fieldname": "update_stock", "fieldtype": "Check", "label": "Update Stock",
     "insert_after": "is_return"},
    {"fieldname": "set_warehouse", "fieldtype": "Link", "options": "Warehouse",
     "label": "Warehouse", "insert_after": "update_stock"},
    {"fieldname": "selling_price_list", "fieldtype": "Link", "options": "Price List",
     "label": "Selling Price List", "insert_after": "currency"},
]


def before_validate(ctx: Context, doc: Document) -> None:
    fill_rates(ctx, doc, doc.get("selling_price_list"))


def validate(ctx: Context, doc: Document) -> None:
    selling.check_stock_lines(ctx, doc)


def before_submit(ctx: Context, doc: Document) -> None:
    selling.number_returns(ctx, doc)


def on_submit(ctx: Context, doc: Document) -> None:
    selling.deliver(ctx, doc)


def on_cancel(ctx: Context, doc: Document) -> None:
    selling.undo_delivery(ctx, doc)
