"""The only writer of Stock Ledger Entry rows, and keeper of the Bin summaries.

``move_stock`` applies a voucher's movements in order: it locks each item+warehouse Bin
row (so two sales of the last unit queue up and the second one sees the stock is gone),
values the movement, refuses stock going negative unless the company allows it, writes
the ledger row and updates the Bin. A movement dated before the item's latest one is
valued as of its own date, and ``repost.repost_item`` revalues what came after it.
``reverse_stock`` undoes a voucher's movements with opposite rows. Both run in the
voucher's transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from core import records
from core.db import query
from core.errors import ConflictError, ValidationError
from core.jobs import enqueue
from core.naming import row_name
from modules.accounting.companies import company_precision, company_settings
from modules.base.items import item_rows
from modules.inventory.errors import NegativeStock
from modules.inventory.tracking import apply_tracking, split_serials
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
    against_account: str = ""  # where a revaluation of this movement is posted against
    outgoing_rate: Decimal | None = None  # an issue at this rate (a return to a supplier)
    batch_no: str = ""         # required for an item kept in batches
    serial_nos: tuple[str, ...] = ()  # one per unit, for an item with serial numbers


@dataclass(frozen=True)
class StockVoucher:
    voucher_type: str
    voucher_no: str
    posting_date: dt.date
    company: str
    # stock entries and returns to suppliers may move expired batches; sales may not
    allow_expired_batches: bool = False


def warehouse_accounts(ctx: Context, warehouses: Iterable[str]) -> dict[str, str]:
    """The stock account each warehouse posts to (warehouses are cached records)."""
    return {name: row["account"]
            for name, row in records.get_many(ctx, "Warehouse", warehouses).items()}


def bin_name(item_code: str, warehouse: str) -> str:
    return hashlib.sha1(f"{item_code}\x00{warehouse}".encode()).hexdigest()[:20]


# Bins this process has seen, per database and tenant: a Bin, once made, stays, so a
# voucher moving only such items need not try to create them first. Should one be gone
# after all, the lock below finds fewer rows and the bins are created as for new items.
_KNOWN_BINS: dict[tuple[str, int], set[str]] = {}
MAX_KNOWN_BINS, MAX_KNOWN_TENANTS = 200_000, 1024  # past these, start again from empty


def lock_bins(ctx: Context, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], dict]:
    """The Bins of these item+warehouse pairs, created if missing and locked until the
    transaction ends, always in the same order so concurrent vouchers cannot deadlock."""
    keys = sorted(set(keys), key=lambda k: bin_name(*k))
    if not keys:  # an order of services only
        return {}
    if len(_KNOWN_BINS) > MAX_KNOWN_TENANTS:
        _KNOWN_BINS.clear()
    known = _KNOWN_BINS.setdefault((ctx.site.db.url, ctx.tenant.id), set())
    names = [bin_name(*k) for k in keys]
    if known.issuperset(names):
        found = _locked_bins(ctx, names)
        if len(found) == len(keys):
            return found
    _create_bins(ctx, keys)
    found = _locked_bins(ctx, names)
    if len(known) > MAX_KNOWN_BINS:
        known.clear()
    known.update(names)
    return found


def _locked_bins(ctx: Context, names: list[str]) -> dict[tuple[str, str], dict]:
    rows = query.select_rows(ctx, "Bin", filters=[["name", "in", names]],
                             order_by="name asc", for_update=True)
    return {(r["item_code"], r["warehouse"]): r for r in rows}


def _create_bins(ctx: Context, keys: Sequence[tuple[str, str]]) -> None:
    insert = pg_insert if ctx.conn.dialect.name == "postgresql" else sqlite_insert
    ctx.conn.execute(insert(ctx.table("Bin")).on_conflict_do_nothing(
        index_elements=["tenant_id", "name"]), [{
            "tenant_id": ctx.tenant.id, "name": bin_name(item, warehouse), "docstatus": 0,
            "idx": 0, "item_code": item, "warehouse": warehouse, "actual_qty": 0,
            "reserved_qty": 0, "ordered_qty": 0, "projected_qty": 0, "valuation_rate": 0,
            "stock_value": 0, "stock_queue": [], "creation": ctx.now, "modified": ctx.now}
            for item, warehouse in keys])


def _state(row: dict[str, Any]) -> StockState:
    return StockState(row["actual_qty"] or ZERO, row["stock_value"] or ZERO,
                      [[Decimal(q), Decimal(r)] for q, r in row["stock_queue"] or []])


def _methods(ctx: Context, items: Sequence[str]) -> dict[str, str]:
    return {code: r["valuation_method"] or FIFO for code, r in item_rows(ctx, items).items()}


def move_stock(ctx: Context, voucher: StockVoucher,
               moves: Sequence[StockMove]) -> list[Decimal]:
    """Apply the movements; returns each one's value change (negative for an issue)."""
    precision = company_precision(ctx, voucher.company)
    allow_negative = bool(company_settings(ctx, voucher.company)["allow_negative_stock"])
    methods = _methods(ctx, [m.item_code for m in moves])
    bins = lock_bins(ctx, [(m.item_code, m.warehouse) for m in moves])
    states = {key: _state(row) for key, row in bins.items()}
    latest = latest_dates(ctx, bins)
    for key, date in latest.items():
        if date is None or date <= voucher.posting_date:
            continue
        # a back-dated movement is valued as of its own date; the entries after it are
        # revalued by a background job once this transaction commits
        states[key] = state_on(ctx, *key, voucher.posting_date, methods.get(key[0], FIFO),
                               precision)
        enqueue(ctx, "modules.inventory.repost.repost_item", item_code=key[0],
                warehouse=key[1], company=voucher.company)
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
            change = issue(state, -move.qty, method, precision, move.outgoing_rate)
        entries.append(_entry(ctx, voucher, move, state, change))
        changes.append(change)
    apply_tracking(ctx, voucher, moves)  # under the Bin locks taken above
    _write(ctx, entries, bins, states, latest)
    return changes


