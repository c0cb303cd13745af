"""What selling adds to a customer: a credit limit per company."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from core.errors import ValidationError

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

EXTENDS = "Customer"
FIELDS = [
    {"fieldname": "credit_limits", "fieldtype": "Table", "options": "Customer Credit Limit",
     "label": "Credit Limits"},
]


def validate(ctx: Context, doc: Document) -> None:
    seen: set[str] = set()
    for i, row in enumerate(doc.children("credit_limits"), start=1):
        if row.company in seen:
            raise ValidationError(f"Credit Limits row {i}: {row.company} has a limit "
                                  "already", field="credit_limits")
        seen.add(row.company)
        if (row.credit_limit or Decimal(0)) < 0:
            raise ValidationError(f"Credit Limits row {i}: the limit cannot be negative",
                                  field="credit_limits")
