"""What buying adds to a stock entry: fulfilling the transfer or issue requests it was
made from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.purchase import requesting

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

EXTENDS = "Stock Entry"
FIELDS: list[dict[str, object]] = []


def validate(ctx: Context, doc: Document) -> None:
    if any(r.get("material_request_item") for r in doc.children("items")):
        requesting.check_ordering(ctx, doc, doc.stock_entry_type)


def on_submit(ctx: Context, doc: Document) -> None:
    requesting.record_ordering(ctx, doc, 1)


def on_cancel(ctx: Context, doc: Document) -> None:
    requesting.record_ordering(ctx, doc, -1)
