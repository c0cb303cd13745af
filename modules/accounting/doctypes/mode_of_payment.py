"""Mode of Payment: cash, bank transfer, card, UPI... with its account per company."""

DOCTYPE = {
    "name": "Mode of Payment",
    "index_links": 0,  # a handful of records: links to them need no index
    "cache_records": 1,
    "autoname": "field:mode_of_payment",
    "title_field": "mode_of_payment",
    "fields": [
        {"fieldname": "mode_of_payment", "fieldtype": "Data", "label": "Mode of Payment",
         "reqd": 1, "unique": 1, "in_list_view": 1},
        {"fieldname": "type", "fieldtype": "Select", "label": "Type",
         "options": "Cash\nBank\nGeneral\nPhone", "default": "Cash", "in_list_view": 1},
        {"fieldname": "enabled", "fieldtype": "Check", "label": "Enabled", "default": 1},
        {"fieldname": "accounts", "fieldtype": "Table", "options": "Mode of Payment Account",
         "label": "Accounts"},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
        {"role": "Accounts Manager", "read": 1, "write": 1, "create": 1},
        {"role": "Accounts User", "read": 1},
    ],
}
