"""What pricing adds to the catalog's product: a list price and its VAT-inclusive twin."""

from decimal import Decimal

EXTENDS = "Ext Product"
FIELDS = [
    {"fieldname": "list_price", "fieldtype": "Currency", "insert_after": "code"},
    {"fieldname": "gross_price", "fieldtype": "Currency", "read_only": 1},
]


def validate(ctx, doc):
    doc.gross_price = (doc.list_price or Decimal(0)) * Decimal("1.2")
