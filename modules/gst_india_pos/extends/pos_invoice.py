"""What GST adds to a POS invoice: the supply's GST details and the taxes computed per
line, exactly as on a sales invoice; the sale is then totalled and settled again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.gst_india.fields import document_fields
from modules.gst_india.invoices import SALE, apply_gst
from modules.pos.profiles import profile
from modules.pos.totals import retotal

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

EXTENDS = "POS Invoice"
FIELDS = document_fields("billing_gstin", "Customer GSTIN")


def validate(ctx: Context, doc: Document) -> None:
    if not doc.company_address:  # the counter's branch, when its profile names one
        doc.company_address = profile(ctx, doc.pos_profile).get("company_address")
    apply_gst(ctx, doc, SALE, retotal)
