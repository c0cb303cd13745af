"""Items as every module reads them: whole rows from the per-process record cache (Item
is a cached doctype, so a change to an item reaches every process with its commit)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from core import records

if TYPE_CHECKING:
    from core.context import Context


def item_rows(ctx: Context, codes: Iterable[str | None]) -> dict[str, dict[str, Any]]:
    """The items of these codes that exist, by code."""
    return records.get_many(ctx, "Item", [c for c in codes if c])


def stock_items(ctx: Context, codes: Iterable[str | None]) -> set[str]:
    """Which of these items keep stock."""
    return {code for code, row in item_rows(ctx, codes).items() if row["is_stock_item"]}
