"""Price List: a named list of item prices for selling or buying, in one currency."""

DOCTYPE = {
    "name": "Price List",
    "index_links": 0,  # a handful of records: links to them need no index
    "autoname": "field:price_list_name",
    "cache_records": 1,  # named by every sale (link check)
    "title_field": "price_list_name",
    "fields": [
        {"fieldname": "price_list_name", "fieldtype": "Data", "label": "Price List Name",
         "reqd": 1, "unique": 1, "in_list_view": 1},
        {"fieldname": "currency", "fieldtype": "Link", "options": "Currency",
         "label": "Currency", "reqd": 1, "default": "INR", "in_list_view": 1},
        {"fieldname": "selling", "fieldtype": "Check", "label": "Selling", "in_list_view": 1},
        {"fieldname": "buying", "fieldtype": "Check", "label": "Buying", "in_list_view": 1},
        {"fieldname": "enabled", "fieldtype": "Check", "label": "Enabled", "default": 1},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
        {"role": "Item Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
        {"role": "Sales User", "read": 1}, {"role": "Purchase User", "read": 1},
        {"role": "Accounts User", "read": 1},
    ],
}
