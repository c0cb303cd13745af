"""Loyalty Program Collection: one tier of a program, the lifetime spend that reaches it
and how much must be spent for one point in it."""

DOCTYPE = {
    "name": "Loyalty Program Collection",
    "istable": True,
    "fields": [
        {"fieldname": "tier_name", "fieldtype": "Data", "label": "Tier", "reqd": 1,
         "in_list_view": 1},
        {"fieldname": "min_spent", "fieldtype": "Currency", "label": "Minimum Total Spent",
         "reqd": 1, "in_list_view": 1},
        {"fieldname": "collection_factor", "fieldtype": "Currency",
         "label": "Spent per Point", "reqd": 1, "in_list_view": 1},
    ],
}
