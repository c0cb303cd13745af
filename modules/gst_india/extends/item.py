"""What GST adds to an item: its HSN code (goods) or SAC code (services). Its rates are
GST Rate records, dated, for the item or its HSN heading."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.gst_india.hsn import clean_hsn

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

EXTENDS = "Item"
FIELDS = [
    {"fieldname": "gst_hsn_code", "fieldtype": "Data", "label": "HSN/SAC Code",
     "insert_after": "item_group", "in_standard_filter": 1,
     "description": "4, 6 or 8 digits; SAC codes of services start with 99"},
]


def validate(ctx: Context, doc: Document) -> None:
    doc.gst_hsn_code = clean_hsn(doc.gst_hsn_code)
