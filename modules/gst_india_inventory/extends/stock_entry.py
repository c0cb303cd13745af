"""What GST adds to a stock entry: a transfer between two places of one GSTIN travels
under a numbered delivery challan and, from the threshold, an e-way bill (built by
gst_india's ``ewaybill/stock_transfer.py``); the entry is not cancelled while its e-way
bill lives."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.gst_india.ewaybill.challan import assign_challan_number
from modules.gst_india.ewaybill.fields import CHALLAN_FIELDS, EWAYBILL_FIELDS, TRANSPORT_FIELDS
from modules.gst_india.ewaybill.lifecycle import (
    clear_for_amendment,
    refuse_cancel_while_live,
)
from modules.gst_india.ewaybill.stock_transfer import TRANSFER

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

EXTENDS = "Stock Entry"
FIELDS = [*CHALLAN_FIELDS, *EWAYBILL_FIELDS, *TRANSPORT_FIELDS]


def before_insert(ctx: Context, doc: Document) -> None:
    clear_for_amendment(ctx, doc)


def before_submit(ctx: Context, doc: Document) -> None:
    if doc.stock_entry_type == TRANSFER:
        assign_challan_number(ctx, doc)


def before_cancel(ctx: Context, doc: Document) -> None:
    refuse_cancel_while_live(ctx, doc)
