"""Currency Exchange: how many units of the target currency one unit buys on a date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.errors import ValidationError

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

DOCTYPE = {
    "name": "Currency Exchange",
    "autoname": "hash",
    "sort_field": "date",
    "fields": [
        {"fieldname": "date", "fieldtype": "Date", "label": "Date", "reqd": 1,
         "in_list_view": 1, "search_index": 1},
        {"fieldname": "from_currency", "fieldtype": "Link", "options": "Currency",
         "label": "From", "reqd": 1, "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "to_currency", "fieldtype": "Link", "options": "Currency",
         "label": "To", "reqd": 1, "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "exchange_rate", "fieldtype": "Float", "label": "Exchange Rate",
         "precision": 9, "reqd": 1, "in_list_view": 1},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
        {"role": "Accounts Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
        {"role": "Accounts User", "read": 1},
    ],
}


def validate(ctx: Context, doc: Document) -> None:
    if doc.from_currency == doc.to_currency:
        raise ValidationError("From and To currencies must differ", field="to_currency")
    if doc.exchange_rate is not None and doc.exchange_rate <= 0:
        raise ValidationError("Exchange rate must be above zero", field="exchange_rate")
