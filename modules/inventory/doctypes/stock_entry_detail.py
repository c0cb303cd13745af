"""Stock Entry Detail: one item moved by a stock entry."""

DOCTYPE = {
    "name": "Stock Entry Detail",
    "istable": True,
    "fields": [
        {"fieldname": "item_code", "fieldtype": "Link", "options": "Item", "label": "Item",
         "reqd": 1, "in_list_view": 1},
        {"fieldname": "s_warehouse", "fieldtype": "Link", "options": "Warehouse",
         "label": "Source Warehouse", "in_list_view": 1},
        {"fieldname": "t_warehouse", "fieldtype": "Link", "options": "Warehouse",
         "label": "Target Warehouse", "in_list_view": 1},
        {"fieldname": "qty", "fieldtype": "Float", "label": "Quantity", "reqd": 1,
         "in_list_view": 1},
        {"fieldname": "uom", "fieldtype": "Link", "options": "UOM", "label": "UOM"},
        {"fieldname": "conversion_factor", "fieldtype": "Float",
         "label": "Conversion Factor", "read_only": 1, "precision": 9},
        {"fieldname": "stock_qty", "fieldtype": "Float", "label": "Quantity in Stock UOM",
         "read_only": 1},
        {"fieldname": "basic_rate", "fieldtype": "Currency", "label": "Rate (per UOM)",
         "in_list_view": 1},
        {"fieldname": "amount", "fieldtype": "Currency", "label": "Value", "read_only": 1,
         "in_list_view": 1},
        {"fieldname": "expense_account", "fieldtype": "Link", "options": "Account",
         "label": "Difference Account"},
        {"fieldname": "cost_center", "fieldtype": "Link", "options": "Cost Center",
         "label": "Cost Center"},
    ],
}
