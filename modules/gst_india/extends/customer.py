"""What GST adds to a customer: its GSTIN, GST category and PAN."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.gst_india.registration import check_registration, registration_fields

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

EXTENDS = "Customer"
FIELDS = registration_fields(after="tax_id")


def validate(ctx: Context, doc: Document) -> None:
    check_registration(doc)
