"""What selling adds to a sales invoice line: the delivery and order line it bills, and
how it was priced."""

from modules.sales.pricing.fields import LINE_FIELDS

EXTENDS = "Sales Invoice Item"
FIELDS = [
    {"fieldname": "delivery_note", "fieldtype": "Link", "options": "Delivery Note",
     "label": "Delivery Note"},
    {"fieldname": "dn_detail", "fieldtype": "Data", "label": "Delivery Note Line",
     "hidden": 1},
    {"fieldname": "sales_order", "fieldtype": "Link", "options": "Sales Order",
     "label": "Sales Order"},
    {"fieldname": "so_detail", "fieldtype": "Data", "label": "Sales Order Line",
     "hidden": 1},
    *[f | {"insert_after": "qty"} if f["fieldname"] == "price_list_rate" else f
      for f in LINE_FIELDS],
]
