"""Bank Transaction Payment: a voucher a bank statement line is matched to."""

DOCTYPE = {
    "name": "Bank Transaction Payment",
    "istable": True,
    "fields": [
        {"fieldname": "payment_document", "fieldtype": "Select", "label": "Type",
         "options": "Payment Entry\nJournal Entry", "reqd": 1, "in_list_view": 1},
        {"fieldname": "payment_entry", "fieldtype": "Dynamic Link",
         "options": "payment_document", "label": "Voucher", "reqd": 1, "in_list_view": 1},
        {"fieldname": "allocated_amount", "fieldtype": "Currency", "label": "Allocated",
         "reqd": 1, "in_list_view": 1},
    ],
}
