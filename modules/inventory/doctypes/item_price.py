"""Item Price: an item's rate in a price list, from a date."""

DOCTYPE = {
    "name": "Item Price",
    "autoname": "hash",
    "title_field": "item_code",
    "fields": [
        {"fieldname": "item_code", "fieldtype": "Link", "options": "Item", "label": "Item",
         "reqd": 1, "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "price_list", "fieldtype": "Link", "options": "Price List",
         "label": "Price List", "reqd": 1, "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "price_list_rate", "fieldtype": "Currency", "label": "Rate",
         "reqd": 1, "in_list_view": 1},
        {"fieldname": "valid_from", "fieldtype": "Date", "label": "Valid From",
         "in_list_view": 1},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
        {"role": "Item Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
        {"role": "Sales User", "read": 1}, {"role": "Purchase User", "read": 1},
        {"role": "Accounts User", "read": 1},
    ],
}
