"""A node and the groups above it, nearest first, in the masters' group trees."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core import records
from modules.base.trees import MAX_DEPTH

if TYPE_CHECKING:
    from core.context import Context

PARENT_FIELDS = {"Item Group": "parent_item_group", "Customer Group": "parent_customer_group",
                 "Territory": "parent_territory"}


def lineage(ctx: Context, doctype: str, node: str | None) -> tuple[str, ...]:
    """``node`` then each of its ancestors up to the root (read once a transaction)."""
    if not node:
        return ()
    key = f"sales.lineage.{doctype}.{node}"
    if key not in ctx.cache:
        chain, current = [node], node
        for _ in range(MAX_DEPTH):
            row = records.get(ctx, doctype, current)  # group trees are cached records
            current = row[PARENT_FIELDS[doctype]] if row else None
            if not current or current in chain:
                break
            chain.append(current)
        ctx.cache[key] = tuple(chain)
    return ctx.cache[key]
