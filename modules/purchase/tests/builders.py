"""Builders for buying scenarios: documents made the way a user makes them, and what
they left in the Bin and on their lines."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from core import lifecycle
from core.context import Context
from core.db import query
from modules.inventory.tests.builders import CO, STORES

SUPPLIER = "Pune Timber Co"


def submit(ctx: Context, draft: dict[str, Any], **changes: Any) -> str:
    """Save and submit a draft made by a ``make_*`` method, with ``changes``."""
    doctype = draft.pop("doctype")
    return lifecycle.insert(ctx, lifecycle.new_doc(
        ctx, doctype, draft | changes | {"docstatus": 1})).name or ""


def purchase_order(ctx: Context, items: list[tuple[str, Any, Any]],
                   date: str = "2026-05-02") -> str:
    """A submitted order from the supplier: items are (item, qty, rate)."""
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Purchase Order", {
        "supplier": SUPPLIER, "company": CO, "transaction_date": date, "docstatus": 1,
        "items": [{"item_code": i, "qty": q, "rate": r, "warehouse": STORES}
                  for i, q, r in items]})).name or ""


def bin_qty(ctx: Context, item: str) -> tuple[Decimal, Decimal, Decimal]:
    """(actual, ordered, projected) of the item in Stores."""
    rows = query.select_rows(ctx, "Bin", fields=["actual_qty", "ordered_qty",
                                                 "projected_qty"],
                             filters={"item_code": item, "warehouse": STORES})
    if not rows:
        return Decimal(0), Decimal(0), Decimal(0)
    return rows[0]["actual_qty"], rows[0]["ordered_qty"], rows[0]["projected_qty"]


def stock_of(ctx: Context, item: str) -> tuple[Decimal, Decimal]:
    """(quantity, value) of the item in Stores."""
    row = query.select_rows(ctx, "Bin", fields=["actual_qty", "stock_value"],
                            filters={"item_code": item, "warehouse": STORES})[0]
    return row["actual_qty"], row["stock_value"]


def progress(ctx: Context, doctype: str, name: str, *fields: str) -> tuple[Any, ...]:
    row = query.select_rows(ctx, doctype, fields=list(fields), filters={"name": name})[0]
    return tuple(row[f] for f in fields)


def line_values(ctx: Context, doctype: str, parent: str, field: str) -> list[Decimal]:
    rows = query.select_rows(ctx, doctype, fields=[field], filters={"parent": parent},
                             order_by="idx asc")
    return [r[field] for r in rows]
