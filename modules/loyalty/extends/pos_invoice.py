"""What loyalty adds to a POS invoice: the same as to a sales invoice (``invoices.py``),
except that redeemed points are a payment row in the program's mode of payment, which
the session's closing posts against the points liability."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.loyalty import invoices, redemption
from modules.loyalty.fields import INVOICE_FIELDS

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

EXTENDS = "POS Invoice"
FIELDS = INVOICE_FIELDS


def before_validate(ctx: Context, doc: Document) -> None:
    # after the till's own before_validate (company and customer are known) and before
    # its validate, which settles the payments
    if not invoices.saved_after_submit(doc):
        redemption.points_payment(ctx, doc, invoices.sale_program(ctx, doc))


def validate(ctx: Context, doc: Document) -> None:
    if not invoices.saved_after_submit(doc):
        program = invoices.validate(ctx, doc)
        redemption.check_points_payment(doc, program)


def on_submit(ctx: Context, doc: Document) -> None:
    invoices.submit(ctx, doc)


def before_cancel(ctx: Context, doc: Document) -> None:
    invoices.before_cancel(ctx, doc)


def on_cancel(ctx: Context, doc: Document) -> None:
    invoices.cancel(ctx, doc)
