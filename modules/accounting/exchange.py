"""Exchange rates: the latest Currency Exchange on or before a date."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from core.db import query
from core.errors import ValidationError

if TYPE_CHECKING:
    from core.context import Context


def exchange_rate(ctx: Context, from_currency: str, to_currency: str, on: dt.date) -> Decimal:
    """Units of ``to_currency`` for one ``from_currency``; the inverse rate is used when only
    that one is recorded."""
    if from_currency == to_currency:
        return Decimal(1)
    for source, target, invert in ((from_currency, to_currency, False),
                                   (to_currency, from_currency, True)):
        rows = query.select_rows(ctx, "Currency Exchange", fields=["exchange_rate"], filters=[
            ["from_currency", "=", source], ["to_currency", "=", target], ["date", "<=", on]],
            order_by="date desc", limit=1)
        if rows:
            rate = rows[0]["exchange_rate"]
            return Decimal(1) / rate if invert else rate
    raise ValidationError(f"No exchange rate from {from_currency} to {to_currency} on or "
                          f"before {on}: add a Currency Exchange", field="exchange_rate")
