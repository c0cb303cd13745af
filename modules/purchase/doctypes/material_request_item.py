"""Material Request Item: one item needed, where and by when, and how much of it has
been ordered."""

DOCTYPE = {
    "name": "Material Request Item",
    "istable": True,
    "fields": [
        {"fieldname": "item_code", "fieldtype": "Link", "options": "Item", "label": "Item",
         "reqd": 1, "in_list_view": 1},
        {"fieldname": "item_name", "fieldtype": "Data", "label": "Item Name"},
        {"fieldname": "qty", "fieldtype": "Float", "label": "Quantity", "reqd": 1,
         "in_list_view": 1},
        {"fieldname": "warehouse", "fieldtype": "Link", "options": "Warehouse",
         "label": "Warehouse", "in_list_view": 1},
        {"fieldname": "schedule_date", "fieldtype": "Date", "label": "Required By",
         "in_list_view": 1},
        {"fieldname": "ordered_qty", "fieldtype": "Float", "label": "Ordered",
         "read_only": 1, "allow_on_submit": 1},
    ],
}
