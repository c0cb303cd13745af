"""Item Reorder: below which quantity an item is reordered in a warehouse, and how much."""

DOCTYPE = {
    "name": "Item Reorder",
    "istable": True,
    "fields": [
        {"fieldname": "warehouse", "fieldtype": "Link", "options": "Warehouse",
         "label": "Warehouse", "reqd": 1, "in_list_view": 1},
        {"fieldname": "warehouse_reorder_level", "fieldtype": "Float",
         "label": "Reorder Level", "reqd": 1, "in_list_view": 1},
        {"fieldname": "warehouse_reorder_qty", "fieldtype": "Float", "label": "Reorder Qty",
         "in_list_view": 1},
    ],
}
