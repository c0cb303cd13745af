"""What TCS adds to a customer: the category its sales take and its status."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.tds_india.party_fields import fill_deductee_type, party_fields

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

EXTENDS = "Customer"
FIELDS = party_fields("tax_collection_category", "Tax Collection Category (TCS)")


def validate(ctx: Context, doc: Document) -> None:
    fill_deductee_type(doc)
