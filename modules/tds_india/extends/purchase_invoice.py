"""What TDS adds to a purchase invoice: its category (from the supplier), the amounts
and rate TDS was computed on, the deduction itself, and which earlier bills and advances
that deduction covered."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.tds_india.purchase import apply_tds, submit_tds
from modules.tds_india.result_fields import result_fields

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

EXTENDS = "Purchase Invoice"
FIELDS = [
    {"fieldname": "section_tds", "fieldtype": "Section Break", "label": "TDS",
     "insert_after": "remarks"},
    {"fieldname": "tax_withholding_category", "fieldtype": "Link",
     "options": "Tax Withholding Category", "label": "Tax Withholding Category",
     "insert_after": "section_tds", "in_standard_filter": 1},
    {"fieldname": "tds_base_amount", "fieldtype": "Currency",
     "label": "Amount Credited for TDS", "read_only": 1,
     "insert_after": "tax_withholding_category",
     "description": "The bill's amount before GST, in rupees"},
    {"fieldname": "tds_on_this_bill", "fieldtype": "Currency",
     "label": "Taxed on this Bill", "read_only": 1, "insert_after": "tds_base_amount",
     "description": "The part of this bill's own amount its TDS was computed on"},
    *result_fields("tds_on_this_bill"),
    {"fieldname": "tds_vouchers", "fieldtype": "Table",
     "options": "Tax Withholding Voucher", "label": "Amounts Covered by this TDS",
     "read_only": 1, "insert_after": "tds_reason"},
]


def validate(ctx: Context, doc: Document) -> None:
    apply_tds(ctx, doc)


def before_submit(ctx: Context, doc: Document) -> None:
    submit_tds(ctx, doc)
