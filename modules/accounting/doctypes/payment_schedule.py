"""Payment Schedule: one instalment of an invoice, from its payment terms."""

DOCTYPE = {
    "name": "Payment Schedule",
    "istable": True,
    "fields": [
        {"fieldname": "description", "fieldtype": "Data", "label": "Description",
         "in_list_view": 1},
        {"fieldname": "due_date", "fieldtype": "Date", "label": "Due Date", "reqd": 1,
         "in_list_view": 1},
        {"fieldname": "invoice_portion", "fieldtype": "Percent", "label": "Invoice Portion",
         "in_list_view": 1},
        {"fieldname": "payment_amount", "fieldtype": "Currency", "label": "Amount",
         "in_list_view": 1},
    ],
}
