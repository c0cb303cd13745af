"""The only writer of Stock Ledger Entry rows, and keeper of the Bin summaries.

``move_stock`` applies a voucher's movements in order: it locks each item+warehouse Bin
row (so two sales of the last unit queue up and the second one sees the stock is gone),
values the movement, refuses stock going negative unless the company allows it, writes
the ledger row and updates the Bin. ``reverse_stock`` undoes a voucher's movements with
opposite rows. Both run in the voucher's transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from core.db import query
from core.errors import ConflictError
from modules.accounting.companies import company_precision, company_settings
from modules.inventory.errors import BackdatedEntry, NegativeStock
from modules.inventory.valuation import FIFO, StockState, issue, receive, restore

if TYPE_CHECKING:
    from core.context import Context

ZERO = Decimal(0)


@dataclass(frozen=True)
class StockMove:
    item_code: str
    warehouse: str
    qty: Decimal             # positive in, negative out
    incoming_rate: Decimal = ZERO
    voucher_detail_no: str = ""


@dataclass(frozen=True)
class StockVoucher:
    voucher_type: str
    voucher_no: str
    posting_date: dt.date
    company: str


def bin_name(item_code: str, warehouse: str) -> str:
    return hashlib.sha1(f"{item_code}\x00{warehouse}".encode()).hexdigest()[:20]


def lock_bins(ctx: Context, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], dict]:
    """The Bins of these item+warehouse pairs, created if missing and locked until the
    transaction ends, always in the same order so concurrent vouchers cannot deadlock."""
    keys = sorted(set(keys), key=lambda k: bin_name(*k))
    insert = pg_insert if ctx.conn.dialect.name == "postgresql" else sqlite_insert
    ctx.conn.execute(insert(ctx.table("Bin")).on_conflict_do_nothing(
        index_elements=["tenant_id", "name"]), [{
            "tenant_id": ctx.tenant.id, "name": bin_name(item, warehouse), "docstatus": 0,
            "idx": 0, "item_code": item, "warehouse": warehouse, "actual_qty": 0,
            "reserved_qty": 0, "ordered_qty": 0, "projected_qty": 0, "valuation_rate": 0,
            "stock_value": 0, "stock_queue": [], "creation": ctx.now, "modified": ctx.now}
            for item, warehouse in keys])
    rows = query.select_rows(ctx, "Bin", filters=[["name", "in", [bin_name(*k) for k in keys]]],
                             order_by="name asc", for_update=True)
    return {(r["item_code"], r["warehouse"]): r for r in rows}


def _state(row: dict[str, Any]) -> StockState:
    return StockState(row["actual_qty"] or ZERO, row["stock_value"] or ZERO,
                      [[Decimal(q), Decimal(r)] for q, r in row["stock_queue"] or []])


def _methods(ctx: Context, items: Sequence[str]) -> dict[str, str]:
    rows = query.select_rows(ctx, "Item", fields=["name", "valuation_method"],
                             filters=[["name", "in", sorted(set(items))]])
    return {r["name"]: r["valuation_method"] or FIFO for r in rows}


def move_stock(ctx: Context, voucher: StockVoucher,
               moves: Sequence[StockMove]) -> list[Decimal]:
    """Apply the movements; returns each one's value change (negative for an issue)."""
    precision = company_precision(ctx, voucher.company)
    allow_negative = bool(company_settings(ctx, voucher.company)["allow_negative_stock"])
    methods = _methods(ctx, [m.item_code for m in moves])
    bins = lock_bins(ctx, [(m.item_code, m.warehouse) for m in moves])
    _check_not_backdated(ctx, moves, voucher)
    states = {key: _state(row) for key, row in bins.items()}
    changes, entries = [], []
    for move in moves:
        state = states[(move.item_code, move.warehouse)]
        method = methods.get(move.item_code, FIFO)
        if move.qty > 0:
            change = receive(state, move.qty, move.incoming_rate, method, precision)
        else:
            if state.qty + move.qty < 0 and not allow_negative:
                raise NegativeStock(
                    f"{move.item_code} in {move.warehouse}: {-move.qty} needed, only "
                    f"{state.qty} in stock on {voucher.posting_date}", field="items")
            change = issue(state, -move.qty, method, precision)
        entries.append(_entry(ctx, voucher, move, state, change))
        changes.append(change)
    _write(ctx, entries, bins, states)
    return changes


