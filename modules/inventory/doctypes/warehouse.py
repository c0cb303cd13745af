"""Warehouse: a place stock is kept, in a company's warehouse tree."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.db import query
from core.errors import MandatoryError, ValidationError
from modules.accounting.companies import company_settings, with_abbr

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

DOCTYPE = {
    "name": "Warehouse",
    "cache_records": 1,
    "autoname": "controller",
    "title_field": "warehouse_name",
    "fields": [
        {"fieldname": "warehouse_name", "fieldtype": "Data", "label": "Warehouse Name",
         "reqd": 1, "in_list_view": 1},
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company", "reqd": 1, "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "parent_warehouse", "fieldtype": "Link", "options": "Warehouse",
         "label": "Parent Warehouse", "in_list_view": 1},
        {"fieldname": "is_group", "fieldtype": "Check", "label": "Is Group"},
        {"fieldname": "account", "fieldtype": "Link", "options": "Account",
         "label": "Stock Account"},
        {"fieldname": "address", "fieldtype": "Link", "options": "Address",
         "label": "Address", "description": "Where the warehouse is: the place goods "
                                            "leave from or arrive at"},
        {"fieldname": "disabled", "fieldtype": "Check", "label": "Disabled"},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
        {"role": "Stock Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
        {"role": "Stock User", "read": 1},
        {"role": "Sales User", "read": 1},
        {"role": "Purchase User", "read": 1},
    ],
}


def before_insert(ctx: Context, doc: Document) -> None:
    if not doc.company:
        raise MandatoryError("Company is required", field="company")
    doc.name = with_abbr(doc.warehouse_name, company_settings(ctx, doc.company)["abbr"])


def validate(ctx: Context, doc: Document) -> None:
    if doc.parent_warehouse:
        parent = query.select_rows(ctx, "Warehouse", fields=["company", "is_group"],
                                   filters={"name": doc.parent_warehouse}, limit=1)
        if parent and (parent[0]["company"] != doc.company or not parent[0]["is_group"]):
            raise ValidationError(f"{doc.parent_warehouse} is not a group warehouse of "
                                  f"{doc.company}", field="parent_warehouse")
    if not doc.account:
        doc.account = query.get_value(ctx, "Company", doc.company,
                                      "default_inventory_account")
