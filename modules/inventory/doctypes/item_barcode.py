"""Item Barcode: a code a scanner reads for the item."""

DOCTYPE = {
    "name": "Item Barcode",
    "istable": True,
    "fields": [
        {"fieldname": "barcode", "fieldtype": "Data", "label": "Barcode", "reqd": 1,
         "in_list_view": 1, "search_index": 1},
    ],
}
