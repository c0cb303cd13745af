"""Cost Center: where income and expense are tracked inside a company (a tree)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.db import query
from core.errors import MandatoryError, ValidationError
from modules.accounting.companies import company_settings, with_abbr
from modules.accounting.permissions import managed

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

DOCTYPE = {
    "name": "Cost Center",
    "index_links": 0,  # a handful of records: links to them need no index
    "cache_records": 1,
    "autoname": "controller",
    "title_field": "cost_center_name",
    "fields": [
        {"fieldname": "cost_center_name", "fieldtype": "Data", "label": "Cost Center Name",
         "reqd": 1, "in_list_view": 1},
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company", "reqd": 1, "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "parent_cost_center", "fieldtype": "Link", "options": "Cost Center",
         "label": "Parent Cost Center", "in_list_view": 1},
        {"fieldname": "is_group", "fieldtype": "Check", "label": "Is Group"},
        {"fieldname": "disabled", "fieldtype": "Check", "label": "Disabled"},
    ],
    "permissions": managed("Accounts User"),
}


def before_insert(ctx: Context, doc: Document) -> None:
    if not doc.company:
        raise MandatoryError("Company is required", field="company")
    if doc.cost_center_name:
        doc.name = with_abbr(doc.cost_center_name, company_settings(ctx, doc.company)["abbr"])


def validate(ctx: Context, doc: Document) -> None:
    if not doc.parent_cost_center:
        return
    parent = query.select_rows(ctx, "Cost Center", fields=["company", "is_group"],
                               filters={"name": doc.parent_cost_center}, limit=1)
    if parent and (parent[0]["company"] != doc.company or not parent[0]["is_group"]):
        raise ValidationError(f"{doc.parent_cost_center} is not a group of this company",
                              field="parent_cost_center")
