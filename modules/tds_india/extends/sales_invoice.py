"""What TCS adds to a sales invoice: its category (from the customer), the amount TCS
was computed on, the rate and the tax collected."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.tds_india.sales import apply_tcs

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

EXTENDS = "Sales Invoice"
FIELDS = [
    {"fieldname": "section_tcs", "fieldtype": "Section Break", "label": "TCS",
     "insert_after": "remarks"},
    {"fieldname": "tax_collection_category", "fieldtype": "Link",
     "options": "Tax Withholding Category", "label": "Tax Collection Category",
     "insert_after": "section_tcs"},
    {"fieldname": "tcs_base_amount", "fieldtype": "Currency", "label": "Amount for TCS",
     "read_only": 1, "insert_after": "tax_collection_category"},
    {"fieldname": "tcs_rate", "fieldtype": "Percent", "label": "TCS Rate", "precision": 3,
     "read_only": 1, "insert_after": "tcs_base_amount"},
    {"fieldname": "tcs_amount", "fieldtype": "Currency", "label": "TCS Amount",
     "read_only": 1, "insert_after": "tcs_rate"},
    {"fieldname": "tcs_reason", "fieldtype": "Data", "label": "27EQ Remarks",
     "read_only": 1, "insert_after": "tcs_amount",
     "description": "C: higher rate, no PAN"},
]


def validate(ctx: Context, doc: Document) -> None:
    apply_tcs(ctx, doc)
