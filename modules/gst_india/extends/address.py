"""What GST adds to an address: the GSTIN registered there and its GST state, which is
the place of supply of an invoice billed to it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.errors import ValidationError
from modules.gst_india.gstin import clean_gstin
from modules.gst_india.states import (
    OTHER_COUNTRIES,
    STATE_OPTIONS,
    label_of_gstin,
    state_from_text,
)

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

EXTENDS = "Address"
FIELDS = [
    {"fieldname": "gstin", "fieldtype": "Data", "label": "GSTIN / UIN",
     "insert_after": "country"},
    {"fieldname": "gst_state", "fieldtype": "Select", "label": "GST State",
     "options": STATE_OPTIONS, "insert_after": "gstin",
     "description": "Filled from the GSTIN, else from the state"},
]


def validate(ctx: Context, doc: Document) -> None:
    if doc.gstin:
        doc.gstin = clean_gstin(doc.gstin, "gstin", allow_uin=True)
    registered = label_of_gstin(doc.gstin)
    if doc.gst_state and registered and doc.gst_state != registered:
        raise ValidationError(f"GSTIN {doc.gstin} is registered in {registered}, not "
                              f"{doc.gst_state}", field="gst_state")
    doc.gst_state = doc.gst_state or registered or _from_state(doc)


def _from_state(doc: Document) -> str | None:
    if (doc.country or "India").strip().casefold() != "india":
        return OTHER_COUNTRIES
    state = state_from_text(doc.state)
    return state.label if state else None