def latest_dates(ctx: Context, bins: dict[tuple[str, str], dict[str, Any]]
                 ) -> dict[tuple[str, str], dt.date | None]:
    """The latest posting date among each item+warehouse's ledger rows (None: none yet),
    as its Bin keeps it, so a voucher finds out it is back-dated without reading the
    ledger. A Bin that has not recorded it yet (new, or kept before Bins did) is looked
    up in the ledger; its next write records it."""
    latest = {key: row["latest_posting_date"] for key, row in bins.items()}
    unknown = [key for key, date in latest.items() if date is None]
    if unknown:
        sle = ctx.table("Stock Ledger Entry")
        rows = ctx.conn.execute(
            select(sle.c.item_code, sle.c.warehouse, func.max(sle.c.posting_date))
            .where(sle.c.tenant_id == ctx.tenant.id,
                   sle.c.item_code.in_(sorted({k[0] for k in unknown})),
                   sle.c.warehouse.in_(sorted({k[1] for k in unknown})))
            .group_by(sle.c.item_code, sle.c.warehouse))
        found = {(item, warehouse): date for item, warehouse, date in rows}
        latest.update((key, found.get(key)) for key in unknown)
    return latest


def ordered_entries(ctx: Context, item_code: str, warehouse: str,
                    until: dt.date | None = None) -> list[dict[str, Any]]:
    """The item's ledger rows in one warehouse, in the order they count."""
    filters: list[list[Any]] = [["item_code", "=", item_code], ["warehouse", "=", warehouse]]
    if until is not None:
        filters.append(["posting_date", "<=", until])
    return query.select_rows(ctx, "Stock Ledger Entry", filters=filters,
                             order_by="posting_date asc, creation asc, idx asc")


def state_on(ctx: Context, item_code: str, warehouse: str, on: dt.date, method: str,
             precision: int) -> StockState:
    """What the warehouse held of the item at the end of ``on``, replayed from the ledger."""
    from modules.inventory.repost import replay

    state, _ = replay(ordered_entries(ctx, item_code, warehouse, on), method, precision)
    return state


