"""Purchase Receipt Item: one item received, and how much of it has been billed and
sent back."""

DOCTYPE = {
    "name": "Purchase Receipt Item",
    "istable": True,
    "fields": [
        {"fieldname": "item_code", "fieldtype": "Link", "options": "Item", "label": "Item",
         "reqd": 1, "in_list_view": 1},
        {"fieldname": "item_name", "fieldtype": "Data", "label": "Item Name"},
        {"fieldname": "qty", "fieldtype": "Float", "label": "Quantity", "reqd": 1,
         "in_list_view": 1},
        {"fieldname": "rate", "fieldtype": "Currency", "label": "Rate", "in_list_view": 1},
        {"fieldname": "amount", "fieldtype": "Currency", "label": "Amount", "read_only": 1,
         "in_list_view": 1},
        {"fieldname": "warehouse", "fieldtype": "Link", "options": "Warehouse",
         "label": "Warehouse", "in_list_view": 1},
        {"fieldname": "billed_qty", "fieldtype": "Float", "label": "Billed",
         "read_only": 1, "allow_on_submit": 1},
        {"fieldname": "returned_qty", "fieldtype": "Float", "label": "Returned",
         "read_only": 1, "allow_on_submit": 1},
        {"fieldname": "purchase_order", "fieldtype": "Link", "options": "Purchase Order",
         "label": "Purchase Order"},
        {"fieldname": "purchase_order_item", "fieldtype": "Data",
         "label": "Purchase Order Line", "hidden": 1},
        {"fieldname": "purchase_receipt_item", "fieldtype": "Data",
         "label": "Returned Receipt Line", "hidden": 1},
    ],
}
