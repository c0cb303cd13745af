"""Role: a named set of rights, granted to users through their roles table."""

DOCTYPE = {
    "name": "Role",
    "module": "core",
    "autoname": "field:role_name",
    "title_field": "role_name",
    "fields": [
        {"fieldname": "role_name", "fieldtype": "Data", "label": "Role Name", "reqd": 1,
         "unique": 1, "in_list_view": 1},
        {"fieldname": "desk_access", "fieldtype": "Check", "label": "Desk Access",
         "default": 1, "in_list_view": 1},
        {"fieldname": "description", "fieldtype": "Small Text", "label": "Description"},
    ],
    "permissions": [{"role": "System Manager", "read": 1, "write": 1, "create": 1,
                     "delete": 1}],
}
