"""POS Invoice Item: one item sold at the counter (scanned by barcode or chosen)."""

from modules.sales.pricing.fields import LINE_FIELDS

DOCTYPE = {
    "name": "POS Invoice Item",
    "istable": True,
    "fields": [
        {"fieldname": "barcode", "fieldtype": "Data", "label": "Barcode"},
        {"fieldname": "item_code", "fieldtype": "Link", "options": "Item", "label": "Item",
         "in_list_view": 1},
        {"fieldname": "item_name", "fieldtype": "Data", "label": "Item Name"},
        {"fieldname": "qty", "fieldtype": "Float", "label": "Quantity", "reqd": 1,
         "default": 1, "in_list_view": 1},
        {"fieldname": "uom", "fieldtype": "Link", "options": "UOM", "label": "UOM"},
        {"fieldname": "conversion_factor", "fieldtype": "Float",
         "label": "Conversion Factor", "read_only": 1, "precision": 9},
        {"fieldname": "stock_qty", "fieldtype": "Float", "label": "Quantity in Stock UOM",
         "read_only": 1},
        *LINE_FIELDS,
        {"fieldname": "rate", "fieldtype": "Currency", "label": "Rate", "in_list_view": 1},
        {"fieldname": "amount", "fieldtype": "Currency", "label": "Amount", "read_only": 1,
         "in_list_view": 1},
        {"fieldname": "income_account", "fieldtype": "Link", "options": "Account",
         "label": "Income Account"},
        {"fieldname": "expense_account", "fieldtype": "Link", "options": "Account",
         "label": "Cost of Goods Sold Account"},
        {"fieldname": "cost_center", "fieldtype": "Link", "options": "Cost Center",
         "label": "Cost Center"},
        {"fieldname": "warehouse", "fieldtype": "Link", "options": "Warehouse",
         "label": "Warehouse"},
        {"fieldname": "batch_no", "fieldtype": "Link", "options": "Batch", "label": "Batch"},
        {"fieldname": "serial_no", "fieldtype": "Small Text", "label": "Serial Numbers"},
        {"fieldname": "incoming_rate", "fieldtype": "Currency", "label": "Cost Rate",
         "read_only": 1, "precision": 6},
        # on a return: the line of the original sale it brings back
        {"fieldname": "pos_invoice_item", "fieldtype": "Data", "label": "Returned Line",
         "read_only": 1, "hidden": 1},
    ],
}
