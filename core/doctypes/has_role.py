"""Has Role: one role of a user (a child row of User)."""

DOCTYPE = {
    "name": "Has Role",
    "cache_records": 1,  # read by every transaction (core.site.user_roles)
    "istable": True,
    "fields": [
        {"fieldname": "role", "fieldtype": "Link", "options": "Role", "label": "Role",
         "reqd": 1, "in_list_view": 1},
    ],
}
