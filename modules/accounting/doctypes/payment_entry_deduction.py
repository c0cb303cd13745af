"""Payment Entry Deduction: a write-off, bank charge or tax withheld from a payment."""

DOCTYPE = {
    "name": "Payment Entry Deduction",
    "istable": True,
    "fields": [
        {"fieldname": "account", "fieldtype": "Link", "options": "Account",
         "label": "Account", "reqd": 1, "in_list_view": 1},
        {"fieldname": "cost_center", "fieldtype": "Link", "options": "Cost Center",
         "label": "Cost Center", "in_list_view": 1},
        {"fieldname": "amount", "fieldtype": "Currency", "label": "Amount", "reqd": 1,
         "in_list_view": 1},
        {"fieldname": "description", "fieldtype": "Data", "label": "Description"},
    ],
}
