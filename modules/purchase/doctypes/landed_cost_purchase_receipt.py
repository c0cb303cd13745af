"""Landed Cost Purchase Receipt: one receipt whose goods a landed cost voucher adds to."""

DOCTYPE = {
    "name": "Landed Cost Purchase Receipt",
    "istable": True,
    "fields": [
        {"fieldname": "receipt_document", "fieldtype": "Link", "options": "Purchase Receipt",
         "label": "Purchase Receipt", "reqd": 1, "in_list_view": 1},
        {"fieldname": "supplier", "fieldtype": "Link", "options": "Supplier",
         "label": "Supplier", "read_only": 1, "in_list_view": 1},
        {"fieldname": "posting_date", "fieldtype": "Date", "label": "Date", "read_only": 1},
        {"fieldname": "grand_total", "fieldtype": "Currency", "label": "Total",
         "read_only": 1, "in_list_view": 1},
    ],
}
