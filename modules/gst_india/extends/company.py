"""What GST adds to a company: its GSTIN, category and PAN, its registered state, whether
it exports under a Letter of Undertaking, and its GST accounts (set up with the company)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.gst_india.accounts import set_up_gst_accounts
from modules.gst_india.registration import check_registration, registration_fields
from modules.gst_india.states import label_of_gstin

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

EXTENDS = "Company"
FIELDS = [
    {"fieldname": "section_gst", "fieldtype": "Section Break", "label": "GST"},
    *registration_fields(after="section_gst"),
    {"fieldname": "gst_state", "fieldtype": "Data", "label": "GST State", "read_only": 1,
     "insert_after": "pan"},
    {"fieldname": "gst_export_under_lut", "fieldtype": "Check",
     "label": "Exports and SEZ Supplies under LUT", "insert_after": "gst_state",
     "description": "Zero-rated supplies without payment of IGST, under a Letter of "
                    "Undertaking"},
    {"fieldname": "gst_lut_number", "fieldtype": "Data", "label": "LUT Reference Number",
     "insert_after": "gst_export_under_lut"},
]

INDIA = "India"


def validate(ctx: Context, doc: Document) -> None:
    check_registration(doc)
    doc.gst_state = label_of_gstin(doc.gstin)


def after_insert(ctx: Context, doc: Document) -> None:
    if doc.country == INDIA:
        set_up_gst_accounts(ctx, doc.name or "")
