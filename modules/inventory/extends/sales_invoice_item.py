"""What inventory adds to a sales invoice line: the warehouse the goods leave from, the
line's quantity in the item's stock unit, and its batch and serial numbers."""

EXTENDS = "Sales Invoice Item"
FIELDS = [
    {"fieldname": "warehouse", "fieldtype": "Link", "options": "Warehouse",
     "label": "Warehouse", "insert_after": "uom"},
    {"fieldname": "incoming_rate", "fieldtype": "Currency", "label": "Cost Rate",
     "read_only": 1, "precision": 6},
    {"fieldname": "conversion_factor", "fieldtype": "Float", "label": "Conversion Factor",
     "read_only": 1, "precision": 9, "insert_after": "uom"},
    {"fieldname": "stock_qty", "fieldtype": "Float", "label": "Quantity in Stock UOM",
     "read_only": 1, "insert_after": "conversion_factor"},
    {"fieldname": "batch_no", "fieldtype": "Link", "options": "Batch", "label": "Batch",
     "insert_after": "warehouse"},
    {"fieldname": "serial_no", "fieldtype": "Small Text", "label": "Serial Numbers",
     "insert_after": "batch_no"},
]
