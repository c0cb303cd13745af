"""Loyalty Program: who collects points in a company, how many per amount spent in
each tier, what a point is worth, how long it lasts, and the accounts its points post
to (``accounts.py`` makes the defaults)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from core.db import query
from modules.accounting.companies import company_settings
from modules.loyalty.accounts import MODE_OF_PAYMENT, mode_account, set_up_company
from modules.loyalty.errors import ConversionFactorLocked, InvalidProgram
from modules.loyalty.programs import forget

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)
ACCOUNT_ROOTS = {"liability_account": ("Liability",),
                 "expense_account": ("Income", "Expense"),
                 "breakage_account": ("Income",)}

DOCTYPE = {
    "name": "Loyalty Program",
    "index_links": 0,  # a handful of records: links to them need no index
    "autoname": "field:loyalty_program_name",
    "title_field": "loyalty_program_name",
    "search_fields": ["company"],
    "fields": [
        {"fieldname": "loyalty_program_name", "fieldtype": "Data", "label": "Name",
         "reqd": 1, "unique": 1, "in_list_view": 1},
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company", "reqd": 1, "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "disabled", "fieldtype": "Check", "label": "Disabled"},
        {"fieldname": "auto_opt_in", "fieldtype": "Check",
         "label": "Enrol Customers Automatically"},
        {"fieldname": "customer_group", "fieldtype": "Link", "options": "Customer Group",
         "label": "Customer Group"},
        {"fieldname": "customer_territory", "fieldtype": "Link", "options": "Territory",
         "label": "Territory"},
        {"fieldname": "from_date", "fieldtype": "Date", "label": "From Date", "reqd": 1},
        {"fieldname": "to_date", "fieldtype": "Date", "label": "To Date"},
        {"fieldname": "column_1", "fieldtype": "Column Break"},
        {"fieldname": "conversion_factor", "fieldtype": "Currency",
         "label": "Value of a Point", "reqd": 1},
        {"fieldname": "expiry_days", "fieldtype": "Int",
         "label": "Points Expire After (Days)"},
        {"fieldname": "section_rules", "fieldtype": "Section Break", "label": "Tiers"},
        {"fieldname": "collection_rules", "fieldtype": "Table",
         "options": "Loyalty Program Collection", "label": "Tiers", "reqd": 1},
        {"fieldname": "section_accounts", "fieldtype": "Section Break",
         "label": "Accounting"},
        {"fieldname": "liability_account", "fieldtype": "Link", "options": "Account",
         "label": "Points Liability Account"},
        {"fieldname": "expense_account", "fieldtype": "Link", "options": "Account",
         "label": "Revenue Deferral Account"},
        {"fieldname": "breakage_account", "fieldtype": "Link", "options": "Account",
         "label": "Breakage Income Account"},
        {"fieldname": "cost_center", "fieldtype": "Link", "options": "Cost Center",
         "label": "Cost Center"},
        {"fieldname": "mode_of_payment", "fieldtype": "Link", "options": "Mode of Payment",
         "label": "Redeemed In (Mode of Payment)"},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
        {"role": "Sales Manager", "read": 1, "write": 1, "create": 1},
        {"role": "Accounts Manager", "read": 1, "write": 1, "create": 1},
        {"role": "Sales User", "read": 1},
        {"role": "Accounts User", "read": 1},
    ],
}


def validate(ctx: Context, doc: Document) -> None:
    if doc.to_date and doc.from_date and doc.to_date < doc.from_date:
        raise InvalidProgram("To Date is before From Date", field="to_date")
    if (doc.conversion_factor or ZERO) <= 0:
        raise InvalidProgram("A point must be worth more than zero",
                             field="conversion_factor")
    if (doc.expiry_days or 0) < 0:
        raise InvalidProgram("Expiry days cannot be negative", field="expiry_days")
    _check_tiers(doc)
    _check_factor_unchanged(ctx, doc)
    _fill_accounts(ctx, doc)


def _check_tiers(doc: Document) -> None:
    rules = doc.children("collection_rules")
    if not rules:
        raise InvalidProgram("A program needs at least one tier", field="collection_rules")
    seen: set[Decimal] = set()
    for i, rule in enumerate(rules, start=1):
        if (rule.collection_factor or ZERO) <= 0:
            raise InvalidProgram(f"Tiers row {i}: the amount spent per point must be above "
                                 "zero", field="collection_rules")
        if (rule.min_spent or ZERO) < 0 or rule.min_spent in seen:
            raise InvalidProgram(f"Tiers row {i}: the minimum spent must be zero or more "
                                 "and differ from the other tiers'",
                                 field="collection_rules")
        seen.add(rule.min_spent)


def _check_factor_unchanged(ctx: Context, doc: Document) -> None:
    """A point keeps the value it was earned at: the liability booked for it is released
    at that value, so the factor is fixed once points exist."""
    before = (doc.previous or {}).get("conversion_factor")
    if before is None or before == doc.conversion_factor:
        return
    if query.exists(ctx, "Loyalty Point Entry", {"loyalty_program": doc.name}):
        raise ConversionFactorLocked(
            f"{doc.name} has points already: their value stays {before}; start a new "
            "program for another value", field="conversion_factor")


def _fill_accounts(ctx: Context, doc: Document) -> None:
    defaults = set_up_company(ctx, doc.company)
    doc.mode_of_payment = doc.mode_of_payment or MODE_OF_PAYMENT
    doc.cost_center = doc.cost_center or company_settings(ctx, doc.company)["cost_center"]
    for field, roots in ACCOUNT_ROOTS.items():
        doc.set(field, doc.get(field) or defaults[field])
        found = query.select_rows(ctx, "Account", fields=["company", "root_type",
                                                          "is_group"],
                                  filters={"name": doc.get(field)}, limit=1)
        if not found or found[0]["company"] != doc.company or found[0]["is_group"] \
                or found[0]["root_type"] not in roots:
            raise InvalidProgram(f"{doc.get(field)} is not a {' or '.join(roots)} ledger "
                                 f"account of {doc.company}", field=field)
    if doc.mode_of_payment and mode_account(ctx, doc.mode_of_payment, doc.company) \
            != doc.liability_account:
        raise InvalidProgram(f"{doc.mode_of_payment} must post to {doc.liability_account} "
                             f"in {doc.company}: redeemed points release the liability",
                             field="mode_of_payment")


def on_update(ctx: Context, doc: Document) -> None:
    forget(ctx, doc.name or "")
