"""Budget Account: the yearly budget of one expense account."""

DOCTYPE = {
    "name": "Budget Account",
    "cache_records": 1,
    "istable": True,
    "fields": [
        {"fieldname": "account", "fieldtype": "Link", "options": "Account",
         "label": "Account", "reqd": 1, "in_list_view": 1},
        {"fieldname": "budget_amount", "fieldtype": "Currency", "label": "Budget Amount",
         "reqd": 1, "in_list_view": 1},
    ],
}
