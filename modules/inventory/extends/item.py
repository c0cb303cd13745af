"""What inventory adds to an item: how its stock is valued, the units it is bought and
sold in, its barcodes, and when to reorder it."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from core.errors import ValidationError

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

EXTENDS = "Item"
FIELDS = [
    {"fieldname": "valuation_method", "fieldtype": "Select", "label": "Valuation Method",
     "options": "FIFO\nMoving Average", "default": "FIFO", "insert_after": "is_stock_item"},
    {"fieldname": "uoms", "fieldtype": "Table", "options": "UOM Conversion Detail",
     "label": "Units of Measure"},
    {"fieldname": "barcodes", "fieldtype": "Table", "options": "Item Barcode",
     "label": "Barcodes"},
    {"fieldname": "reorder_levels", "fieldtype": "Table", "options": "Item Reorder",
     "label": "Reorder Levels"},
]


def validate(ctx: Context, doc: Document) -> None:
    check_units(doc)


def check_units(doc: Document) -> None:
    """Every unit converts once, by a positive factor; the stock unit by exactly 1."""
    seen: set[str] = set()
    for i, row in enumerate(doc.children("uoms"), start=1):
        factor = row.conversion_factor or Decimal(0)
        if row.uom in seen:
            raise ValidationError(f"Units of Measure row {i}: {row.uom} is listed twice",
                                  field="uoms")
        seen.add(row.uom)
        if factor <= 0:
            raise ValidationError(f"Units of Measure row {i}: the conversion factor must "
                                  "be above zero", field="uoms")
        if row.uom == doc.stock_uom and factor != 1:
            raise ValidationError(f"Units of Measure row {i}: {row.uom} is the stock unit; "
                                  "its factor is 1", field="uoms")
