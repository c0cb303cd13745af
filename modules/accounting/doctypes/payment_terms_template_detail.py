"""Payment Terms Template Detail: one instalment of a payment terms template."""

DOCTYPE = {
    "name": "Payment Terms Template Detail",
    "istable": True,
    "fields": [
        {"fieldname": "description", "fieldtype": "Data", "label": "Description",
         "in_list_view": 1},
        {"fieldname": "invoice_portion", "fieldtype": "Percent", "label": "Invoice Portion",
         "reqd": 1, "in_list_view": 1},
        {"fieldname": "credit_days", "fieldtype": "Int", "label": "Credit Days",
         "in_list_view": 1},
    ],
}
