"""What buying adds to a purchase invoice line: the receipt and order line it bills."""

EXTENDS = "Purchase Invoice Item"
FIELDS = [
    {"fieldname": "purchase_order", "fieldtype": "Link", "options": "Purchase Order",
     "label": "Purchase Order"},
    {"fieldname": "po_detail", "fieldtype": "Data", "label": "Purchase Order Line",
     "hidden": 1},
    {"fieldname": "purchase_receipt", "fieldtype": "Link", "options": "Purchase Receipt",
     "label": "Purchase Receipt"},
    {"fieldname": "pr_detail", "fieldtype": "Data", "label": "Purchase Receipt Line",
     "hidden": 1},
]
