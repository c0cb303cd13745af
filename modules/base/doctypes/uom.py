"""UOM: a unit of measure (Nos, Kg, Box...)."""

DOCTYPE = {
    "name": "UOM",
    "index_links": 0,  # a handful of records: links to them need no index
    "cache_records": 1,
    "autoname": "field:uom_name",
    "title_field": "uom_name",
    "fields": [
        {"fieldname": "uom_name", "fieldtype": "Data", "label": "UOM Name", "reqd": 1,
         "unique": 1, "in_list_view": 1},
        {"fieldname": "must_be_whole_number", "fieldtype": "Check",
         "label": "Must be Whole Number", "in_list_view": 1},
        {"fieldname": "enabled", "fieldtype": "Check", "label": "Enabled", "default": 1},
    ],
    "permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1},
        {"role": "All", "read": 1},
    ],
}
