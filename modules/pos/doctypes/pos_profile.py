"""POS Profile: how one kind of terminal sells: its company, warehouse, price list,
walk-in customer, the modes of payment it takes (one the default), its cashiers, default
taxes, and where a counted cash difference is booked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.db import query
from core.errors import ValidationError
from modules.accounting.companies import company_settings
from modules.pos.permissions import set_up
from modules.pos.profiles import account_of, mode_accounts

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

WALK_IN_CUSTOMER = "Walk-in Customer"

DOCTYPE = {
    "name": "POS Profile",
    "cache_records": 1,
    "autoname": "field:pos_profile_name",
    "title_field": "pos_profile_name",
    "fields": [
        {"fieldname": "pos_profile_name", "fieldtype": "Data", "label": "Name", "reqd": 1,
         "unique": 1, "in_list_view": 1},
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company", "reqd": 1, "in_list_view": 1},
        {"fieldname": "warehouse", "fieldtype": "Link", "options": "Warehouse",
         "label": "Warehouse", "reqd": 1, "in_list_view": 1},
        {"fieldname": "selling_price_list", "fieldtype": "Link", "options": "Price List",
         "label": "Price List"},
        {"fieldname": "customer", "fieldtype": "Link", "options": "Customer",
         "label": "Customer (walk-in)"},
        {"fieldname": "column_1", "fieldtype": "Column Break"},
        {"fieldname": "difference_account", "fieldtype": "Link", "options": "Account",
         "label": "Cash Difference Account"},
        {"fieldname": "income_account", "fieldtype": "Link", "options": "Account",
         "label": "Income Account"},
        {"fieldname": "cost_center", "fieldtype": "Link", "options": "Cost Center",
         "label": "Cost Center"},
        {"fieldname": "naming_series", "fieldtype": "Data", "label": "Sales Series",
         "description": "Numbers of this counter's sales, e.g. CTR1-.YY.-.#####; the "
                        "common series when empty. Counters with their own series never "
                        "wait for each other's numbers"},
        {"fieldname": "disabled", "fieldtype": "Check", "label": "Disabled"},
        {"fieldname": "section_payments", "fieldtype": "Section Break",
         "label": "Payments"},
        {"fieldname": "payments", "fieldtype": "Table", "options": "POS Payment Method",
         "label": "Modes of Payment", "reqd": 1},
        {"fieldname": "users", "fieldtype": "Table", "options": "POS Profile User",
         "label": "Cashiers"},
        {"fieldname": "taxes", "fieldtype": "Table", "options": "POS Taxes and Charges",
         "label": "Default Taxes"},
    ],
    "permissions": set_up("Sales User", "Accounts User"),
}


def validate(ctx: Context, doc: Document) -> None:
    settings = company_settings(ctx, doc.company)
    doc.customer = doc.customer or WALK_IN_CUSTOMER
    doc.difference_account = doc.difference_account or settings["write_off_account"]
    doc.cost_center = doc.cost_center or settings["cost_center"]
    _check_warehouse(ctx, doc)
    _check_payments(ctx, doc)
    _check_series(doc)
    ctx.cache.pop(f"pos.profile.{doc.name}", None)


def _check_series(doc: Document) -> None:
    series = (doc.naming_series or "").strip()
    doc.naming_series = series or None
    if series and "#" not in series.split(".")[-1]:
        raise ValidationError(f"Sales series {series} must end with the digits of the "
                              "number, e.g. CTR1-.YY.-.#####", field="naming_series")


def _check_warehouse(ctx: Context, doc: Document) -> None:
    found = query.select_rows(ctx, "Warehouse", fields=["company", "is_group"],
                              filters={"name": doc.warehouse or ""}, limit=1)
    if not found or found[0]["company"] != doc.company or found[0]["is_group"]:
        raise ValidationError(f"{doc.warehouse} is not a warehouse of {doc.company} that "
                              "holds stock", field="warehouse")


def _check_payments(ctx: Context, doc: Document) -> None:
    rows = doc.children("payments")
    modes = [r.mode_of_payment for r in rows]
    if len(set(modes)) != len(modes):
        raise ValidationError("A mode of payment is listed twice", field="payments")
    if sum(1 for r in rows if r.default) > 1:
        raise ValidationError("Only one mode of payment can be the default",
                              field="payments")
    if rows and not any(r.default for r in rows):
        rows[0].default = 1
    accounts = mode_accounts(ctx, doc.company, modes)
    for row in rows:
        row.account = account_of(accounts, row.mode_of_payment, doc.company, "payments")
