"""Item Default: an item's income and expense accounts in one company."""

DOCTYPE = {
    "name": "Item Default",
    "istable": True,
    "fields": [
        {"fieldname": "company", "fieldtype": "Link", "options": "Company",
         "label": "Company", "reqd": 1, "in_list_view": 1},
        {"fieldname": "income_account", "fieldtype": "Link", "options": "Account",
         "label": "Income Account", "in_list_view": 1},
        {"fieldname": "expense_account", "fieldtype": "Link", "options": "Account",
         "label": "Expense Account", "in_list_view": 1},
    ],
}
