"""What inventory adds to a purchase invoice line: the warehouse the goods go into, and
the line's quantity in the item's stock unit (its ``uom`` converted by the item's factor)."""

EXTENDS = "Purchase Invoice Item"
FIELDS = [
    {"fieldname": "warehouse", "fieldtype": "Link", "options": "Warehouse",
     "label": "Warehouse", "insert_after": "uom"},
    {"fieldname": "conversion_factor", "fieldtype": "Float", "label": "Conversion Factor",
     "read_only": 1, "precision": 9, "insert_after": "uom"},
    {"fieldname": "stock_qty", "fieldtype": "Float", "label": "Quantity in Stock UOM",
     "read_only": 1, "insert_after": "conversion_factor"},
]
