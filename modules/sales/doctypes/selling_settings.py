"""Selling Settings: the tenant's selling choices (one document). Only a System Manager
changes them: the credit controller role must not be something sales staff grant
themselves."""

DOCTYPE = {
    "name": "Selling Settings",
    "issingle": True,
    "fields": [
        {"fieldname": "credit_controller", "fieldtype": "Link", "options": "Role",
         "label": "Role Allowed to Exceed Credit Limits"},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1},
        {"role": "Sales Manager", "read": 1},
    ],
}
