"""What inventory adds to a purchase invoice: ``update_stock`` brings the goods into the
warehouse on submit, valued at what the invoice charges for them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.inventory import buying

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

EXTENDS = "Purchase Invoice"
FIELDS = [
    {"fieldname": "update_stock", "fieldtype": "Check", "label": "Update Stock",
     "insert_after": "is_return"},
    {"fieldname": "set_warehouse", "fieldtype": "Link", "options": "Warehouse",
     "label": "Warehouse", "insert_after": "update_stock"},
]


def validate(ctx: Context, doc: Document) -> None:
    buying.route_stock_lines(ctx, doc)


def on_submit(ctx: Context, doc: Document) -> None:
    buying.receive(ctx, doc)


def on_cancel(ctx: Context, doc: Document) -> None:
    buying.undo_receipt(ctx, doc)