def _check_not_backdated(ctx: Context, moves: Sequence[StockMove],
                         voucher: StockVoucher) -> None:
    keys = {(m.item_code, m.warehouse) for m in moves}
    later = query.select_rows(ctx, "Stock Ledger Entry", fields=[
        "item_code", "warehouse", "posting_date"], filters=[
        ["item_code", "in", sorted({k[0] for k in keys})],
        ["warehouse", "in", sorted({k[1] for k in keys})],
        ["posting_date", ">", voucher.posting_date]], limit=len(keys) * 4)
    for row in later:
        if (row["item_code"], row["warehouse"]) in keys:
            raise BackdatedEntry(
                f"{row['item_code']} in {row['warehouse']} already moved on "
                f"{row['posting_date']}: entries dated before the latest movement are "
                "not accepted yet", field="posting_date")


def _entry(ctx: Context, voucher: StockVoucher, move: StockMove, state: StockState,
           change: Decimal, *, reversal: bool = False) -> dict[str, Any]:
    return {
        "name": secrets.token_hex(6), "owner": ctx.user, "creation": ctx.now,
        "modified": ctx.now, "modified_by": ctx.user, "docstatus": 1, "idx": 0,
        "item_code": move.item_code, "warehouse": move.warehouse, "company": voucher.company,
        "posting_date": voucher.posting_date, "voucher_type": voucher.voucher_type,
        "voucher_no": voucher.voucher_no, "voucher_detail_no": move.voucher_detail_no,
        "actual_qty": move.qty, "qty_after_transaction": state.qty,
        "incoming_rate": move.incoming_rate if move.qty > 0 else ZERO,
        "valuation_rate": state.rate, "stock_value": state.value,
        "stock_value_difference": change, "stock_queue": _queue(state),
        "is_reversal": int(reversal)}


def _queue(state: StockState) -> list[list[str]]:
    return [[str(q), str(r)] for q, r in state.queue]


def _write(ctx: Context, entries: list[dict[str, Any]],
           bins: dict[tuple[str, str], dict[str, Any]],
           states: dict[tuple[str, str], StockState]) -> None:
    """The ledger rows and the Bins' new totals: one statement each.

    Rows are stamped with the moment they are written and numbered in order (``idx``),
    so the ledger reads back in the order it was made, even for several vouchers of one
    transaction.
    """
    written = dt.datetime.now()
    for i, entry in enumerate(entries):
        entry.update(creation=written, idx=i)
    query.insert_rows(ctx, "Stock Ledger Entry", entries)
    query.update_rows(ctx, "Bin", [{
        "name": row["name"], "actual_qty": states[key].qty,
        "stock_value": states[key].value, "valuation_rate": states[key].rate,
        "stock_queue": _queue(states[key]), "modified": ctx.now,
        "projected_qty": states[key].qty + (row["ordered_qty"] or ZERO)
        - (row["reserved_qty"] or ZERO)} for key, row in bins.items()])


def reverse_stock(ctx: Context, voucher: StockVoucher) -> list[dict[str, Any]]:
    """Undo the voucher's movements, newest first, with opposite ledger rows."""
    entries = query.select_rows(ctx, "Stock Ledger Entry", filters={
        "voucher_type": voucher.voucher_type, "voucher_no": voucher.voucher_no},
        order_by="creation asc, idx asc")
    if any(e["is_reversal"] for e in entries):
        raise ConflictError(f"{voucher.voucher_type} {voucher.voucher_no} is already "
                            "reversed")
    allow_negative = bool(company_settings(ctx, voucher.company)["allow_negative_stock"])
    methods = _methods(ctx, [e["item_code"] for e in entries])
    bins = lock_bins(ctx, [(e["item_code"], e["warehouse"]) for e in entries])
    states = {key: _state(row) for key, row in bins.items()}
    reversal = []
    for entry in reversed(entries):
        key = (entry["item_code"], entry["warehouse"])
        qty, value = -entry["actual_qty"], -entry["stock_value_difference"]
        if states[key].qty + qty < 0 and not allow_negative:
            raise NegativeStock(f"Cancelling {voucher.voucher_no} would take "
                                f"{entry['item_code']} in {entry['warehouse']} below zero: "
                                "it has been issued since", field="items")
        restore(states[key], qty, value, methods.get(entry["item_code"], FIFO))
        move = StockMove(*key, qty, voucher_detail_no=entry["voucher_detail_no"])
        reversal.append(_entry(ctx, voucher, move, states[key], value, reversal=True))
    _write(ctx, reversal, bins, states)
    return entries
