"""What TDS adds to a payment entry: TDS deducted on an advance paid to a supplier."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.tds_india.advance import apply_advance_tds, submit_advance_tds
from modules.tds_india.result_fields import result_fields

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

EXTENDS = "Payment Entry"
FIELDS = [
    {"fieldname": "section_tds", "fieldtype": "Section Break", "label": "TDS on Advance",
     "insert_after": "remarks"},
    {"fieldname": "tax_withholding_category", "fieldtype": "Link",
     "options": "Tax Withholding Category", "label": "Tax Withholding Category",
     "insert_after": "section_tds",
     "description": "Only on an advance to a supplier (a payment without invoices)"},
    {"fieldname": "advance_before_tds", "fieldtype": "Currency",
     "label": "Advance Before TDS", "insert_after": "tax_withholding_category",
     "description": "What the supplier is credited with; the paid amount is this less "
                    "the TDS (taken from the paid amount when empty)"},
    *result_fields("advance_before_tds"),
]


def before_validate(ctx: Context, doc: Document) -> None:
    apply_advance_tds(ctx, doc)


def before_submit(ctx: Context, doc: Document) -> None:
    submit_advance_tds(ctx, doc)
