"""An item's own accounts in a company (its Item Default rows), as invoices, POS sales and
cost postings read them: once per process and item, kept with the tenant's cached records
(the rows change only when their item is saved, which renews those records)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from core import records
from core.db import query

if TYPE_CHECKING:
    from core.context import Context


def item_defaults(ctx: Context, codes: Iterable[str | None], company: str
                  ) -> dict[str, dict[str, Any]]:
    """The Item Default row of each of these items in the company, where it has one."""
    found = {}
    for code in sorted({c for c in codes if c}):
        rows = records.derived(ctx, f"accounting.item_defaults.{code}",
                               lambda code=code: _read(ctx, code))
        row = next((r for r in rows if r["company"] == company), None)
        if row is not None:
            found[code] = row
    return found


def _read(ctx: Context, code: str) -> tuple[dict[str, Any], ...]:
    return tuple(query.select_rows(ctx, "Item Default", fields=[
        "company", "income_account", "expense_account"], filters=[
        ["parenttype", "=", "Item"], ["parent", "=", code]], order_by="idx asc"))
