"""Payment Entry Reference: how much of a payment settles one invoice."""

DOCTYPE = {
    "name": "Payment Entry Reference",
    "istable": True,
    "fields": [
        {"fieldname": "reference_doctype", "fieldtype": "Select", "label": "Type",
         "options": "Sales Invoice\nPurchase Invoice", "reqd": 1, "in_list_view": 1},
        {"fieldname": "reference_name", "fieldtype": "Dynamic Link",
         "options": "reference_doctype", "label": "Name", "reqd": 1, "in_list_view": 1},
        {"fieldname": "total_amount", "fieldtype": "Currency", "label": "Grand Total",
         "read_only": 1, "in_list_view": 1},
        {"fieldname": "outstanding_amount", "fieldtype": "Currency", "label": "Outstanding",
         "read_only": 1, "in_list_view": 1},
        {"fieldname": "allocated_amount", "fieldtype": "Currency", "label": "Allocated",
         "reqd": 1, "in_list_view": 1},
        {"fieldname": "exchange_rate", "fieldtype": "Float", "label": "Invoice Exchange Rate",
         "precision": 9, "read_only": 1},
    ],
}
