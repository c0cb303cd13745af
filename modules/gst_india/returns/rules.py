"""The GST Return Rules in force on a date: the B2CL limit and the HSN summary rules.

A rule applies from its ``valid_from``; the latest row on or before the date wins.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core.db import query
from core.errors import ValidationError
from modules.gst_india.doctypes.gst_return_rule import B2CL_LIMIT, HSN_DIGITS, HSN_SPLIT

if TYPE_CHECKING:
    from core.context import Context


@dataclass(frozen=True)
class B2CLLimits:
    """The B2CL limit of each day of a period (it may change inside one)."""

    rows: tuple[tuple[dt.date, Decimal], ...]  # (valid_from, amount), oldest first

    def on(self, day: dt.date) -> Decimal:
        found = [amount for valid_from, amount in self.rows if valid_from <= day]
        if not found:
            raise ValidationError(f"No {B2CL_LIMIT} is in force on {day}: add a GST "
                                  "Return Rule", field="period")
        return found[-1]

    def lowest(self, start: dt.date, end: dt.date) -> Decimal:
        """The lowest limit in force on any day from ``start`` to ``end``."""
        changes = [day for day, _ in self.rows if start < day <= end]
        return min(self.on(day) for day in [start, *changes])


@dataclass(frozen=True)
class HSNRules:
    digits: int          # the fewest digits a code of the summary may have
    split_b2b_b2c: bool  # hsn_b2b and hsn_b2c instead of one table


def _rules(ctx: Context, rule: str, on: dt.date) -> list[dict[str, Any]]:
    return query.select_rows(ctx, "GST Return Rule", fields=[
        "valid_from", "amount", "digits"], filters=[["rule", "=", rule],
                                                    ["valid_from", "<=", on]],
        order_by="valid_from asc")


def b2cl_limits(ctx: Context, until: dt.date) -> B2CLLimits:
    return B2CLLimits(tuple((r["valid_from"], r["amount"] or Decimal(0))
                            for r in _rules(ctx, B2CL_LIMIT, until)))


def hsn_rules(ctx: Context, start: dt.date, turnover: Decimal) -> HSNRules:
    """The rules of a period starting on ``start`` for a company whose aggregate turnover
    of the previous year is ``turnover``: of the latest HSN Digits rows, the one with the
    highest turnover the company is above (a turnover of 0 is above a limit of 0)."""
    rows = _rules(ctx, HSN_DIGITS, start)
    latest = max((r["valid_from"] for r in rows), default=None)
    current = [r for r in rows if r["valid_from"] == latest]
    fitting = [r for r in current if not r["amount"] or turnover > r["amount"]]
    best = max(fitting, key=lambda r: r["amount"] or 0, default=None)
    return HSNRules(best["digits"] if best else 4, bool(_rules(ctx, HSN_SPLIT, start)))
