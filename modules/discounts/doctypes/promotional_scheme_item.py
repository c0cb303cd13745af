"""Promotional Scheme Item: one item code or item group a scheme covers."""

DOCTYPE = {
    "name": "Promotional Scheme Item",
    "istable": True,
    # read on every sale, changed seldom (docs/decisions/0010-cached-records.md)
    "cache_records": 1,
    "fields": [
        {"fieldname": "item_code", "fieldtype": "Link", "options": "Item", "label": "Item",
         "in_list_view": 1},
        {"fieldname": "item_group", "fieldtype": "Link", "options": "Item Group",
         "label": "Item Group", "in_list_view": 1},
    ],
}
