"""Reorder suggestions: items whose projected quantity in a warehouse has fallen to their
reorder level, with the quantity to order (at least the reorder quantity, and enough to
get back above the level)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core.db import query
from modules.inventory.ledger import bin_name

if TYPE_CHECKING:
    from core.context import Context

ZERO = Decimal(0)


def reorder_suggestions(ctx: Context, company: str) -> dict[str, Any]:
    levels = query.select_rows(ctx, "Item Reorder", fields=[
        "parent", "warehouse", "warehouse_reorder_level", "warehouse_reorder_qty"],
        filters={"parenttype": "Item"}, order_by="parent asc")
    warehouses = {w["name"] for w in query.select_rows(ctx, "Warehouse", fields=["name"],
                                                        filters={"company": company})}
    levels = [lv for lv in levels if lv["warehouse"] in warehouses]
    names = [bin_name(lv["parent"], lv["warehouse"]) for lv in levels]
    bins = {b["name"]: b for b in query.select_rows(ctx, "Bin", fields=[
        "name", "actual_qty", "projected_qty"], filters=[["name", "in", names]])} \
        if names else {}
    rows = []
    for level, name in zip(levels, names, strict=True):
        found = bins.get(name, {})
        projected = found.get("projected_qty") or ZERO
        if projected <= level["warehouse_reorder_level"]:
            short = level["warehouse_reorder_level"] - projected
            rows.append({"item_code": level["parent"], "warehouse": level["warehouse"],
                         "actual_qty": found.get("actual_qty") or ZERO,
                         "projected_qty": projected,
                         "reorder_level": level["warehouse_reorder_level"],
                         "qty_to_order": max(level["warehouse_reorder_qty"] or ZERO, short)})
    return {"rows": rows}
