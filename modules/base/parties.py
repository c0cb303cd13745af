"""Rules shared by customers and suppliers."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from core.errors import ValidationError

if TYPE_CHECKING:
    from core.document import Document

TAX_ID_RE = re.compile(r"^[A-Za-z0-9 ./-]{2,30}$")


def check_tax_id(doc: Document) -> None:
    """A tax id is free-form by country; country modules (GST) check their own format."""
    tax_id = doc.get("tax_id")
    if tax_id:
        doc.tax_id = tax_id.strip().upper()
        if not TAX_ID_RE.match(doc.tax_id):
            raise ValidationError(f"Tax ID {tax_id!r} has characters a tax id cannot have",
                                  field="tax_id")
