"""POS Opening Balance: what a mode of payment holds when the session opens (the cash
float in the drawer)."""

DOCTYPE = {
    "name": "POS Opening Balance",
    "istable": True,
    "fields": [
        {"fieldname": "mode_of_payment", "fieldtype": "Link", "options": "Mode of Payment",
         "label": "Mode of Payment", "reqd": 1, "in_list_view": 1},
        {"fieldname": "opening_amount", "fieldtype": "Currency", "label": "Opening Amount",
         "in_list_view": 1},
    ],
}
