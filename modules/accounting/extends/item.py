"""What accounting adds to an item: its income and expense accounts per company."""

EXTENDS = "Item"
FIELDS = [
    {"fieldname": "item_defaults", "fieldtype": "Table", "options": "Item Default",
     "label": "Accounts per Company"},
]
