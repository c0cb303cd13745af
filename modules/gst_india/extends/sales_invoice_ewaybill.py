"""What the e-way bill adds to a sales invoice: the NIC's answer, and the rule that an
invoice with a live e-way bill is not cancelled before it. The transport fields sit with
the e-invoice's (sales_invoice_einvoice.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.gst_india.ewaybill.fields import EWAYBILL_FIELDS
from modules.gst_india.ewaybill.lifecycle import (
    clear_for_amendment,
    refuse_cancel_while_live,
)

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

EXTENDS = "Sales Invoice"
FIELDS = EWAYBILL_FIELDS


def before_insert(ctx: Context, doc: Document) -> None:
    clear_for_amendment(ctx, doc)


def before_cancel(ctx: Context, doc: Document) -> None:
    refuse_cancel_while_live(ctx, doc)
