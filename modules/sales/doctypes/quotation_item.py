"""Quotation Item: one item offered, and how much of it has been ordered."""

from modules.sales.pricing.fields import LINE_FIELDS

DOCTYPE = {
    "name": "Quotation Item",
    "istable": True,
    "fields": [
        {"fieldname": "item_code", "fieldtype": "Link", "options": "Item", "label": "Item",
         "reqd": 1, "in_list_view": 1},
        {"fieldname": "item_name", "fieldtype": "Data", "label": "Item Name"},
        {"fieldname": "qty", "fieldtype": "Float", "label": "Quantity", "reqd": 1,
         "in_list_view": 1},
        *LINE_FIELDS,
        {"fieldname": "rate", "fieldtype": "Currency", "label": "Rate", "in_list_view": 1},
        {"fieldname": "amount", "fieldtype": "Currency", "label": "Amount", "read_only": 1,
         "in_list_view": 1},
        {"fieldname": "warehouse", "fieldtype": "Link", "options": "Warehouse",
         "label": "Warehouse"},
        {"fieldname": "ordered_qty", "fieldtype": "Float", "label": "Ordered",
         "read_only": 1, "allow_on_submit": 1},
    ],
}
