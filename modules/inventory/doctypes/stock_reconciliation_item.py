"""Stock Reconciliation Item: the counted quantity and value of one item in one warehouse
(of one batch, for an item kept in batches; with the serial numbers found, for an item
with serial numbers)."""

DOCTYPE = {
    "name": "Stock Reconciliation Item",
    "istable": True,
    "fields": [
        {"fieldname": "item_code", "fieldtype": "Link", "options": "Item", "label": "Item",
         "reqd": 1, "in_list_view": 1},
        {"fieldname": "warehouse", "fieldtype": "Link", "options": "Warehouse",
         "label": "Warehouse", "reqd": 1, "in_list_view": 1},
        {"fieldname": "qty", "fieldtype": "Float", "label": "Counted Quantity", "reqd": 1,
         "in_list_view": 1},
        {"fieldname": "valuation_rate", "fieldtype": "Currency", "label": "Valuation Rate",
         "in_list_view": 1},
        {"fieldname": "batch_no", "fieldtype": "Link", "options": "Batch", "label": "Batch"},
        {"fieldname": "serial_no", "fieldtype": "Small Text", "label": "Serial Numbers Found",
         "description": "One per line"},
        {"fieldname": "current_serial_no", "fieldtype": "Small Text",
         "label": "Serial Numbers Before", "read_only": 1},
        {"fieldname": "current_qty", "fieldtype": "Float", "label": "Quantity Before",
         "read_only": 1},
        {"fieldname": "current_valuation_rate", "fieldtype": "Currency",
         "label": "Rate Before", "read_only": 1},
        {"fieldname": "amount_difference", "fieldtype": "Currency", "label": "Value Change",
         "read_only": 1, "in_list_view": 1},
    ],
}
