"""Mode of Payment Account: the account one mode of payment posts to in one company."""

DOCTYPE = {
    "name": "Mode of Payment Account",
    "cache_records": 1,
    "istable": True,
    "fields": [
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company", "reqd": 1, "in_list_view": 1},
        {"fieldname": "default_account", "fieldtype": "Link", "options": "Account",
         "label": "Default Account", "reqd": 1, "in_list_view": 1},
    ],
}
