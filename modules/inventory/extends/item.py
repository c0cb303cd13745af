"""What inventory adds to an item: how its stock is valued, the units it is bought and
sold in, whether it is kept in batches or by serial number, its barcodes, and when to
reorder it."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from core.db import query
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
    {"fieldname": "section_tracking", "fieldtype": "Section Break",
     "label": "Batches and Serial Numbers"},
    {"fieldname": "has_batch_no", "fieldtype": "Check", "label": "Has Batch No"},
    {"fieldname": "create_new_batch", "fieldtype": "Check",
     "label": "Create a Batch on Receipt"},
    {"fieldname": "batch_number_series", "fieldtype": "Data",
     "label": "Batch Number Series", "description": "e.g. BATCH-.#####"},
    {"fieldname": "column_tracking", "fieldtype": "Column Break"},
    {"fieldname": "has_serial_no", "fieldtype": "Check", "label": "Has Serial No"},
    {"fieldname": "serial_no_series", "fieldtype": "Data", "label": "Serial Number Series",
     "description": "e.g. SN-.#####; receipts without serial numbers are numbered from it"},
    {"fieldname": "section_more", "fieldtype": "Section Break"},
    {"fieldname": "barcodes", "fieldtype": "Table", "options": "Item Barcode",
     "label": "Barcodes"},
    {"fieldname": "reorder_levels", "fieldtype": "Table", "options": "Item Reorder",
     "label": "Reorder Levels"},
]


def validate(ctx: Context, doc: Document) -> None:
    check_units(doc)
    check_tracking(ctx, doc)


def check_tracking(ctx: Context, doc: Document) -> None:
    """Series name things (they need ``#`` digits), and an item with stock movements
    keeps how it is tracked: its ledger rows were written with or without batches and
    serial numbers."""
    if doc.create_new_batch and not doc.has_batch_no:
        raise ValidationError("Only an item kept in batches creates batches",
                              field="create_new_batch")
    for field in ("batch_number_series", "serial_no_series"):
        if doc.get(field) and "#" not in doc.get(field):
            raise ValidationError(f"{doc.get(field)} has no '#' digits to number from",
                                  field=field)
    stored = query.select_rows(ctx, "Item", fields=["has_batch_no", "has_serial_no"],
                               filters={"name": doc.name or ""}, limit=1)
    for field in ("has_batch_no", "has_serial_no"):
        if stored and bool(stored[0][field]) != bool(doc.get(field)) and query.exists(
                ctx, "Stock Ledger Entry", {"item_code": doc.name}):
            raise ValidationError(f"{doc.name} has stock movements: {field} cannot change",
                                  field=field)


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
