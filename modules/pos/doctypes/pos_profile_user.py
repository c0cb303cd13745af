"""POS Profile User: a cashier who may open sessions on the profile."""

DOCTYPE = {
    "name": "POS Profile User",
    "cache_records": 1,
    "istable": True,
    "fields": [
        {"fieldname": "user", "fieldtype": "Link", "options": "User", "label": "User",
         "reqd": 1, "in_list_view": 1},
    ],
}
