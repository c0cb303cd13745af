"""What an e-way bill adds to a delivery note: goods that leave before their invoice
travel under a delivery challan (numbered from GST Settings' challan series, the NIC's
document number) and, from the threshold, an e-way bill of sub-supply type 8 Others
(gst_india's ``ewaybill/documents.py``); the note is not cancelled while it lives."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.gst_india.ewaybill.challan import assign_challan_number
from modules.gst_india.ewaybill.fields import CHALLAN_FIELDS, EWAYBILL_FIELDS, TRANSPORT_FIELDS
from modules.gst_india.ewaybill.lifecycle import clear_for_amendment, refuse_cancel_while_live

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

EXTENDS = "Delivery Note"
FIELDS = [*CHALLAN_FIELDS, *EWAYBILL_FIELDS, *TRANSPORT_FIELDS]


def before_insert(ctx: Context, doc: Document) -> None:
    clear_for_amendment(ctx, doc)


def before_submit(ctx: Context, doc: Document) -> None:
    if doc.company_gstin:
        assign_challan_number(ctx, doc)


def before_cancel(ctx: Context, doc: Document) -> None:
    refuse_cancel_while_live(ctx, doc)
