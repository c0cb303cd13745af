"""Serial No: one unit of an item, where it is and which documents brought it in and
took it out. The stock ledger keeps those fields (``tracking.py``); a hand edit may change
only the description."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.db import query
from modules.inventory.errors import SerialNoError

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ACTIVE, DELIVERED, INACTIVE = "Active", "Delivered", "Inactive"
KEPT_BY_LEDGER = ("warehouse", "status", "purchase_document_type", "purchase_document_no",
                  "delivery_document_type", "delivery_document_no")

DOCTYPE = {
    "name": "Serial No",
    "autoname": "field:serial_no",
    "title_field": "serial_no",
    "search_fields": ["item_code"],
    "fields": [
        {"fieldname": "serial_no", "fieldtype": "Data", "label": "Serial No", "reqd": 1,
         "unique": 1, "in_list_view": 1},
        {"fieldname": "item_code", "fieldtype": "Link", "options": "Item", "label": "Item",
         "reqd": 1, "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "warehouse", "fieldtype": "Link", "options": "Warehouse",
         "label": "Warehouse", "read_only": 1, "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "status", "fieldtype": "Select", "label": "Status", "read_only": 1,
         "options": f"{ACTIVE}\n{DELIVERED}\n{INACTIVE}", "default": INACTIVE,
         "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "purchase_document_type", "fieldtype": "Data",
         "label": "Received With", "read_only": 1},
        {"fieldname": "purchase_document_no", "fieldtype": "Data",
         "label": "Received With No", "read_only": 1},
        {"fieldname": "delivery_document_type", "fieldtype": "Data",
         "label": "Delivered With", "read_only": 1},
        {"fieldname": "delivery_document_no", "fieldtype": "Data",
         "label": "Delivered With No", "read_only": 1},
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
    if not query.get_value(ctx, "Item", doc.item_code, "has_serial_no"):
        raise SerialNoError(f"{doc.item_code} has no serial numbers", field="item_code")
    stored = query.select_rows(ctx, "Serial No", fields=list(KEPT_BY_LEDGER),
                               filters={"name": doc.name or ""}, limit=1)
    # where the unit is comes from stock movements only, never from a form
    kept = stored[0] if stored else {"status": INACTIVE}
    for field in KEPT_BY_LEDGER:
        doc.set(field, kept.get(field))


def on_trash(ctx: Context, doc: Document) -> None:
    if doc.status != INACTIVE or doc.purchase_document_no:
        raise SerialNoError(f"Serial number {doc.name} has moved in stock; it is kept",
                            field="serial_no")
