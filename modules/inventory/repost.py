"""Revaluing an item's later movements after a back-dated one (a background job).

The stock ledger is append-only, so nothing recorded is changed: the job replays the
item's movements in one warehouse in date order, works out what each issue should have
cost under the item's valuation method, and for every movement whose recorded value
differs it appends a revaluation row (quantity 0, the difference in value) and posts the
same difference to the ledger between the warehouse's stock account and the account the
movement was booked against (cost of goods sold, stock adjustment...), dated like the
movement. Running it again finds nothing left to do.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core.db import query
from core.jobs import enqueue
from core.naming import row_name
from modules.accounting.companies import company_precision
from modules.accounting.posting import PostingLine, Voucher, post
from modules.inventory.ledger import lock_bins, ordered_entries, queue_of, warehouse_accounts
from modules.inventory.valuation import FIFO, StockState, issue, restore

if TYPE_CHECKING:
    from core.context import Context

ZERO = Decimal(0)
Key = tuple[str, str, str, int]  # voucher type, voucher no, voucher row, is reversal


def _key(entry: dict[str, Any]) -> Key:
    return (entry["voucher_type"], entry["voucher_no"], entry["voucher_detail_no"] or "",
            int(entry["is_reversal"]))


def replay(entries: list[dict[str, Any]], method: str,
           precision: int) -> tuple[StockState, dict[Key, Decimal]]:
    """The state after the entries, and the value each movement should have had."""
    state, due = StockState(), {}
    recorded = _recorded(entries)
    for entry in entries:
        if entry["is_adjustment"]:
            continue
        key, qty = _key(entry), entry["actual_qty"]
        if entry["is_reversal"] and not qty:
            # a cancelled revaluation row: the reversal of its movement already takes
            # the movement's whole value back, revaluations included
            continue
        if entry["is_reversal"]:
            original = key[:3] + (0,)
            value = -due.get(original, recorded.get(original, ZERO))
            restore(state, qty, value, method)
        elif qty > 0:
            # what came in is worth what was recorded for it (a transfer's value may have
            # been revalued since), at that exact rate
            value = recorded[key]
            state.qty += qty
            state.value += value
            if method == FIFO:
                state.queue.append([qty, value / qty])
        else:
            value = issue(state, -qty, method, precision, entry.get("outgoing_rate"))
        due[key] = due.get(key, ZERO) + value
    return state, due


def _recorded(entries: list[dict[str, Any]]) -> dict[Key, Decimal]:
    totals: dict[Key, Decimal] = {}
    for entry in entries:
        key = _key(entry)
        totals[key] = totals.get(key, ZERO) + entry["stock_value_difference"]
    return totals


def repost_item(ctx: Context, item_code: str, warehouse: str, company: str) -> int:
    """Bring the item's movements in the warehouse to their right values; returns how
    many revaluation rows were written."""
    bins = lock_bins(ctx, [(item_code, warehouse)])
    method = query.get_value(ctx, "Item", item_code, "valuation_method") or FIFO
    precision = company_precision(ctx, company)
    entries = ordered_entries(ctx, item_code, warehouse)
    state, due = replay(entries, method, precision)
    recorded = _recorded(entries)
    first = {}
    for entry in entries:
        first.setdefault(_key(entry), entry)
    stock_account = warehouse_accounts(ctx, [warehouse])[warehouse]
    written = 0
    for key, value in due.items():
        delta = value - recorded.get(key, ZERO)
        if delta:
            _revalue(ctx, first[key], delta, stock_account, company)
            written += 1 + _carry_transfer(ctx, first[key], delta, stock_account, company)
    row = bins[(item_code, warehouse)]
    query.update_rows(ctx, "Bin", [{
        "name": row["name"], "actual_qty": state.qty, "stock_value": state.value,
        "valuation_rate": state.rate, "stock_queue": queue_of(state), "modified": ctx.now,
        "projected_qty": state.qty + (row["ordered_qty"] or ZERO)
        - (row["reserved_qty"] or ZERO)}])
    return written


def _carry_transfer(ctx: Context, entry: dict[str, Any], delta: Decimal,
                    stock_account: str, company: str) -> int:
    """A transfer's issue cost more or less: its receipt in the other warehouse is worth
    that much less or more, and that warehouse's later movements are revalued in turn."""
    if entry["voucher_type"] != "Stock Entry" or entry["actual_qty"] >= 0:
        return 0
    paired = query.select_rows(ctx, "Stock Ledger Entry", filters=[
        ["voucher_type", "=", "Stock Entry"], ["voucher_no", "=", entry["voucher_no"]],
        ["voucher_detail_no", "=", entry["voucher_detail_no"]],
        ["warehouse", "!=", entry["warehouse"]], ["actual_qty", ">", 0],
        ["is_reversal", "=", 0], ["is_adjustment", "=", 0]], limit=1)
    if not paired:
        return 0
    target = paired[0]
    target_account = warehouse_accounts(ctx, [target["warehouse"]])[target["warehouse"]]
    _revalue(ctx, target | {"against_account": stock_account}, -delta, target_account,
             company)
    enqueue(ctx, "modules.inventory.repost.repost_item", item_code=target["item_code"],
            warehouse=target["warehouse"], company=company)
    return 1


def _revalue(ctx: Context, entry: dict[str, Any], delta: Decimal, stock_account: str,
             company: str) -> None:
    query.insert_rows(ctx, "Stock Ledger Entry", [entry | {
        "name": row_name(), "owner": ctx.user, "creation": dt.datetime.now(),
        "modified": ctx.now, "modified_by": ctx.user, "actual_qty": ZERO,
        "stock_value_difference": delta, "is_adjustment": 1}])
    against = entry["against_account"]
    if not against:
        return
    post(ctx, Voucher(entry["voucher_type"], entry["voucher_no"], entry["posting_date"],
                      company),
         [PostingLine(stock_account, debit=max(delta, ZERO), credit=max(-delta, ZERO),
                      remarks="Revaluation after a back-dated entry"),
          PostingLine(against, debit=max(-delta, ZERO), credit=max(delta, ZERO),
                      cost_center=query.get_value(ctx, "Company", company, "cost_center"))])
