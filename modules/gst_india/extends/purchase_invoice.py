"""What GST adds to a purchase invoice: the supply's GST details, input tax (or reverse
charge) computed per line on every save, and their totals."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.gst_india.fields import document_fields
from modules.gst_india.invoices import PURCHASE, apply_gst

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

EXTENDS = "Purchase Invoice"
FIELDS = document_fields("supplier_gstin", "Supplier GSTIN")


def validate(ctx: Context, doc: Document) -> None:
    apply_gst(ctx, doc, PURCHASE)
