"""POS Payment Method: a mode of payment a profile's terminal takes; one is the default."""

DOCTYPE = {
    "name": "POS Payment Method",
    "cache_records": 1,
    "istable": True,
    "fields": [
        {"fieldname": "mode_of_payment", "fieldtype": "Link", "options": "Mode of Payment",
         "label": "Mode of Payment", "reqd": 1, "in_list_view": 1},
        {"fieldname": "default", "fieldtype": "Check", "label": "Default",
         "in_list_view": 1},
        {"fieldname": "account", "fieldtype": "Link", "options": "Account",
         "label": "Account", "read_only": 1, "in_list_view": 1},
    ],
}
