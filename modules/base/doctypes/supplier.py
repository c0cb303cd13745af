"""Supplier: someone the business buys from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.base.parties import check_tax_id

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

DOCTYPE = {
    "name": "Supplier",
    "autoname": "field:supplier_name",
    "title_field": "supplier_name",
    "search_fields": ["supplier_group"],
    "fields": [
        {"fieldname": "supplier_name", "fieldtype": "Data", "label": "Supplier Name",
         "reqd": 1, "unique": 1, "in_list_view": 1},
        {"fieldname": "supplier_type", "fieldtype": "Select", "label": "Supplier Type",
         "options": "Company\nIndividual", "default": "Company", "in_list_view": 1},
        {"fieldname": "supplier_group", "fieldtype": "Link", "options": "Supplier Group",
         "label": "Supplier Group", "reqd": 1, "in_list_view": 1,
         "in_standard_filter": 1},
        {"fieldname": "column_1", "fieldtype": "Column Break"},
        {"fieldname": "tax_id", "fieldtype": "Data", "label": "Tax ID"},
        {"fieldname": "default_currency", "fieldtype": "Data", "label": "Billing Currency"},
        {"fieldname": "email_id", "fieldtype": "Data", "label": "E-mail"},
        {"fieldname": "disabled", "fieldtype": "Check", "label": "Disabled",
         "in_standard_filter": 1},
        {"fieldname": "section_address", "fieldtype": "Section Break",
         "label": "Address and Contact"},
        {"fieldname": "supplier_primary_address", "fieldtype": "Link", "options": "Address",
         "label": "Address"},
        {"fieldname": "supplier_primary_contact", "fieldtype": "Link", "options": "Contact",
         "label": "Primary Contact"},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
        {"role": "Purchase User", "read": 1, "write": 1, "create": 1},
        {"role": "Accounts User", "read": 1, "write": 1, "create": 1},
    ],
}


def validate(ctx: Context, doc: Document) -> None:
    check_tax_id(doc)
