"""What GST adds to a sales invoice: the supply's GST details, taxes computed per line on
every save, and their totals."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.gst_india.fields import document_fields
from modules.gst_india.invoices import SALE, apply_gst

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

EXTENDS = "Sales Invoice"
FIELDS = document_fields("billing_gstin", "Customer GSTIN", company_address=False)


def validate(ctx: Context, doc: Document) -> None:
    apply_gst(ctx, doc, SALE)
