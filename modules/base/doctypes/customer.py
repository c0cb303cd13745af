"""Customer: someone the business sells to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.base.parties import check_tax_id

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

DOCTYPE = {
    "name": "Customer",
    "autoname": "field:customer_name",
    "title_field": "customer_name",
    "search_fields": ["customer_group", "mobile_no", "email_id"],
    "fields": [
        {"fieldname": "customer_name", "fieldtype": "Data", "label": "Customer Name",
         "reqd": 1, "unique": 1, "in_list_view": 1},
        {"fieldname": "customer_type", "fieldtype": "Select", "label": "Customer Type",
         "options": "Company\nIndividual", "default": "Company", "in_list_view": 1},
        {"fieldname": "customer_group", "fieldtype": "Link", "options": "Customer Group",
         "label": "Customer Group", "reqd": 1, "in_list_view": 1,
         "in_standard_filter": 1},
        {"fieldname": "territory", "fieldtype": "Link", "options": "Territory",
         "label": "Territory", "in_standard_filter": 1},
        {"fieldname": "column_1", "fieldtype": "Column Break"},
        {"fieldname": "tax_id", "fieldtype": "Data", "label": "Tax ID"},
        {"fieldname": "default_currency", "fieldtype": "Data", "label": "Billing Currency"},
        {"fieldname": "mobile_no", "fieldtype": "Data", "label": "Mobile",
         "search_index": 1},
        {"fieldname": "email_id", "fieldtype": "Data", "label": "E-mail"},
        {"fieldname": "disabled", "fieldtype": "Check", "label": "Disabled",
         "in_standard_filter": 1},
        {"fieldname": "section_address", "fieldtype": "Section Break",
         "label": "Address and Contact"},
        {"fieldname": "customer_primary_address", "fieldtype": "Link", "options": "Address",
         "label": "Billing Address"},
        {"fieldname": "customer_primary_contact", "fieldtype": "Link", "options": "Contact",
         "label": "Primary Contact"},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
        {"role": "Sales User", "read": 1, "write": 1, "create": 1},
        {"role": "Accounts User", "read": 1, "write": 1, "create": 1},
    ],
}


def validate(ctx: Context, doc: Document) -> None:
    check_tax_id(doc)
