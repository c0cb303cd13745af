"""What selling adds to a sales invoice line: the delivery it bills."""

EXTENDS = "Sales Invoice Item"
FIELDS = [
    {"fieldname": "delivery_note", "fieldtype": "Link", "options": "Delivery Note",
     "label": "Delivery Note"},
    {"fieldname": "dn_detail", "fieldtype": "Data", "label": "Delivery Note Line",
     "hidden": 1},
]
