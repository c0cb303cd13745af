"""The lines of documents that move stock (stock entries, invoices that update stock,
delivery notes): what every such line is checked for and how it becomes a ``StockMove``.

Shared by inventory's own documents and the modules that depend on it, so a line in a
Box, of a batch or with serial numbers means the same on every document. A document
says which of its lines bring stock in (``incoming``); the others take it out.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from modules.inventory.batches import new_batch
from modules.inventory.errors import BatchError, SerialNoError
from modules.inventory.ledger import StockMove
from modules.inventory.serials import new_serials
from modules.inventory.tracking import split_serials, tracked_items
from modules.inventory.units import row_number, set_stock_qty, shown

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)
Incoming = Callable[["Document"], bool]


def never(row: Document) -> bool:
    return False


def prepare_lines(ctx: Context, doc: Document, rows: list[Document],
                  incoming: Incoming = never) -> None:
    """Validate-time: each line's unit, factor and quantity in stock units, and its
    batch and serial numbers as far as the line alone can tell."""
    set_stock_qty(ctx, doc, rows)
    items = tracked_items(ctx, [r.item_code for r in rows if r.item_code])
    seen: set[str] = set()
    for row in rows:
        item = items.get(row.item_code, {})
        label = f"Items row {row_number(doc, row)}: {row.item_code}"
        _check_batch(row, item, label, incoming(row))
        _check_serials(row, item, label, incoming(row), seen)


def _check_batch(row: Document, item: dict[str, Any], label: str, comes_in: bool) -> None:
    if row.get("batch_no") and not item.get("has_batch_no"):
        raise BatchError(f"{label} is not kept in batches", field="items")
    if item.get("has_batch_no") and not row.get("batch_no") and \
            not (comes_in and item.get("create_new_batch")):
        raise BatchError(f"{label} is kept in batches: choose the batch", field="items")


def _check_serials(row: Document, item: dict[str, Any], label: str, comes_in: bool,
                   seen: set[str]) -> None:
    serials = split_serials(row.get("serial_no"))
    if serials and not item.get("has_serial_no"):
        raise SerialNoError(f"{label} has no serial numbers", field="items")
    if not item.get("has_serial_no"):
        return
    units = abs(row.stock_qty)
    if units != units.to_integral_value():
        raise SerialNoError(f"{label} is counted in whole units (serial numbers)",
                            field="items")
    if serials and len(serials) != units:
        raise SerialNoError(f"{label}: {len(serials)} serial numbers for a quantity of "
                            f"{shown(units)}", field="items")
    if not serials and not (comes_in and item.get("serial_no_series")):
        raise SerialNoError(f"{label} needs its {shown(units)} serial numbers, one a line",
                            field="items")
    twice = seen.intersection(serials) or {s for s in serials if serials.count(s) > 1}
    if twice:
        raise SerialNoError(f"{label}: serial number {sorted(twice)[0]} is listed twice",
                            field="items")
    seen.update(serials)
    row.serial_no = "\n".join(serials) or None


def assign_tracking(ctx: Context, doc: Document, rows: list[Document],
                    incoming: Incoming) -> None:
    """Submit-time: a receipt line without a batch gets a new one, and one without
    serial numbers gets them from the item's series."""
    items = tracked_items(ctx, [r.item_code for r in rows if r.item_code])
    for row in rows:
        item = items.get(row.item_code, {})
        if not incoming(row):
            continue
        if item.get("has_batch_no") and not row.get("batch_no"):
            row.batch_no = new_batch(ctx, row.item_code, item["batch_number_series"],
                                     doc.posting_date)
        if item.get("has_serial_no") and not row.get("serial_no"):
            row.serial_no = "\n".join(new_serials(ctx, item["serial_no_series"],
                                                  int(abs(row.stock_qty))))


def line_move(row: Document, warehouse: str, direction: int, rate: Decimal = ZERO,
              against_account: str = "") -> StockMove:
    """The ledger movement of a line: ``direction`` -1 takes its stock quantity out, +1
    brings it in; ``rate`` is per stock unit."""
    return StockMove(row.item_code, warehouse, direction * row.stock_qty, rate,
                     row.name or "", against_account, batch_no=row.get("batch_no") or "",
                     serial_nos=split_serials(row.get("serial_no")))


def per_stock_unit(rate: Decimal, row: Document) -> Decimal:
    """A rate per the line's unit (per Box) as a rate per stock unit (per Nos)."""
    return rate / (row.conversion_factor or Decimal(1))
