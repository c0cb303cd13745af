"""Landed Cost Taxes and Charges: one cost of bringing the goods in (freight, duty...)
and the account it was booked to."""

DOCTYPE = {
    "name": "Landed Cost Taxes and Charges",
    "istable": True,
    "fields": [
        {"fieldname": "expense_account", "fieldtype": "Link", "options": "Account",
         "label": "Account", "reqd": 1, "in_list_view": 1},
        {"fieldname": "description", "fieldtype": "Data", "label": "Description",
         "in_list_view": 1},
        {"fieldname": "amount", "fieldtype": "Currency", "label": "Amount", "reqd": 1,
         "in_list_view": 1},
    ],
}
