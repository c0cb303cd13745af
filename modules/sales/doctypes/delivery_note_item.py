"""Delivery Note Item: one item delivered, and how much of it has been billed."""

from modules.sales.pricing.fields import LINE_FIELDS

DOCTYPE = {
    "name": "Delivery Note Item",
    "istable": True,
    "fields": [
        {"fieldname": "item_code", "fieldtype": "Link", "options": "Item", "label": "Item",
         "reqd": 1, "in_list_view": 1},
        {"fieldname": "item_name", "fieldtype": "Data", "label": "Item Name"},
        {"fieldname": "qty", "fieldtype": "Float", "label": "Quantity", "reqd": 1,
         "in_list_view": 1},
        {"fieldname": "uom", "fieldtype": "Link", "options": "UOM", "label": "UOM"},
        {"fieldname": "conversion_factor", "fieldtype": "Float",
         "label": "Conversion Factor", "read_only": 1, "precision": 9},
        {"fieldname": "stock_qty", "fieldtype": "Float", "label": "Quantity in Stock UOM",
         "read_only": 1},
        {"fieldname": "batch_no", "fieldtype": "Link", "options": "Batch", "label": "Batch"},
        {"fieldname": "serial_no", "fieldtype": "Small Text", "label": "Serial Numbers"},
        *LINE_FIELDS,
        {"fieldname": "rate", "fieldtype": "Currency", "label": "Rate", "in_list_view": 1},
        {"fieldname": "amount", "fieldtype": "Currency", "label": "Amount", "read_only": 1,
         "in_list_view": 1},
        {"fieldname": "warehouse", "fieldtype": "Link", "options": "Warehouse",
         "label": "Warehouse", "in_list_view": 1},
        {"fieldname": "billed_qty", "fieldtype": "Float", "label": "Billed Quantity",
         "read_only": 1, "allow_on_submit": 1},
        {"fieldname": "against_sales_order", "fieldtype": "Link", "options": "Sales Order",
         "label": "Sales Order"},
        {"fieldname": "so_detail", "fieldtype": "Data", "label": "Sales Order Line",
         "hidden": 1},
    ],
}
