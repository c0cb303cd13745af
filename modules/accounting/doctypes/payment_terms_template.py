"""Payment Terms Template: how an invoice's total falls due (e.g. 50% in 30 days, the
rest in 60)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from core.errors import ValidationError

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

DOCTYPE = {
    "name": "Payment Terms Template",
    "index_links": 0,  # a handful of records: links to them need no index
    "autoname": "field:template_name",
    "title_field": "template_name",
    "fields": [
        {"fieldname": "template_name", "fieldtype": "Data", "label": "Template Name",
         "reqd": 1, "unique": 1, "in_list_view": 1},
        {"fieldname": "terms", "fieldtype": "Table", "options": "Payment Terms Template Detail",
         "label": "Terms", "reqd": 1},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
        {"role": "Accounts Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
        {"role": "Accounts User", "read": 1},
        {"role": "Sales User", "read": 1},
        {"role": "Purchase User", "read": 1},
    ],
}


def validate(ctx: Context, doc: Document) -> None:
    terms = doc.children("terms")
    total = sum((t.invoice_portion or Decimal(0) for t in terms), Decimal(0))
    if not terms or total != 100:
        raise ValidationError(f"The portions add up to {total}%; they must make 100%",
                              field="terms")
