"""Batches in the stock ledger: a batch's stock in a warehouse is the sum of the ledger
rows that name it, and it may not go below zero, whatever the company allows for the
item as a whole. Read under the Bin lock (see ``tracking.py``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from core import lifecycle
from core.db import query
from core.naming import from_series
from modules.inventory.errors import BatchError
from modules.inventory.units import shown

if TYPE_CHECKING:
    from core.context import Context
    from modules.inventory.ledger import StockMove, StockVoucher

ZERO = Decimal(0)
DEFAULT_SERIES = "BATCH-.#####"
BatchKey = tuple[str, str, str]  # item, warehouse, batch


def new_batch(ctx: Context, item_code: str, series: str | None, made_on: dt.date) -> str:
    """A new batch of the item named from its series (``BATCH-00001`` by default)."""
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Batch", {
        "batch_id": from_series(ctx, series or DEFAULT_SERIES), "item": item_code,
        "manufacturing_date": made_on})).name or ""


def batch_balances(ctx: Context, moves: Sequence[StockMove]) -> dict[BatchKey, Decimal]:
    """What each batch of the movements holds in each warehouse, from the ledger."""
    sle = query.view(ctx, "Stock Ledger Entry")
    stmt = (select(sle.c.item_code, sle.c.warehouse, sle.c.batch_no,
                   func.sum(sle.c.actual_qty))
            .where(sle.c.batch_no.in_(sorted({m.batch_no for m in moves})),
                   sle.c.item_code.in_(sorted({m.item_code for m in moves})))
            .group_by(sle.c.item_code, sle.c.warehouse, sle.c.batch_no))
    # SQLite sums in binary floats: back to the quantity column's scale
    return {(item, warehouse, batch): Decimal(str(qty or 0)).quantize(Decimal("1e-9"))
            for item, warehouse, batch, qty in ctx.conn.execute(stmt)}


def batch_held(ctx: Context, item_code: str, warehouse: str, batch_no: str) -> Decimal:
    """What one batch of the item holds in the warehouse."""
    sle = query.view(ctx, "Stock Ledger Entry")
    held = ctx.conn.execute(select(func.sum(sle.c.actual_qty)).where(
        sle.c.item_code == item_code, sle.c.warehouse == warehouse,
        sle.c.batch_no == batch_no)).scalar()
    # SQLite sums in binary floats: back to the quantity column's scale
    return Decimal(str(held or 0)).quantize(Decimal("1e-9"))


def check_batches(ctx: Context, voucher: StockVoucher, moves: Sequence[StockMove], *,
                  reversal: bool) -> None:
    found = {r["name"]: r for r in query.select_rows(
        ctx, "Batch", fields=["name", "item", "expiry_date", "disabled"],
        filters=[["name", "in", sorted({m.batch_no for m in moves})]])}
    balances = batch_balances(ctx, moves)
    for move in moves:
        if not reversal:
            check_usable(found.get(move.batch_no), move, voucher)
        key = (move.item_code, move.warehouse, move.batch_no)
        held = balances.get(key, ZERO)
        if held + move.qty < 0:
            raise BatchError(f"Batch {move.batch_no} of {move.item_code} in "
                             f"{move.warehouse}: {shown(-move.qty)} needed, only "
                             f"{shown(held)} in the batch", field="items")
        balances[key] = held + move.qty


def check_usable(batch: dict[str, Any] | None, move: StockMove,
                 voucher: StockVoucher) -> None:
    """The batch is the item's and enabled; an issue takes no expired batch unless the
    voucher may (a stock entry writing it off, a return to the supplier)."""
    if batch is None or batch["item"] != move.item_code:
        raise BatchError(f"{move.batch_no} is not a batch of {move.item_code}",
                         field="items")
    if batch["disabled"]:
        raise BatchError(f"Batch {move.batch_no} of {move.item_code} is disabled",
                         field="items")
    expiry = batch["expiry_date"]
    if move.qty < 0 and expiry and expiry < voucher.posting_date \
            and not voucher.allow_expired_batches:
        raise BatchError(f"Batch {move.batch_no} of {move.item_code} expired on {expiry}",
                         field="items")
