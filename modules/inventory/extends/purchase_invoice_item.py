"""What inventory adds to a purchase invoice line: the warehouse the goods go into."""

EXTENDS = "Purchase Invoice Item"
FIELDS = [
    {"fieldname": "warehouse", "fieldtype": "Link", "options": "Warehouse",
     "label": "Warehouse", "insert_after": "uom"},
]
