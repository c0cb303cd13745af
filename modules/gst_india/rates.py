"""Which GST rate applies to an item on a date: the latest GST Rate valid on or before
the date for the item itself, else for the longest heading of its HSN code."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core import records
from core.db import query
from core.errors import ValidationError
from modules.gst_india.hsn import prefixes

if TYPE_CHECKING:
    from core.context import Context

# Every rate the GST Council has notified, cess aside (40% from 22 September 2025)
GST_RATES = tuple(Decimal(r) for r in ("0", "0.1", "0.25", "1", "1.5", "3", "5", "6",
                                       "7.5", "12", "18", "28", "40"))


@dataclass(frozen=True)
class Rate:
    gst_rate: Decimal
    cess_rate: Decimal
    valid_from: dt.date | None
    source: str  # the GST Rate record (or invoice) it comes from


def check_gst_rate(rate: Decimal | None, field: str = "gst_rate", where: str = ""
                   ) -> Decimal:
    if rate is None or Decimal(rate) not in GST_RATES:
        allowed = ", ".join(str(r) for r in GST_RATES)
        raise ValidationError(f"{where}GST rate {rate} is not one of {allowed}",
                              field=field)
    return Decimal(rate)


def rates_on(ctx: Context, on: dt.date, lines: list[tuple[str | None, str | None]]
             ) -> dict[tuple[str | None, str | None], Rate]:
    """The rate of each (item_code, hsn_code) pair on ``on``; pairs without one are left
    out."""
    items = sorted({item for item, _ in lines if item})
    codes = sorted({p for _, hsn in lines if hsn for p in prefixes(hsn)})
    rows = _rows(ctx, on, "item_code", items) + _rows(ctx, on, "gst_hsn_code", codes)
    latest: dict[tuple[str, str], Rate] = {}
    for row in rows:  # oldest first: the latest valid rate wins
        key = ("item", row["item_code"]) if row["item_code"] else ("hsn", row["gst_hsn_code"])
        latest[key] = Rate(row["gst_rate"], row["cess_rate"] or Decimal(0),
                           row["valid_from"], row["name"])
    found = {}
    for item, hsn in lines:
        candidates = [("item", item)] + [("hsn", p) for p in prefixes(hsn or "")]
        rate = next((latest[c] for c in candidates if c in latest), None)
        if rate is not None:
            found[(item, hsn)] = rate
    return found


def _rows(ctx: Context, on: dt.date, field: str, values: list[str]) -> list[dict[str, Any]]:
    """The rates of these items (or HSN codes) valid by ``on``, oldest first for each.
    GST Rate is a cached doctype: each item's rates are read once per process."""
    return [row for value in values for row in records.derived(
        ctx, f"gst_india.rates.{field}.{value}", lambda value=value: _read(ctx, field, value))
        if row["valid_from"] <= on]


def _read(ctx: Context, field: str, value: str) -> tuple[dict[str, Any], ...]:
    return tuple(query.select_rows(ctx, "GST Rate", fields=[
        "name", "item_code", "gst_hsn_code", "gst_rate", "cess_rate", "valid_from"],
        filters=[[field, "=", value]], order_by="valid_from asc"))
