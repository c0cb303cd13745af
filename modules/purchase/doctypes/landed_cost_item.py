"""Landed Cost Item: one receipt line and the share of the charges it takes."""

DOCTYPE = {
    "name": "Landed Cost Item",
    "istable": True,
    "fields": [
        {"fieldname": "item_code", "fieldtype": "Link", "options": "Item", "label": "Item",
         "read_only": 1, "in_list_view": 1},
        {"fieldname": "receipt_document", "fieldtype": "Link", "options": "Purchase Receipt",
         "label": "Purchase Receipt", "read_only": 1, "in_list_view": 1},
        {"fieldname": "purchase_receipt_item", "fieldtype": "Data",
         "label": "Purchase Receipt Line", "hidden": 1},
        {"fieldname": "warehouse", "fieldtype": "Link", "options": "Warehouse",
         "label": "Warehouse", "read_only": 1},
        {"fieldname": "qty", "fieldtype": "Float", "label": "Quantity", "read_only": 1,
         "in_list_view": 1},
        {"fieldname": "amount", "fieldtype": "Currency", "label": "Amount (Company Currency)",
         "read_only": 1, "in_list_view": 1},
        {"fieldname": "applicable_charges", "fieldtype": "Currency",
         "label": "Applicable Charges", "read_only": 1, "in_list_view": 1},
    ],
}
