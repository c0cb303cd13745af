"""Tax Withholding Voucher: an amount besides its own that a purchase invoice's TDS
was computed on.

Each earlier untaxed invoice of the year it caught up (with its amount), and each advance
whose TDS already covered part of it (a negative amount). An invoice caught up stays taxed
while the submitted invoice listing it stands; cancelling that one makes it untaxed again,
so the next invoice catches it up.
"""

DOCTYPE = {
    "name": "Tax Withholding Voucher",
    "istable": True,
    "fields": [
        {"fieldname": "purchase_invoice", "fieldtype": "Link", "options": "Purchase Invoice",
         "label": "Purchase Invoice", "in_list_view": 1},
        {"fieldname": "payment_entry", "fieldtype": "Link", "options": "Payment Entry",
         "label": "Advance", "in_list_view": 1},
        {"fieldname": "taxable_amount", "fieldtype": "Currency", "label": "Taxable Amount",
         "in_list_view": 1},
    ],
}
