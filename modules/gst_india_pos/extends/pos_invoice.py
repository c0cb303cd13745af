"""What GST adds to a POS invoice: the supply's GST details and the taxes computed per
line, exactly as on a sales invoice; the sale is then totalled and settled again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.gst_india.einvoice.numbering import check_invoice_number, gst_series
from modules.gst_india.fields import document_fields
from modules.gst_india.invoices import SALE, apply_gst
from modules.pos.profiles import profile
from modules.pos.totals import retotal

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

EXTENDS = "POS Invoice"
FIELDS = document_fields("billing_gstin", "Customer GSTIN")


def before_insert(ctx: Context, doc: Document) -> None:
    """A POS sale is a tax invoice: numbered in a series of at most 16 characters that
    restarts each financial year (the counter's own, or GST Settings' POS series)."""
    doc.company = doc.company or profile(ctx, doc.pos_profile)["company"]
    doc.naming_series = gst_series(ctx, doc, "pos_invoice_series", "PS-.FY.-.#####")


def validate(ctx: Context, doc: Document) -> None:
    check_invoice_number(ctx, doc)
    if not doc.company_address:  # the counter's branch, when its profile names one
        doc.company_address = profile(ctx, doc.pos_profile).get("company_address")
    apply_gst(ctx, doc, SALE, retotal)
