"""What buying adds to a purchase invoice: billing the receipts and orders it was made
from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.purchase import billing, price_differences

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

EXTENDS = "Purchase Invoice"
FIELDS: list[dict[str, object]] = []


def validate(ctx: Context, doc: Document) -> None:
    billing.check_billing(ctx, doc)


def on_submit(ctx: Context, doc: Document) -> None:
    billing.record_billing(ctx, doc, 1)
    price_differences.post_differences(ctx, doc)


def on_cancel(ctx: Context, doc: Document) -> None:
    billing.record_billing(ctx, doc, -1)
