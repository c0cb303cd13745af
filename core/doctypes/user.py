"""User: a person (or system) who logs in to one tenant, with roles and API credentials."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.auth.passwords import hash_password, is_hashed
from core.errors import ValidationError

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

MIN_PASSWORD = 8

DOCTYPE = {
    "name": "User",
    "autoname": "field:login",
    "cache_records": 1,  # read by every transaction (core.site.user_roles)
    "title_field": "full_name",
    "search_fields": ["full_name", "email"],
    "fields": [
        {"fieldname": "login", "fieldtype": "Data", "label": "Login", "reqd": 1, "unique": 1,
         "in_list_view": 1},
        {"fieldname": "full_name", "fieldtype": "Data", "label": "Full Name",
         "in_list_view": 1},
        {"fieldname": "email", "fieldtype": "Data", "label": "E-mail", "in_list_view": 1},
        {"fieldname": "enabled", "fieldtype": "Check", "label": "Enabled", "default": 1,
         "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "password", "fieldtype": "Password", "label": "Password"},
        {"fieldname": "section_roles", "fieldtype": "Section Break", "label": "Roles"},
        {"fieldname": "roles", "fieldtype": "Table", "options": "Has Role", "label": "Roles"},
        {"fieldname": "section_api", "fieldtype": "Section Break", "label": "API Access"},
        {"fieldname": "api_key", "fieldtype": "Data", "label": "API Key", "read_only": 1,
         "unique": 1},
        {"fieldname": "api_secret", "fieldtype": "Password", "label": "API Secret",
         "read_only": 1},
    ],
    "permissions": [{"role": "System Manager", "read": 1, "write": 1, "create": 1,
                     "delete": 1}],
}


def validate(ctx: Context, doc: Document) -> None:
    password = doc.get("password")
    if password and not is_hashed(password):
        if len(password) < MIN_PASSWORD:
            raise ValidationError(f"Password must have at least {MIN_PASSWORD} characters",
                                  field="password")
        doc.password = hash_password(password)
