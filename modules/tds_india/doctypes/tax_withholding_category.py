"""Tax Withholding Category: one section of the Income-tax Act under which tax is
deducted (TDS) or collected (TCS), with its dated rates and thresholds and the account
it is booked to in each company.

Rates and thresholds are data: when a Finance Act changes them, close the old row with a
``to_date`` and add a new one from the day the change applies.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.accounting.permissions import managed
from modules.tds_india.categories import check_category

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

DOCTYPE = {
    "name": "Tax Withholding Category",
    "index_links": 0,  # a handful of records: links to them need no index
    "cache_records": 1,
    "autoname": "field:category_name",
    "title_field": "category_name",
    "search_fields": ["section"],
    "fields": [
        {"fieldname": "category_name", "fieldtype": "Data", "label": "Category Name",
         "reqd": 1, "unique": 1, "in_list_view": 1,
         "description": "e.g. 194C - Contractors (Individual/HUF)"},
        {"fieldname": "kind", "fieldtype": "Select", "label": "Tax", "options": "TDS\nTCS",
         "default": "TDS", "reqd": 1, "in_list_view": 1, "in_standard_filter": 1,
         "description": "TDS is deducted from what the company pays; TCS is collected on "
                        "what it sells"},
        {"fieldname": "section", "fieldtype": "Data", "label": "Section", "reqd": 1,
         "in_list_view": 1, "in_standard_filter": 1,
         "description": "As reported in Form 26Q / 27EQ, e.g. 194C, 194J, 206C(1)"},
        {"fieldname": "description", "fieldtype": "Small Text", "label": "Description"},
        {"fieldname": "column_1", "fieldtype": "Column Break"},
        {"fieldname": "no_pan_rate", "fieldtype": "Percent", "label": "Rate without PAN",
         "precision": 3, "default": 20,
         "description": "Section 206AA / 206CC: a party without a PAN bears the higher of "
                        "the section's rate and this one"},
        {"fieldname": "tax_on_excess", "fieldtype": "Check",
         "label": "Tax Only the Amount Above the Annual Threshold",
         "description": "As under 194Q: only the part of the year's total above the "
                        "cumulative threshold is taxed, and earlier bills are not caught up"},
        {"fieldname": "include_gst_in_base", "fieldtype": "Check",
         "label": "Compute on the Amount Including GST",
         "description": "TDS is computed on the amount before GST (CBDT circular 23/2017); "
                        "TCS on the amount the buyer pays"},
        {"fieldname": "round_off_tax_amount", "fieldtype": "Check",
         "label": "Round Off Tax Amount",
         "description": "Deduct or collect the tax rounded half up to the nearest rupee, "
                        "as CBDT practice is; off: to the paisa"},
        {"fieldname": "disabled", "fieldtype": "Check", "label": "Disabled"},
        {"fieldname": "section_rates", "fieldtype": "Section Break",
         "label": "Rates and Thresholds"},
        {"fieldname": "rates", "fieldtype": "Table", "options": "Tax Withholding Rate",
         "label": "Rates", "reqd": 1},
        {"fieldname": "section_accounts", "fieldtype": "Section Break", "label": "Accounts"},
        {"fieldname": "accounts", "fieldtype": "Table",
         "options": "Tax Withholding Account", "label": "Accounts"},
    ],
    "permissions": managed("Accounts User", "Purchase User", "Sales User"),
}


def validate(ctx: Context, doc: Document) -> None:
    check_category(ctx, doc)
