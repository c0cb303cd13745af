"""The number of a delivery challan: goods moved without an invoice travel under a
challan serially numbered in a financial year, of at most 16 characters (rule 55 of the
CGST Rules), which is also the document number of their e-way bill. The stock entry's own
name (MAT-STE-2025-00001, 18 characters) does not fit, so a GST company's challans take
the series of GST Settings (``DC-.FY.-.#####``: DC-2526-00001)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.naming import from_series
from core.singles import get_single
from modules.accounting.companies import company_settings
from modules.gst_india.einvoice.numbering import in_financial_year

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

DEFAULT_SERIES = "DC-.FY.-.#####"


def assign_challan_number(ctx: Context, doc: Document) -> None:
    """Before submit: a GST company's challan gets its number once."""
    if doc.get("challan_no") or not company_settings(ctx, doc.company).get("gstin"):
        return
    series = get_single(ctx, "GST Settings").get("challan_series") or DEFAULT_SERIES
    doc.challan_no = from_series(ctx, in_financial_year(ctx, doc, series))
