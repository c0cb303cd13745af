"""What inventory adds to a sales invoice line: the warehouse the goods leave from."""

EXTENDS = "Sales Invoice Item"
FIELDS = [
    {"fieldname": "warehouse", "fieldtype": "Link", "options": "Warehouse",
     "label": "Warehouse", "insert_after": "uom"},
    {"fieldname": "incoming_rate", "fieldtype": "Currency", "label": "Cost Rate",
     "read_only": 1, "precision": 6},
]
