"""What TDS adds to a supplier: the category its bills take and its deductee status."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.tds_india.party_fields import fill_deductee_type, party_fields

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

EXTENDS = "Supplier"
FIELDS = party_fields("tax_withholding_category", "Tax Withholding Category")


def validate(ctx: Context, doc: Document) -> None:
    fill_deductee_type(doc)
