"""GST Account: where one kind of GST of a company is booked (output tax on sales, input
credit on purchases, and both sides of reverse charge), one record per company and kind.
Created with the company from its chart; an accountant may point them elsewhere."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.db import query
from core.errors import ValidationError
from modules.gst_india.accounts import ACCOUNT_FIELDS, ACCOUNT_TYPES

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document


def _account(fieldname: str, label: str) -> dict[str, object]:
    return {"fieldname": fieldname, "fieldtype": "Link", "options": "Account",
            "label": label, "reqd": 1, "in_list_view": 1}


DOCTYPE = {
    "name": "GST Account",
    "autoname": "hash",
    "cache_records": 1,  # read by every GST document (accounts.gst_accounts)
    "title_field": "account_type",
    "search_fields": ["company", "account_type"],
    "fields": [
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company", "reqd": 1, "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "account_type", "fieldtype": "Select", "label": "Used For",
         "options": "\n".join(ACCOUNT_TYPES), "reqd": 1, "in_list_view": 1},
        {"fieldname": "column_1", "fieldtype": "Column Break"},
        _account("cgst_account", "CGST Account"),
        _account("sgst_account", "SGST/UTGST Account"),
        _account("igst_account", "IGST Account"),
        _account("cess_account", "Cess Account"),
    ],
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
        {"role": "Accounts Manager", "read": 1, "write": 1, "create": 1},
        {"role": "Accounts User", "read": 1},
    ],
}


def validate(ctx: Context, doc: Document) -> None:
    same = query.select_rows(ctx, "GST Account", fields=["name"], filters=[
        ["company", "=", doc.company], ["account_type", "=", doc.account_type],
        ["name", "!=", doc.name or ""]], limit=1)
    if same:
        raise ValidationError(f"{doc.company} already has its {doc.account_type} GST "
                              f"accounts ({same[0]['name']})", field="account_type")
    names = [doc.get(f) for f in ACCOUNT_FIELDS.values()]
    companies = {r["name"]: r["company"] for r in query.select_rows(
        ctx, "Account", fields=["name", "company"], filters=[["name", "in", names]])}
    for field in ACCOUNT_FIELDS.values():
        if companies.get(doc.get(field)) != doc.company:
            raise ValidationError(f"{doc.get(field)} is not an account of {doc.company}",
                                  field=field)
