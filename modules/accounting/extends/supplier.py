"""What accounting adds to a supplier: default payment terms."""

EXTENDS = "Supplier"
FIELDS = [
    {"fieldname": "payment_terms", "fieldtype": "Link", "options": "Payment Terms Template",
     "label": "Default Payment Terms", "insert_after": "default_currency"},
]
