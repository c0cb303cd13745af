"""Stock ageing: how long what is in stock on a date has been there, per item and
warehouse, in age ranges (0-30, 31-60, 61-90 and over 90 days by default).

Issues take the oldest stock first (FIFO), so what is left is always the latest
receipts: walking an item's receipts back from the newest until they add up to the
quantity in stock gives the layers still held and the day each came in. A cancelled
voucher counts neither way (its receipt never happened), a transfer starts the goods'
age again in the warehouse it brings them to, and a return from a customer is a new
receipt. A layer is worth its quantity at the rate it came in at; for items valued at
moving average, at the average rate of the day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from core.db import query
from modules.inventory.valuation import FIFO

if TYPE_CHECKING:
    from core.context import Context

ZERO, CENT = Decimal(0), Decimal("0.01")
DEFAULT_RANGES = (30, 60, 90)
Key = tuple[str, str]  # item, warehouse


@dataclass(frozen=True)
class Layer:
    qty: Decimal
    received_on: dt.date
    rate: Decimal


def _decimal(total: Any, scale: str) -> Decimal:
    # SQLite sums in binary floats: back to the column's scale
    return Decimal(str(total or 0)).quantize(Decimal(scale))


def stock_ageing(ctx: Context, company: str, on: dt.date, item_code: str | None = None,
                 warehouse: str | None = None,
                 ranges: Sequence[int] = DEFAULT_RANGES) -> dict[str, Any]:
    held = _held(ctx, company, on, item_code, warehouse)
    layers = _layers(ctx, company, on, held, item_code, warehouse)
    methods = {r["name"]: r["valuation_method"] or FIFO for r in query.select_rows(
        ctx, "Item", fields=["name", "valuation_method"],
        filters=[["name", "in", sorted({item for item, _ in held})]])} if held else {}
    rows = []
    for key in sorted(held):
        qty, value = held[key]
        average = value / qty if methods.get(key[0], FIFO) != FIFO else None
        rows.append(age_row(key, layers.get(key, []), on, ranges, average))
    return {"rows": rows, "ranges": labels(ranges)}


def labels(ranges: Sequence[int]) -> list[str]:
    """``[30, 60, 90]`` -> ``["0-30", "31-60", "61-90", "90+"]``."""
    starts = [0, *(r + 1 for r in ranges)]
    return [f"{a}-{b}" for a, b in zip(starts, ranges, strict=False)] + [f"{ranges[-1]}+"]


def _held(ctx: Context, company: str, on: dt.date, item_code: str | None,
          warehouse: str | None) -> dict[Key, tuple[Decimal, Decimal]]:
    """Quantity and value in stock at the end of ``on``, where there is any."""
    sle = query.view(ctx, "Stock Ledger Entry")
    stmt = (select(sle.c.item_code, sle.c.warehouse, func.sum(sle.c.actual_qty),
                   func.sum(sle.c.stock_value_difference))
            .where(sle.c.company == company, sle.c.posting_date <= on,
                   *_narrowed(sle, item_code, warehouse))
            .group_by(sle.c.item_code, sle.c.warehouse))
    totals = {(item, place): (_decimal(qty, "1e-9"), _decimal(value, "0.01"))
              for item, place, qty, value in ctx.conn.execute(stmt)}
    return {key: total for key, total in totals.items() if total[0] > 0}


def _narrowed(sle: Any, item_code: str | None, warehouse: str | None) -> list[Any]:
    return ([sle.c.item_code == item_code] if item_code else []) + \
        ([sle.c.warehouse == warehouse] if warehouse else [])


def _layers(ctx: Context, company: str, on: dt.date, held: dict[Key, tuple[Decimal, Decimal]],
            item_code: str | None, warehouse: str | None) -> dict[Key, list[Layer]]:
    """The receipts still in stock, newest first, the oldest cut to what is left of it."""
    sle = query.view(ctx, "Stock Ledger Entry")
    where = [sle.c.company == company, sle.c.posting_date <= on,
             *_narrowed(sle, item_code, warehouse)]
    cancelled = set(ctx.conn.execute(select(sle.c.voucher_type, sle.c.voucher_no).where(
        *where, sle.c.is_reversal == 1).distinct()).all())
    receipts = ctx.conn.execute(
        select(sle.c.item_code, sle.c.warehouse, sle.c.posting_date, sle.c.actual_qty,
               sle.c.stock_value_difference, sle.c.voucher_type, sle.c.voucher_no)
        .where(*where, sle.c.actual_qty > 0, sle.c.is_reversal == 0,
               sle.c.is_adjustment == 0)
        .order_by(sle.c.item_code, sle.c.warehouse, sle.c.posting_date.desc(),
                  sle.c.creation.desc(), sle.c.idx.desc()))
    left = {key: qty for key, (qty, _) in held.items()}
    layers: dict[Key, list[Layer]] = {}
    for item, place, date, qty, value, voucher_type, voucher_no in receipts:
        key = (item, place)
        if left.get(key, ZERO) <= 0 or (voucher_type, voucher_no) in cancelled:
            continue
        qty = _decimal(qty, "1e-9")
        taken = min(qty, left[key])
        left[key] -= taken
        layers.setdefault(key, []).append(Layer(taken, date, _decimal(value, "0.01") / qty))
    for key, rest in left.items():
        if rest > 0:  # stock no receipt accounts for (issued below zero, then counted up)
            oldest = layers[key][-1].received_on if key in layers else on
            layers.setdefault(key, []).append(Layer(rest, oldest, held[key][1] / held[key][0]))
    return layers


def age_row(key: Key, layers: list[Layer], on: dt.date, ranges: Sequence[int],
            average_rate: Decimal | None) -> dict[str, Any]:
    """One item in one warehouse: quantity and value per age range, and average age."""
    row: dict[str, Any] = {"item_code": key[0], "warehouse": key[1]}
    buckets = [[ZERO, ZERO] for _ in range(len(ranges) + 1)]
    days = ZERO
    for layer in layers:
        age = (on - layer.received_on).days
        at = next((i for i, limit in enumerate(ranges) if age <= limit), len(ranges))
        buckets[at][0] += layer.qty
        buckets[at][1] += layer.qty * (layer.rate if average_rate is None else average_rate)
        days += layer.qty * age
    qty = sum((b[0] for b in buckets), ZERO)
    for i, (bucket_qty, bucket_value) in enumerate(buckets, start=1):
        row[f"range{i}_qty"] = bucket_qty
        row[f"range{i}_value"] = bucket_value.quantize(CENT)
    row["qty"] = qty
    row["value"] = sum((row[f"range{i}_value"] for i in range(1, len(buckets) + 1)), ZERO)
    row["average_age"] = (days / qty).quantize(CENT) if qty else ZERO
    return row
