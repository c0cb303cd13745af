"""Budget: how much each expense account of a cost center may spend in a fiscal year, and
whether going over stops the posting or only warns."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.db import query
from core.errors import ValidationError

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

DOCTYPE = {
    "name": "Budget",
    "cache_records": 1,
    "autoname": "hash",
    "is_submittable": 1,
    "title_field": "cost_center",
    "fields": [
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company", "reqd": 1, "in_standard_filter": 1},
        {"fieldname": "fiscal_year", "fieldtype": "Link", "options": "Fiscal Year",
         "label": "Fiscal Year", "reqd": 1, "in_list_view": 1},
        {"fieldname": "cost_center", "fieldtype": "Link", "options": "Cost Center",
         "label": "Cost Center", "reqd": 1, "in_list_view": 1},
        {"fieldname": "action_if_annual_budget_exceeded", "fieldtype": "Select",
         "label": "If the Budget is Exceeded", "options": "Stop\nWarn\nIgnore",
         "default": "Stop", "in_list_view": 1},
        {"fieldname": "accounts", "fieldtype": "Table", "options": "Budget Account",
         "label": "Budget Accounts", "reqd": 1},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1,
         "submit": 1, "cancel": 1},
        {"role": "Accounts Manager", "read": 1, "write": 1, "create": 1, "delete": 1,
         "submit": 1, "cancel": 1},
        {"role": "Accounts User", "read": 1},
    ],
}


def validate(ctx: Context, doc: Document) -> None:
    same = query.select_rows(ctx, "Budget", fields=["name"], filters=[
        ["cost_center", "=", doc.cost_center], ["fiscal_year", "=", doc.fiscal_year],
        ["docstatus", "=", 1], ["name", "!=", doc.name or ""]], limit=1)
    if same:
        raise ValidationError(f"Budget {same[0]['name']} already covers {doc.cost_center} "
                              f"in {doc.fiscal_year}", field="cost_center")
    seen: set[str] = set()
    for i, row in enumerate(doc.children("accounts"), start=1):
        if row.account in seen:
            raise ValidationError(f"Accounts row {i}: {row.account} is listed twice",
                                  field="accounts")
        seen.add(row.account)
        if query.get_value(ctx, "Account", row.account, "root_type") != "Expense":
            raise ValidationError(f"Accounts row {i}: {row.account} is not an expense "
                                  "account", field="accounts")