def _entry(ctx: Context, voucher: StockVoucher, move: StockMove, state: StockState,
           change: Decimal, *, reversal: bool = False) -> dict[str, Any]:
    return {
        "name": row_name(), "owner": ctx.user, "creation": ctx.now,
        "modified": ctx.now, "modified_by": ctx.user, "docstatus": 1, "idx": 0,
        "item_code": move.item_code, "warehouse": move.warehouse, "company": voucher.company,
        "posting_date": voucher.posting_date, "voucher_type": voucher.voucher_type,
        "voucher_no": voucher.voucher_no, "voucher_detail_no": move.voucher_detail_no,
        "actual_qty": move.qty, "qty_after_transaction": state.qty,
        "incoming_rate": move.incoming_rate if move.qty > 0 else ZERO,
        "valuation_rate": state.rate, "stock_value": state.value,
        "stock_value_difference": change, "stock_queue": queue_of(state),
        "outgoing_rate": move.outgoing_rate if move.qty < 0 else None,
        "is_reversal": int(reversal), "is_adjustment": 0,
        "against_account": move.against_account or None, "batch_no": move.batch_no or None,
        "serial_no": "\n".join(move.serial_nos) or None}


def queue_of(state: StockState) -> list[list[str]]:
    return [[str(q), str(r)] for q, r in state.queue]


def _write(ctx: Context, entries: list[dict[str, Any]],
           bins: dict[tuple[str, str], dict[str, Any]],
           states: dict[tuple[str, str], StockState],
           latest: dict[tuple[str, str], dt.date | None]) -> None:
    """The ledger rows and the Bins' new totals and latest posting dates (``latest``:
    before these rows): one statement each.

    Rows are stamped with the moment they are written and numbered in order (``idx``),
    so the ledger reads back in the order it was made, even for several vouchers of one
    transaction.
    """
    written = dt.datetime.now()
    for i, entry in enumerate(entries):
        entry.update(creation=written, idx=i)
    query.insert_rows(ctx, "Stock Ledger Entry", entries)
    latest = dict(latest)
    for entry in entries:
        key = (entry["item_code"], entry["warehouse"])
        latest[key] = _later(latest.get(key), entry["posting_date"])
    query.update_rows(ctx, "Bin", [{
        "name": row["name"], "actual_qty": states[key].qty,
        "stock_value": states[key].value, "valuation_rate": states[key].rate,
        "stock_queue": queue_of(states[key]), "modified": ctx.now,
        "latest_posting_date": latest.get(key),
        "projected_qty": states[key].qty + (row["ordered_qty"] or ZERO)
        - (row["reserved_qty"] or ZERO)} for key, row in bins.items()], locked=True)


def _later(date: dt.date | None, other: dt.date) -> dt.date:
    return other if date is None or other > date else date


def reserve(ctx: Context, changes: Sequence[tuple[str, str, Decimal]]) -> None:
    """Add to (or, negative, take from) the quantity reserved for customers' orders of
    each item+warehouse; what is projected to be free follows."""
    bins = lock_bins(ctx, [(item, warehouse) for item, warehouse, _ in changes])
    reserved = {key: row["reserved_qty"] or ZERO for key, row in bins.items()}
    for item, warehouse, qty in changes:
        reserved[(item, warehouse)] += qty
    query.update_rows(ctx, "Bin", [{
        "name": row["name"], "reserved_qty": reserved[key],
        "projected_qty": (row["actual_qty"] or ZERO) + (row["ordered_qty"] or ZERO)
        - reserved[key]} for key, row in bins.items()], locked=True)


