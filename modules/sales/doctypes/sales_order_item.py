"""Sales Order Item: one item ordered, and how much of it has been delivered and billed.

Quantities ordered, delivered and billed are in the line's unit (``uom``); what it
reserves is ``stock_qty``, in the item's stock unit."""

from modules.sales.pricing.fields import LINE_FIELDS

DOCTYPE = {
    "name": "Sales Order Item",
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
        *LINE_FIELDS,
        {"fieldname": "rate", "fieldtype": "Currency", "label": "Rate", "in_list_view": 1},
        {"fieldname": "amount", "fieldtype": "Currency", "label": "Amount", "read_only": 1,
         "in_list_view": 1},
        {"fieldname": "warehouse", "fieldtype": "Link", "options": "Warehouse",
         "label": "Warehouse", "in_list_view": 1},
        {"fieldname": "delivered_qty", "fieldtype": "Float", "label": "Delivered",
         "read_only": 1, "allow_on_submit": 1},
        {"fieldname": "billed_qty", "fieldtype": "Float", "label": "Billed Quantity",
         "read_only": 1, "allow_on_submit": 1},
        {"fieldname": "billed_amt", "fieldtype": "Currency", "label": "Billed Amount",
         "read_only": 1, "allow_on_submit": 1},
        {"fieldname": "prevdoc_docname", "fieldtype": "Link", "options": "Quotation",
         "label": "Quotation"},
        {"fieldname": "quotation_item", "fieldtype": "Data", "label": "Quotation Line",
         "hidden": 1},
    ],
}
