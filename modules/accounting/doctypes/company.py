"""Company: a legal entity inside a tenant, with its own chart of accounts and defaults."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from core.errors import ValidationError
from modules.accounting.companies import forget_company
from modules.accounting.setup import set_up_company

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document


def _account(fieldname: str, label: str) -> dict[str, str]:
    return {"fieldname": fieldname, "fieldtype": "Link", "options": "Account",
            "label": label}


DOCTYPE = {
    "name": "Company",
    "index_links": 0,  # a handful of records: links to them need no index
    "cache_records": 1,
    "autoname": "field:company_name",
    "title_field": "company_name",
    "search_fields": ["abbr"],
    "fields": [
        {"fieldname": "company_name", "fieldtype": "Data", "label": "Company Name",
         "reqd": 1, "unique": 1, "in_list_view": 1},
        {"fieldname": "abbr", "fieldtype": "Data", "label": "Abbreviation", "reqd": 1,
         "unique": 1, "in_list_view": 1},
        {"fieldname": "default_currency", "fieldtype": "Link", "options": "Currency",
         "label": "Default Currency", "reqd": 1, "default": "INR", "in_list_view": 1},
        {"fieldname": "country", "fieldtype": "Data", "label": "Country", "reqd": 1,
         "default": "India"},
        {"fieldname": "chart_of_accounts", "fieldtype": "Select",
         "label": "Chart of Accounts", "options": "Standard\nIndia", "default": "Standard"},
        {"fieldname": "column_1", "fieldtype": "Column Break"},
        {"fieldname": "tax_id", "fieldtype": "Data", "label": "Tax ID"},
        {"fieldname": "accounts_frozen_till_date", "fieldtype": "Date",
         "label": "Accounts Frozen Till",
         "description": "No posting on or before this date"},
        {"fieldname": "section_defaults", "fieldtype": "Section Break",
         "label": "Default Accounts"},
        _account("default_receivable_account", "Default Receivable Account"),
        _account("default_payable_account", "Default Payable Account"),
        _account("default_income_account", "Default Income Account"),
        _account("default_expense_account", "Default Expense Account"),
        _account("default_cash_account", "Default Cash Account"),
        {"fieldname": "column_2", "fieldtype": "Column Break"},
        _account("default_bank_account", "Default Bank Account"),
        _account("round_off_account", "Round Off Account"),
        _account("exchange_gain_loss_account", "Exchange Gain / Loss Account"),
        _account("write_off_account", "Write Off Account"),
        _account("retained_earnings_account", "Retained Earnings Account"),
        {"fieldname": "cost_center", "fieldtype": "Link", "options": "Cost Center",
         "label": "Default Cost Center"},
        {"fieldname": "round_off_cost_center", "fieldtype": "Link",
         "options": "Cost Center", "label": "Round Off Cost Center"},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
        {"role": "Accounts Manager", "read": 1, "write": 1, "create": 1},
        {"role": "All", "read": 1},
    ],
}

ABBR_RE = re.compile(r"^[A-Z0-9]{1,10}$")


def validate(ctx: Context, doc: Document) -> None:
    doc.abbr = (doc.abbr or "").strip().upper()
    if not ABBR_RE.match(doc.abbr):
        raise ValidationError("Abbreviation is 1 to 10 letters or digits", field="abbr")


def after_insert(ctx: Context, doc: Document) -> None:
    set_up_company(ctx, doc)


def on_update(ctx: Context, doc: Document) -> None:
    forget_company(ctx, doc.name or "")
