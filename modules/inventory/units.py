"""Units of measure on stock lines.

A line may be entered in any unit its item converts from (``uom``); it moves
``stock_qty = qty x conversion_factor`` in the item's stock unit, and the stock ledger
only ever sees stock units. The factor is always looked up from the item, never taken
from the line, so a typed-in factor cannot change what the ledger moves.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from core import records
from core.db import query
from core.errors import ValidationError
from modules.base.items import item_rows

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ONE, ZERO = Decimal(1), Decimal(0)
Factors = dict[str, tuple[str, dict[str, Decimal]]]


def conversion_factors(ctx: Context, items: list[str]) -> Factors:
    """Each item's stock unit and the factor of every unit it converts from; the stock
    unit itself is always 1."""
    if not items:
        return {}
    found: Factors = {code: (r["stock_uom"], {r["stock_uom"]: ONE})
                      for code, r in item_rows(ctx, items).items()}
    for code, (_, factors) in found.items():
        for uom, factor in records.derived(ctx, f"inventory.uoms.{code}",
                                           lambda code=code: _conversions(ctx, code)):
            factors.setdefault(uom, factor)
    return found


def _conversions(ctx: Context, item: str) -> tuple[tuple[str, Decimal], ...]:
    """An item's unit conversions (rows of the item, renewed with it as a cached record)."""
    return tuple((r["uom"], r["conversion_factor"]) for r in query.select_rows(
        ctx, "UOM Conversion Detail", fields=["uom", "conversion_factor"],
        filters=[["parenttype", "=", "Item"], ["parent", "=", item]], order_by="idx asc"))


def shown(qty: Decimal) -> str:
    """A quantity as people write it: 2, 2.5 (not 2.000 or 2E+1)."""
    return f"{qty.normalize():f}"


def row_number(doc: Document, row: Document) -> int:
    """The line's position in the document's items, as the user sees it."""
    for i, other in enumerate(doc.children("items"), start=1):
        if other is row:
            return i
    return row.idx or 0


def set_stock_qty(ctx: Context, doc: Document, rows: list[Document]) -> None:
    """Fill each line's unit (the stock unit by default), its factor and ``stock_qty``."""
    factors = conversion_factors(ctx, sorted({r.item_code for r in rows if r.item_code}))
    for row in rows:
        stock_uom, known = factors.get(row.item_code, ("", {}))
        row.uom = row.uom or stock_uom
        factor = known.get(row.uom)
        if factor is None:
            raise ValidationError(
                f"Items row {row_number(doc, row)}: {row.item_code} has no conversion from "
                f"{row.uom} to its stock unit {stock_uom}; add it to the item's units",
                field="items")
        row.conversion_factor = factor
        row.stock_qty = (row.qty or ZERO) * factor
