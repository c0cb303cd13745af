"""Batches and serial numbers in the stock ledger.

``ledger.move_stock`` and ``ledger.reverse_stock`` call ``apply_tracking`` while they
hold the Bin lock of every item+warehouse they move. Every movement of an item in a
warehouse takes that lock, so the batch balances and serial numbers read here cannot
change until the voucher commits: of two sales of the same serial number, the second
waits for the first and then finds the unit delivered.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from modules.base.items import item_rows
from modules.inventory.batches import check_batches
from modules.inventory.errors import BatchError, SerialNoError
from modules.inventory.serials import move_serials
from modules.inventory.units import shown

if TYPE_CHECKING:
    from core.context import Context
    from modules.inventory.ledger import StockMove, StockVoucher

ITEM_FIELDS = ["name", "has_batch_no", "create_new_batch", "batch_number_series",
               "has_serial_no", "serial_no_series"]


def split_serials(text: str | None) -> tuple[str, ...]:
    """Serial numbers as typed: one a line (commas separate them too)."""
    return tuple(s.strip() for s in re.split(r"[\n,]", text or "") if s.strip())


def tracked_items(ctx: Context, codes: Sequence[str]) -> dict[str, dict[str, Any]]:
    """How each item is tracked: by batch, by serial number, and the series that name
    new ones."""
    return {code: {f: r[f] for f in ITEM_FIELDS} for code, r in item_rows(ctx, codes).items()}


def apply_tracking(ctx: Context, voucher: StockVoucher, moves: Sequence[StockMove], *,
                   reversal: bool = False) -> None:
    """Check the movements' batches and serial numbers and move the serial numbers.

    A reversal only undoes what its voucher did, so it is not held to the rules a new
    movement is (an expired batch may go back); balances and serial places still hold.
    """
    if not reversal:
        items = tracked_items(ctx, [m.item_code for m in moves])
        for move in moves:
            check_move(move, items.get(move.item_code, {}))
    batched = [m for m in moves if m.batch_no]
    if batched:
        check_batches(ctx, voucher, batched, reversal=reversal)
    numbered = [m for m in moves if m.serial_nos]
    if numbered:
        move_serials(ctx, voucher, numbered, reversal=reversal)


def check_move(move: StockMove, item: dict[str, Any]) -> None:
    """A batch item moves with its batch, a serial item with one number a unit, and
    other items with neither."""
    where = f"{move.item_code} in {move.warehouse}"
    if item.get("has_batch_no") and not move.batch_no:
        raise BatchError(f"{where}: the item is kept in batches; name the batch",
                         field="items")
    if move.batch_no and not item.get("has_batch_no"):
        raise BatchError(f"{where}: the item is not kept in batches", field="items")
    if item.get("has_serial_no") and len(move.serial_nos) != abs(move.qty):
        raise SerialNoError(f"{where}: {len(move.serial_nos)} serial numbers for a "
                            f"quantity of {shown(abs(move.qty))}", field="items")
    if move.serial_nos and not item.get("has_serial_no"):
        raise SerialNoError(f"{where}: the item has no serial numbers", field="items")
