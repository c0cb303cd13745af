"""GST Return Rule: a limit or a reporting rule of the GST returns from a date on.

The rules change by notification (the B2CL limit fell from 2.5 lakh to 1 lakh rupees on
1 August 2024), so they are data: a new rule is a new row valid from its day, and a
return applies the rows valid in its period. Installing GST adds the notified ones.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.db import query
from core.errors import ValidationError

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

B2CL_LIMIT = "B2CL Invoice Value Limit"
HSN_DIGITS = "HSN Digits"
HSN_SPLIT = "HSN Summary by B2B and B2C"
RULES = (B2CL_LIMIT, HSN_DIGITS, HSN_SPLIT)

DOCTYPE = {
    "name": "GST Return Rule",
    "autoname": "hash",
    "title_field": "description",
    "sort_field": "valid_from",
    "search_fields": ["rule", "valid_from"],
    "fields": [
        {"fieldname": "rule", "fieldtype": "Select", "label": "Rule", "reqd": 1,
         "options": "\n".join(RULES), "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "valid_from", "fieldtype": "Date", "label": "Valid From", "reqd": 1,
         "in_list_view": 1},
        {"fieldname": "amount", "fieldtype": "Currency", "label": "Amount",
         "in_list_view": 1,
         "description": "B2CL: an inter-state invoice to an unregistered buyer above this "
                        "value is listed one by one. HSN Digits: the rule is for an "
                        "aggregate turnover of the previous year above this amount"},
        {"fieldname": "digits", "fieldtype": "Int", "label": "HSN Digits",
         "description": "HSN Digits: the fewest digits an HSN/SAC code of the summary "
                        "may have"},
        {"fieldname": "column_1", "fieldtype": "Column Break"},
        {"fieldname": "description", "fieldtype": "Data", "label": "Description"},
        {"fieldname": "source", "fieldtype": "Small Text", "label": "Source",
         "description": "The notification or advisory that set the rule"},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
        {"role": "Accounts Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
        {"role": "Accounts User", "read": 1},
    ],
}


def validate(ctx: Context, doc: Document) -> None:
    if doc.rule == B2CL_LIMIT and not (doc.amount or 0) > 0:
        raise ValidationError("A B2CL limit needs an amount above zero", field="amount")
    if doc.rule == HSN_DIGITS and doc.digits not in (4, 6, 8):
        raise ValidationError("HSN Digits is 4, 6 or 8", field="digits")
    if (doc.amount or 0) < 0:
        raise ValidationError("Amount cannot be negative", field="amount")
    _check_unique(ctx, doc)
    doc.description = doc.description or _describe(doc)


def _check_unique(ctx: Context, doc: Document) -> None:
    same = query.select_rows(ctx, "GST Return Rule", fields=["name"], filters=[
        ["rule", "=", doc.rule], ["valid_from", "=", doc.valid_from],
        ["amount", "=", doc.amount or 0], ["name", "!=", doc.name or ""]], limit=1)
    if same:
        raise ValidationError(f"{doc.rule} already has a rule from {doc.valid_from} "
                              f"({same[0]['name']})", field="valid_from")


def _describe(doc: Document) -> str:
    if doc.rule == B2CL_LIMIT:
        return f"B2CL above {doc.amount} from {doc.valid_from}"
    if doc.rule == HSN_DIGITS:
        return f"{doc.digits}-digit HSN above a turnover of {doc.amount or 0} " \
               f"from {doc.valid_from}"
    return f"{doc.rule} from {doc.valid_from}"
