"""The lines of documents that move stock (stock entries, invoices that update stock,
delivery notes): what every such line is checked for and how it becomes a ``StockMove``.

Shared by inventory's own documents and the modules that depend on it, so a line in a
Box or of a batch means the same on every document.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from modules.inventory.ledger import StockMove
from modules.inventory.units import set_stock_qty

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)


def prepare_lines(ctx: Context, doc: Document, rows: list[Document]) -> None:
    """Validate-time: each line's unit, factor and quantity in stock units."""
    set_stock_qty(ctx, doc, rows)


def line_move(row: Document, warehouse: str, direction: int, rate: Decimal = ZERO,
              against_account: str = "") -> StockMove:
    """The ledger movement of a line: ``direction`` -1 takes its stock quantity out, +1
    brings it in; ``rate`` is per stock unit."""
    return StockMove(row.item_code, warehouse, direction * row.stock_qty, rate,
                     row.name or "", against_account)


def per_stock_unit(rate: Decimal, row: Document) -> Decimal:
    """A rate per the line's unit (per Box) as a rate per stock unit (per Nos)."""
    return rate / (row.conversion_factor or Decimal(1))
