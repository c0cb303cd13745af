"""Purchase Order Item: one item ordered, and how much of it has been received and
billed."""

DOCTYPE = {
    "name": "Purchase Order Item",
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
        {"fieldname": "schedule_date", "fieldtype": "Date", "label": "Required By"},
        {"fieldname": "received_qty", "fieldtype": "Float", "label": "Received",
         "read_only": 1, "allow_on_submit": 1},
        {"fieldname": "billed_qty", "fieldtype": "Float", "label": "Billed",
         "read_only": 1, "allow_on_submit": 1},
        {"fieldname": "material_request", "fieldtype": "Link",
         "options": "Material Request", "label": "Material Request"},
        {"fieldname": "material_request_item", "fieldtype": "Data",
         "label": "Material Request Line", "hidden": 1},
    ],
}
