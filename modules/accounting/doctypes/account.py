"""Account: a node of a company's chart of accounts; only ledger (non-group) accounts
take postings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.db import query
from core.errors import MandatoryError, ValidationError
from modules.accounting.companies import company_settings, with_abbr
from modules.accounting.permissions import managed

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ROOT_TYPES = ("Asset", "Liability", "Equity", "Income", "Expense")
BALANCE_SHEET = ("Asset", "Liability", "Equity")
ACCOUNT_TYPES = ("", "Accumulated Depreciation", "Bank", "Cash", "Chargeable",
                 "Cost of Goods Sold", "Depreciation", "Equity", "Expense Account",
                 "Expenses Included In Valuation", "Fixed Asset", "Income Account",
                 "Payable", "Receivable", "Round Off", "Stock", "Stock Adjustment",
                 "Stock Received But Not Billed", "Tax", "Temporary")

DOCTYPE = {
    "name": "Account",
    "cache_records": 1,
    "autoname": "controller",
    "title_field": "account_name",
    "search_fields": ["account_number", "company", "account_type"],
    "sort_field": "name",
    "sort_order": "asc",
    "fields": [
        {"fieldname": "account_name", "fieldtype": "Data", "label": "Account Name",
         "reqd": 1, "in_list_view": 1},
        {"fieldname": "account_number", "fieldtype": "Data", "label": "Account Number"},
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company", "reqd": 1, "in_standard_filter": 1},
        {"fieldname": "parent_account", "fieldtype": "Link", "options": "Account",
         "label": "Parent Account", "in_list_view": 1},
        {"fieldname": "is_group", "fieldtype": "Check", "label": "Is Group",
         "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "column_1", "fieldtype": "Column Break"},
        {"fieldname": "root_type", "fieldtype": "Select", "label": "Root Type",
         "options": "\n".join(ROOT_TYPES), "in_standard_filter": 1},
        {"fieldname": "report_type", "fieldtype": "Select", "label": "Report Type",
         "options": "Balance Sheet\nProfit and Loss", "read_only": 1},
        {"fieldname": "account_type", "fieldtype": "Select", "label": "Account Type",
         "options": "\n".join(ACCOUNT_TYPES), "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "account_currency", "fieldtype": "Link", "options": "Currency",
         "label": "Currency"},
        {"fieldname": "disabled", "fieldtype": "Check", "label": "Disabled"},
    ],
    "permissions": managed("Accounts User"),
}


def before_insert(ctx: Context, doc: Document) -> None:
    if not doc.company:
        raise MandatoryError("Company is required", field="company")
    abbr = company_settings(ctx, doc.company)["abbr"]
    title = f"{doc.account_number} - {doc.account_name}" if doc.account_number \
        else doc.account_name
    doc.name = with_abbr(title, abbr) if title else None


def validate(ctx: Context, doc: Document) -> None:
    settings = company_settings(ctx, doc.company)
    if doc.parent_account:
        parent = query.select_rows(ctx, "Account", fields=["company", "is_group", "root_type"],
                                   filters={"name": doc.parent_account}, limit=1)
        if parent and parent[0]["company"] != doc.company:
            raise ValidationError(f"Parent account {doc.parent_account} belongs to another "
                                  "company", field="parent_account")
        if parent and not parent[0]["is_group"]:
            raise ValidationError(f"Parent account {doc.parent_account} is not a group",
                                  field="parent_account")
        if parent:
            doc.root_type = parent[0]["root_type"]
    if doc.root_type not in ROOT_TYPES:
        raise ValidationError("Root Type is one of " + ", ".join(ROOT_TYPES),
                              field="root_type")
    doc.report_type = "Balance Sheet" if doc.root_type in BALANCE_SHEET else "Profit and Loss"
    doc.account_currency = doc.account_currency or settings["default_currency"]
    _check_group_change(ctx, doc)


def _check_group_change(ctx: Context, doc: Document) -> None:
    if doc.previous is None or doc.previous.get("is_group") == doc.is_group:
        return
    if doc.is_group and query.exists(ctx, "GL Entry", {"account": doc.name}):
        raise ValidationError(f"{doc.name} has ledger entries, so it cannot become a group",
                              field="is_group")
    if not doc.is_group and query.exists(ctx, "Account", {"parent_account": doc.name}):
        raise ValidationError(f"{doc.name} holds other accounts, so it must stay a group",
                              field="is_group")
