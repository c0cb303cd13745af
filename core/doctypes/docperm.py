"""DocPerm: what one role may do with a tenant's custom doctype (a child row of DocType)."""

DOCTYPE = {
    "name": "DocPerm",
    "istable": True,
    "fields": [
        {"fieldname": "role", "fieldtype": "Link", "options": "Role", "label": "Role",
         "reqd": 1, "in_list_view": 1},
        {"fieldname": "read", "fieldtype": "Check", "label": "Read", "default": 1,
         "in_list_view": 1},
        {"fieldname": "write", "fieldtype": "Check", "label": "Write", "in_list_view": 1},
        {"fieldname": "create", "fieldtype": "Check", "label": "Create", "in_list_view": 1},
        {"fieldname": "delete", "fieldtype": "Check", "label": "Delete", "in_list_view": 1},
        {"fieldname": "submit", "fieldtype": "Check", "label": "Submit", "in_list_view": 1},
        {"fieldname": "cancel", "fieldtype": "Check", "label": "Cancel", "in_list_view": 1},
    ],
}
