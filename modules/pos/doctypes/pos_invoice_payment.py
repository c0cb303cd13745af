"""POS Invoice Payment: what the customer paid (or, on a return, was refunded) in one
mode of payment."""

DOCTYPE = {
    "name": "POS Invoice Payment",
    "istable": True,
    "fields": [
        {"fieldname": "mode_of_payment", "fieldtype": "Link", "options": "Mode of Payment",
         "label": "Mode of Payment", "reqd": 1, "in_list_view": 1},
        {"fieldname": "amount", "fieldtype": "Currency", "label": "Amount",
         "in_list_view": 1},
        {"fieldname": "type", "fieldtype": "Data", "label": "Type", "read_only": 1},
        {"fieldname": "account", "fieldtype": "Link", "options": "Account",
         "label": "Account", "read_only": 1},
    ],
}
