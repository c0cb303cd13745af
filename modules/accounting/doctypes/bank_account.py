"""Bank Account: a company's account at a bank, tied to its ledger account."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.db import query
from core.errors import ValidationError
from modules.accounting.permissions import managed

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

DOCTYPE = {
    "name": "Bank Account",
    "autoname": "field:account_name",
    "title_field": "account_name",
    "fields": [
        {"fieldname": "account_name", "fieldtype": "Data", "label": "Name", "reqd": 1,
         "unique": 1, "in_list_view": 1},
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company", "reqd": 1, "in_standard_filter": 1},
        {"fieldname": "account", "fieldtype": "Link", "options": "Account",
         "label": "Ledger Account", "reqd": 1, "in_list_view": 1},
        {"fieldname": "bank", "fieldtype": "Data", "label": "Bank", "in_list_view": 1},
        {"fieldname": "bank_account_no", "fieldtype": "Data", "label": "Account Number"},
        {"fieldname": "iban", "fieldtype": "Data", "label": "IBAN / IFSC"},
    ],
    "permissions": managed("Accounts User"),
}


def validate(ctx: Context, doc: Document) -> None:
    account = query.select_rows(ctx, "Account", fields=["company", "account_type"],
                                filters={"name": doc.account or ""}, limit=1)
    if not account or account[0]["company"] != doc.company or \
            account[0]["account_type"] not in ("Bank", "Cash"):
        raise ValidationError(f"{doc.account} is not a bank account of {doc.company}",
                              field="account")