def order(ctx: Context, changes: Sequence[tuple[str, str, Decimal]]) -> None:
    """Add to (or, negative, take from) the quantity ordered from suppliers and not yet
    received of each item+warehouse; what is projected to be free follows."""
    bins = lock_bins(ctx, [(item, warehouse) for item, warehouse, _ in changes])
    ordered = {key: row["ordered_qty"] or ZERO for key, row in bins.items()}
    for item, warehouse, qty in changes:
        ordered[(item, warehouse)] += qty
    query.update_rows(ctx, "Bin", [{
        "name": row["name"], "ordered_qty": ordered[key],
        "projected_qty": (row["actual_qty"] or ZERO) + ordered[key]
        - (row["reserved_qty"] or ZERO)} for key, row in bins.items()], locked=True)


def revalue_receipt(ctx: Context, voucher_type: str, voucher_no: str, detail_no: str,
                    delta: Decimal, on: dt.date) -> dict[str, Any]:
    """Make goods already received worth ``delta`` more from ``on`` (a landed cost; the
    opposite when it is cancelled). Returns the receipt's ledger row.

    The ledger stays append-only: a revaluation row (quantity 0) is appended on the
    receipt's own movement, so replaying the ledger values those units with it. The Bin
    is rebuilt from the ledger at once, and ``repost.repost_item`` revalues whatever was
    issued since, after commit. GL entries are the caller's.
    """
    from modules.inventory.repost import replay

    found = query.select_rows(ctx, "Stock Ledger Entry", filters={
        "voucher_type": voucher_type, "voucher_no": voucher_no,
        "voucher_detail_no": detail_no, "is_reversal": 0, "is_adjustment": 0}, limit=1)
    if not found or found[0]["actual_qty"] <= 0:
        raise ValidationError(f"{voucher_type} {voucher_no} row {detail_no} brought no "
                              "goods into stock", field="items")
    entry = found[0]
    key = (entry["item_code"], entry["warehouse"])
    row = lock_bins(ctx, [key])[key]
    latest = latest_dates(ctx, {key: row})[key]
    query.insert_rows(ctx, "Stock Ledger Entry", [entry | {
        "name": row_name(), "owner": ctx.user, "creation": dt.datetime.now(),
        "modified": ctx.now, "modified_by": ctx.user, "posting_date": on,
        "actual_qty": ZERO, "stock_value_difference": delta, "is_adjustment": 1}])
    method = _methods(ctx, [key[0]]).get(key[0], FIFO)
    state, _ = replay(ordered_entries(ctx, *key), method,
                      company_precision(ctx, entry["company"]))
    query.update_rows(ctx, "Bin", [{
        "name": row["name"], "actual_qty": state.qty, "stock_value": state.value,
        "valuation_rate": state.rate, "stock_queue": queue_of(state), "modified": ctx.now,
        "latest_posting_date": _later(latest, on),
        "projected_qty": state.qty + (row["ordered_qty"] or ZERO)
        - (row["reserved_qty"] or ZERO)}])
    enqueue(ctx, "modules.inventory.repost.repost_item", item_code=key[0],
            warehouse=key[1], company=entry["company"])
    return entry


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
    latest = latest_dates(ctx, bins)
    reversal, undone = [], []
    for entry in reversed(entries):
        key = (entry["item_code"], entry["warehouse"])
        qty, value = -entry["actual_qty"], -entry["stock_value_difference"]
        if states[key].qty + qty < 0 and not allow_negative:
            raise NegativeStock(f"Cancelling {voucher.voucher_no} would take "
                                f"{entry['item_code']} in {entry['warehouse']} below zero: "
                                "it has been issued since", field="items")
        restore(states[key], qty, value, methods.get(entry["item_code"], FIFO))
        move = StockMove(*key, qty, voucher_detail_no=entry["voucher_detail_no"],
                         against_account=entry["against_account"] or "",
                         batch_no=entry["batch_no"] or "",
                         serial_nos=split_serials(entry["serial_no"]))
        undone.append(move)
        reversal.append(_entry(ctx, voucher, move, states[key], value, reversal=True))
    apply_tracking(ctx, voucher, undone, reversal=True)
    _write(ctx, reversal, bins, states, latest)
    return entries
