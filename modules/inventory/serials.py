"""Serial numbers in the stock ledger: each unit of a serial item is one Serial No, in
one warehouse while it is in stock.

A receipt brings numbers in (creating those never seen), an issue takes numbers that
are in stock in that warehouse out (Delivered, with the voucher), and a cancellation
puts each number back where its voucher found it. Runs under the Bin lock (see
``tracking.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from core.db import query
from core.naming import from_series
from modules.inventory.doctypes.serial_no import (
    ACTIVE,
    DELIVERED,
    INACTIVE,
    KEPT_BY_LEDGER,
)
from modules.inventory.errors import SerialNoError

if TYPE_CHECKING:
    from core.context import Context
    from modules.inventory.ledger import StockMove, StockVoucher

Row = dict[str, Any]


def new_serials(ctx: Context, series: str, count: int) -> list[str]:
    """``count`` new numbers from the item's series (``LAP-.#####`` -> ``LAP-00001``)."""
    return [from_series(ctx, series) for _ in range(count)]


def serials_in(ctx: Context, item_code: str, warehouse: str) -> list[str]:
    """The serial numbers of the item in stock in the warehouse, in order."""
    return [r["name"] for r in query.select_rows(
        ctx, "Serial No", fields=["name"], filters={
            "item_code": item_code, "warehouse": warehouse, "status": ACTIVE},
        order_by="name asc")]


def move_serials(ctx: Context, voucher: StockVoucher, moves: Sequence[StockMove], *,
                 reversal: bool) -> None:
    names = sorted({s for m in moves for s in m.serial_nos})
    found: dict[str, Row] = {r["name"]: r for r in query.select_rows(
        ctx, "Serial No", fields=["name", "item_code", *KEPT_BY_LEDGER],
        filters=[["name", "in", names]])}
    stored = set(found)
    for move in moves:
        for serial in move.serial_nos:
            row = found.get(serial)
            found[serial] = arrive(row, serial, move, voucher, reversal) if move.qty > 0 \
                else leave(row, serial, move, voucher, reversal)
    _write(ctx, [found[s] for s in names if s not in stored],
           [found[s] for s in names if s in stored])


def arrive(row: Row | None, serial: str, move: StockMove, voucher: StockVoucher,
           reversal: bool) -> Row:
    """The unit enters the warehouse: new, never received, or back from a customer."""
    if row is not None and row["item_code"] != move.item_code:
        raise SerialNoError(f"Serial number {serial} is a {row['item_code']}, not a "
                            f"{move.item_code}", field="items")
    if row is not None and row["warehouse"]:
        raise SerialNoError(f"Serial number {serial} is already in stock in "
                            f"{row['warehouse']}", field="items")
    base = row or {"name": serial, "item_code": move.item_code} | dict.fromkeys(KEPT_BY_LEDGER)
    received = {} if reversal or (row and row["status"] != INACTIVE) else {
        "purchase_document_type": voucher.voucher_type,
        "purchase_document_no": voucher.voucher_no}
    return base | received | {"warehouse": move.warehouse, "status": ACTIVE,
                              "delivery_document_type": None, "delivery_document_no": None}


def leave(row: Row | None, serial: str, move: StockMove, voucher: StockVoucher,
          reversal: bool) -> Row:
    """The unit leaves the warehouse it is in: delivered, or, when its receipt is
    cancelled, never received."""
    if row is None or row["item_code"] != move.item_code or row["status"] != ACTIVE \
            or row["warehouse"] != move.warehouse:
        where = f"it is in {row['warehouse']}" if row and row["warehouse"] else \
            f"it is {row['status'].lower()}" if row else "it was never received"
        raise SerialNoError(f"Serial number {serial} of {move.item_code} is not in stock "
                            f"in {move.warehouse} ({where})", field="items")
    if reversal:
        return row | {"warehouse": None, "status": INACTIVE}
    return row | {"warehouse": None, "status": DELIVERED,
                  "delivery_document_type": voucher.voucher_type,
                  "delivery_document_no": voucher.voucher_no}


def _write(ctx: Context, created: list[Row], changed: list[Row]) -> None:
    stamp = {"modified": ctx.now, "modified_by": ctx.user}
    query.insert_rows(ctx, "Serial No", [row | stamp | {
        "serial_no": row["name"], "owner": ctx.user, "creation": ctx.now, "docstatus": 0,
        "idx": 0} for row in created])
    query.update_rows(ctx, "Serial No", [
        {"name": row["name"], **{f: row[f] for f in KEPT_BY_LEDGER}} | stamp
        for row in changed])
