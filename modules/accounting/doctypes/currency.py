"""Currency: an ISO code with the number of decimals its amounts are rounded to."""

DOCTYPE = {
    "name": "Currency",
    "index_links": 0,  # a handful of records: links to them need no index
    "cache_records": 1,
    "autoname": "field:currency_name",
    "title_field": "currency_name",
    "fields": [
        {"fieldname": "currency_name", "fieldtype": "Data", "label": "Currency Code",
         "reqd": 1, "unique": 1, "in_list_view": 1},
        {"fieldname": "symbol", "fieldtype": "Data", "label": "Symbol", "in_list_view": 1},
        {"fieldname": "fraction", "fieldtype": "Data", "label": "Fraction"},
        {"fieldname": "precision", "fieldtype": "Int", "label": "Decimal Places",
         "default": 2, "in_list_view": 1},
        {"fieldname": "enabled", "fieldtype": "Check", "label": "Enabled", "default": 1},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
        {"role": "Accounts Manager", "read": 1, "write": 1, "create": 1},
        {"role": "All", "read": 1},
    ],
}
