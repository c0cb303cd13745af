"""The fields TDS and TCS add to suppliers and customers: the category their documents
take and the deductee's status (from the PAN's fourth character unless set)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.db import query
from core.errors import ValidationError
from modules.tds_india.deductees import DEDUCTEE_TYPES, status_of_pan

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document


def party_fields(category_field: str, label: str) -> list[dict[str, object]]:
    return [
        {"fieldname": category_field, "fieldtype": "Link",
         "options": "Tax Withholding Category", "label": label, "insert_after": "pan"},
        {"fieldname": "deductee_type", "fieldtype": "Select", "label": "Deductee Type",
         "options": "\n".join(("", *DEDUCTEE_TYPES)), "insert_after": category_field,
         "description": "Taken from the PAN when empty"},
    ]


def fill_deductee_type(doc: Document) -> None:
    """An empty status follows the PAN; a status the PAN contradicts is refused."""
    from_pan = status_of_pan(doc.pan)
    if doc.deductee_type and from_pan and doc.deductee_type != from_pan:
        raise ValidationError(f"PAN {doc.pan} belongs to a {from_pan}, not a "
                              f"{doc.deductee_type}", field="deductee_type")
    doc.deductee_type = doc.deductee_type or from_pan


def default_category(ctx: Context, doc: Document, party_type: str, field: str) -> None:
    """A new document, or a draft given another party, takes the party's category unless
    the same save sets one."""
    party_field = party_type.lower()
    before = doc.previous or {}
    if before and (before.get(party_field) == doc.get(party_field)
                   or doc.get(field) != before.get(field)):
        return
    if not before and doc.get(field):
        return
    doc.set(field, query.get_value(ctx, party_type, doc.get(party_field), field))
