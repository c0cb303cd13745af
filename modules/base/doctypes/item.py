"""Item: a product or service that is bought or sold."""

DOCTYPE = {
    "name": "Item",
    "autoname": "field:item_code",
    # read by every sale, purchase and stock movement; edited seldom (modules/base/items.py)
    "cache_records": 1,
    "title_field": "item_name",
    "search_fields": ["item_name", "item_group"],
    "fields": [
        {"fieldname": "item_code", "fieldtype": "Data", "label": "Item Code", "reqd": 1,
         "unique": 1, "in_list_view": 1},
        {"fieldname": "item_name", "fieldtype": "Data", "label": "Item Name", "reqd": 1,
         "in_list_view": 1},
        {"fieldname": "item_group", "fieldtype": "Link", "options": "Item Group",
         "label": "Item Group", "reqd": 1, "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "stock_uom", "fieldtype": "Link", "options": "UOM",
         "label": "Default Unit of Measure", "reqd": 1, "default": "Nos"},
        {"fieldname": "column_1", "fieldtype": "Column Break"},
        {"fieldname": "is_stock_item", "fieldtype": "Check", "label": "Maintain Stock",
         "default": 1, "in_standard_filter": 1},
        {"fieldname": "is_sales_item", "fieldtype": "Check", "label": "Is Sales Item",
         "default": 1},
        {"fieldname": "is_purchase_item", "fieldtype": "Check", "label": "Is Purchase Item",
         "default": 1},
        {"fieldname": "disabled", "fieldtype": "Check", "label": "Disabled",
         "in_standard_filter": 1},
        {"fieldname": "description", "fieldtype": "Text", "label": "Description"},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
        {"role": "Sales User", "read": 1},
        {"role": "Purchase User", "read": 1},
        {"role": "Accounts User", "read": 1},
        {"role": "Item Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
    ],
}
