"""POS Closing Entry Detail: one mode of payment counted at closing against what the
session's sales say it should hold."""

DOCTYPE = {
    "name": "POS Closing Entry Detail",
    "istable": True,
    "fields": [
        {"fieldname": "mode_of_payment", "fieldtype": "Link", "options": "Mode of Payment",
         "label": "Mode of Payment", "reqd": 1, "in_list_view": 1},
        {"fieldname": "opening_amount", "fieldtype": "Currency", "label": "Opening",
         "read_only": 1, "in_list_view": 1},
        {"fieldname": "expected_amount", "fieldtype": "Currency", "label": "Expected",
         "read_only": 1, "in_list_view": 1},
        {"fieldname": "closing_amount", "fieldtype": "Currency", "label": "Counted",
         "in_list_view": 1},
        {"fieldname": "difference", "fieldtype": "Currency", "label": "Difference",
         "read_only": 1, "in_list_view": 1},
        {"fieldname": "account", "fieldtype": "Link", "options": "Account",
         "label": "Account", "read_only": 1},
    ],
}
