"""GST Rate: the GST and cess rate of an item or an HSN heading from a date on.

Rates are data: when the GST Council changes them (as on 22 September 2025), add a row
valid from that day; documents dated before it keep the old rate.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.db import query
from core.errors import ValidationError
from modules.gst_india.hsn import clean_hsn
from modules.gst_india.rates import check_gst_rate

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

DOCTYPE = {
    "name": "GST Rate",
    "autoname": "hash",
    "cache_records": 1,  # read by every GST document (rates.py); changed by budgets
    "title_field": "description",
    "sort_field": "valid_from",
    "search_fields": ["item_code", "gst_hsn_code", "valid_from"],
    "fields": [
        {"fieldname": "item_code", "fieldtype": "Link", "options": "Item", "label": "Item",
         "in_list_view": 1, "in_standard_filter": 1,
         "description": "Either an item or an HSN/SAC code"},
        {"fieldname": "gst_hsn_code", "fieldtype": "Data", "label": "HSN/SAC Code",
         "in_list_view": 1, "in_standard_filter": 1,
         "description": "Applies to every item whose code starts with it"},
        {"fieldname": "description", "fieldtype": "Data", "label": "Description"},
        {"fieldname": "column_1", "fieldtype": "Column Break"},
        {"fieldname": "gst_rate", "fieldtype": "Percent", "label": "GST Rate", "reqd": 1,
         "in_list_view": 1},
        {"fieldname": "cess_rate", "fieldtype": "Percent", "label": "Cess Rate",
         "default": 0},
        {"fieldname": "valid_from", "fieldtype": "Date", "label": "Valid From", "reqd": 1,
         "in_list_view": 1},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
        {"role": "Accounts Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
        {"role": "Accounts User", "read": 1},
        {"role": "Sales User", "read": 1},
        {"role": "Purchase User", "read": 1},
    ],
}


def validate(ctx: Context, doc: Document) -> None:
    doc.gst_hsn_code = clean_hsn(doc.gst_hsn_code)
    if bool(doc.item_code) == bool(doc.gst_hsn_code):
        raise ValidationError("A GST Rate is for an item or for an HSN/SAC code, one of "
                              "the two", field="item_code")
    doc.gst_rate = check_gst_rate(doc.gst_rate)
    if (doc.cess_rate or 0) < 0:
        raise ValidationError("Cess rate cannot be negative", field="cess_rate")
    _check_unique(ctx, doc)
    doc.description = doc.description or \
        f"{doc.item_code or doc.gst_hsn_code} {doc.gst_rate}% from {doc.valid_from}"


def _check_unique(ctx: Context, doc: Document) -> None:
    target = ["item_code", "=", doc.item_code] if doc.item_code \
        else ["gst_hsn_code", "=", doc.gst_hsn_code]
    same = query.select_rows(ctx, "GST Rate", fields=["name"], filters=[
        target, ["valid_from", "=", doc.valid_from], ["name", "!=", doc.name or ""]],
        limit=1)
    if same:
        raise ValidationError(f"{doc.item_code or doc.gst_hsn_code} already has a GST rate "
                              f"from {doc.valid_from} ({same[0]['name']})",
                              field="valid_from")
