"""What accounting adds to a customer: default payment terms."""

EXTENDS = "Customer"
FIELDS = [
    {"fieldname": "payment_terms", "fieldtype": "Link", "options": "Payment Terms Template",
     "label": "Default Payment Terms", "insert_after": "default_currency"},
]
