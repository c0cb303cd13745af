"""A counter of a branch registered in another state sells under that branch's GSTIN:
its profile names the branch's address. A counter's own sales series gives GST invoice
numbers: at most 16 characters."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.accounting.companies import company_settings
from modules.gst_india.einvoice.numbering import check_series
from modules.gst_india.fields import COMPANY_ADDRESS

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

EXTENDS = "POS Profile"
FIELDS = [COMPANY_ADDRESS | {"description": "The branch whose GSTIN this counter's sales "
                                            "are issued under; the company's own when "
                                            "empty"}]


def validate(ctx: Context, doc: Document) -> None:
    if doc.naming_series and company_settings(ctx, doc.company).get("gstin"):
        check_series(ctx, doc.naming_series)
