"""UOM Conversion Detail: how many of the item's stock unit one of another unit holds
(a Box of 12 Nos has the factor 12)."""

DOCTYPE = {
    "name": "UOM Conversion Detail",
    "istable": True,
    "fields": [
        {"fieldname": "uom", "fieldtype": "Link", "options": "UOM", "label": "UOM",
         "reqd": 1, "in_list_view": 1},
        {"fieldname": "conversion_factor", "fieldtype": "Float",
         "label": "Conversion Factor", "reqd": 1, "in_list_view": 1, "precision": 9},
    ],
}
