"""Contact: a person, with phone numbers and e-mail addresses."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.errors import ValidationError

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

DOCTYPE = {
    "name": "Contact",
    "autoname": "hash",
    "title_field": "full_name",
    "search_fields": ["full_name", "email_id", "mobile_no"],
    "sort_field": "full_name",
    "sort_order": "asc",
    "fields": [
        {"fieldname": "first_name", "fieldtype": "Data", "label": "First Name", "reqd": 1},
        {"fieldname": "last_name", "fieldtype": "Data", "label": "Last Name"},
        {"fieldname": "full_name", "fieldtype": "Data", "label": "Full Name",
         "read_only": 1, "in_list_view": 1},
        {"fieldname": "column_1", "fieldtype": "Column Break"},
        {"fieldname": "email_id", "fieldtype": "Data", "label": "E-mail", "in_list_view": 1,
         "search_index": 1},
        {"fieldname": "mobile_no", "fieldtype": "Data", "label": "Mobile",
         "in_list_view": 1, "search_index": 1},
        {"fieldname": "company_name", "fieldtype": "Data", "label": "Organisation",
         "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "status", "fieldtype": "Select", "label": "Status",
         "options": "Active\nInactive", "default": "Active", "in_standard_filter": 1},
        {"fieldname": "section_address", "fieldtype": "Section Break", "label": "Address"},
        {"fieldname": "address", "fieldtype": "Link", "options": "Address",
         "label": "Address"},
        {"fieldname": "phone_nos", "fieldtype": "Table", "options": "Contact Phone",
         "label": "Other Numbers"},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
        {"role": "Contacts User", "read": 1, "write": 1, "create": 1},
    ],
}


def validate(ctx: Context, doc: Document) -> None:
    doc.full_name = " ".join(p for p in (doc.first_name, doc.last_name) if p)
    email = doc.email_id
    if email and ("@" not in email or email.startswith("@") or email.endswith("@")):
        raise ValidationError(f"{email!r} is not an e-mail address", field="email_id")
