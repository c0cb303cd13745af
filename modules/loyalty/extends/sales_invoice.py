"""What loyalty adds to a sales invoice: points earned on submit (their value deferred
as a liability), points redeemed against the receivable, a return taking points back,
and a cancel putting them back (``invoices.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.loyalty import invoices
from modules.loyalty.fields import INVOICE_FIELDS

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

EXTENDS = "Sales Invoice"
FIELDS = INVOICE_FIELDS


def validate(ctx: Context, doc: Document) -> None:
    if not invoices.saved_after_submit(doc):
        invoices.validate(ctx, doc)


def on_submit(ctx: Context, doc: Document) -> None:
    invoices.submit(ctx, doc)


def before_cancel(ctx: Context, doc: Document) -> None:
    invoices.before_cancel(ctx, doc)


def on_cancel(ctx: Context, doc: Document) -> None:
    invoices.cancel(ctx, doc)
