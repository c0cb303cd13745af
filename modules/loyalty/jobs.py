"""Background work: the daily expiry run (manifest "scheduled"; also queued by hand
with ``enqueue(ctx, "modules.loyalty.jobs.expire_points", on=...)``)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from modules.loyalty import expiry

if TYPE_CHECKING:
    from core.context import Context


def expire_points(ctx: Context, on: str | None = None) -> dict[str, Any]:
    """Expire the points that lapsed before ``on`` (ISO date; today when not given)."""
    day = dt.date.fromisoformat(on) if on else None
    return expiry.expire_points(ctx, day).as_dict()
