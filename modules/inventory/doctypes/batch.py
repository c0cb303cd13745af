"""Batch: a lot of an item made or received together, with its expiry date. Its stock in
each warehouse is the sum of the stock ledger rows that name it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.db import query
from modules.inventory.errors import BatchError

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

DOCTYPE = {
    "name": "Batch",
    "autoname": "field:batch_id",
    "title_field": "batch_id",
    "search_fields": ["item"],
    "fields": [
        {"fieldname": "batch_id", "fieldtype": "Data", "label": "Batch ID", "reqd": 1,
         "unique": 1, "in_list_view": 1},
        {"fieldname": "item", "fieldtype": "Link", "options": "Item", "label": "Item",
         "reqd": 1, "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "manufacturing_date", "fieldtype": "Date",
         "label": "Manufacturing Date"},
        {"fieldname": "expiry_date", "fieldtype": "Date", "label": "Expiry Date",
         "in_list_view": 1},
        {"fieldname": "disabled", "fieldtype": "Check", "label": "Disabled",
         "in_standard_filter": 1},
        {"fieldname": "description", "fieldtype": "Small Text", "label": "Description"},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
        {"role": "Stock Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
        {"role": "Stock User", "read": 1, "write": 1, "create": 1},
        {"role": "Sales User", "read": 1}, {"role": "Purchase User", "read": 1},
    ],
}


def validate(ctx: Context, doc: Document) -> None:
    if not query.get_value(ctx, "Item", doc.item, "has_batch_no"):
        raise BatchError(f"{doc.item} is not kept in batches", field="item")
    if doc.expiry_date and doc.manufacturing_date and \
            doc.expiry_date < doc.manufacturing_date:
        raise BatchError("The expiry date cannot be before the manufacturing date",
                         field="expiry_date")
