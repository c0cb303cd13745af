"""GSTR 2B Import: a GSTR-2B downloaded from the GST portal, reconciled with the
purchase invoices of its period. Saving it (again) reconciles it with the books as they
are then; the lines stay with the document so the accountant can come back to them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.gst_india.returns.reconcile_2b import reconcile_import

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

DOCTYPE = {
    "name": "GSTR 2B Import",
    "autoname": "hash",
    "title_field": "title",
    "sort_field": "period",
    "search_fields": ["company", "period"],
    "fields": [
        {"fieldname": "title", "fieldtype": "Data", "label": "Title", "read_only": 1,
         "hidden": 1},
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company", "reqd": 1, "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "company_gstin", "fieldtype": "Data", "label": "Company GSTIN",
         "read_only": 1, "in_list_view": 1},
        {"fieldname": "period", "fieldtype": "Data", "label": "Return Period", "reqd": 1,
         "in_list_view": 1, "description": "MMYYYY, e.g. 062025 for June 2025"},
        {"fieldname": "tolerance", "fieldtype": "Currency", "label": "Tolerance",
         "default": "1",
         "description": "Taxable values and taxes that differ by no more than this "
                        "match"},
        {"fieldname": "column_1", "fieldtype": "Column Break"},
        {"fieldname": "gstr2b_file", "fieldtype": "Attach", "label": "GSTR-2B File"},
        {"fieldname": "matched", "fieldtype": "Int", "label": "Matched", "read_only": 1},
        {"fieldname": "mismatched", "fieldtype": "Int", "label": "Mismatched",
         "read_only": 1},
        {"fieldname": "missing_in_books", "fieldtype": "Int", "label": "Missing in Books",
         "read_only": 1},
        {"fieldname": "missing_in_2b", "fieldtype": "Int", "label": "Missing in GSTR-2B",
         "read_only": 1},
        {"fieldname": "section_json", "fieldtype": "Section Break", "label": "GSTR-2B"},
        {"fieldname": "gstr2b_json", "fieldtype": "Long Text", "label": "GSTR-2B JSON",
         "reqd": 1, "description": "The JSON file the portal gives, as it is"},
        {"fieldname": "section_result", "fieldtype": "Section Break",
         "label": "Reconciliation"},
        {"fieldname": "items", "fieldtype": "Table", "options": "GSTR 2B Match",
         "label": "Documents", "read_only": 1},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
        {"role": "Accounts Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
        {"role": "Accounts User", "read": 1, "write": 1, "create": 1},
    ],
}


def validate(ctx: Context, doc: Document) -> None:
    reconcile_import(ctx, doc)
