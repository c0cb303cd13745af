"""What inventory adds to an item: how its stock is valued, its barcodes, and when to
reorder it."""

EXTENDS = "Item"
FIELDS = [
    {"fieldname": "valuation_method", "fieldtype": "Select", "label": "Valuation Method",
     "options": "FIFO\nMoving Average", "default": "FIFO", "insert_after": "is_stock_item"},
    {"fieldname": "barcodes", "fieldtype": "Table", "options": "Item Barcode",
     "label": "Barcodes"},
    {"fieldname": "reorder_levels", "fieldtype": "Table", "options": "Item Reorder",
     "label": "Reorder Levels"},
]
