"""Which invoices the IRP takes and as what: the supply type (TranDtls.SupTyp) follows
the customer's GST category and whether IGST is paid on a zero-rated supply."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modules.gst_india.categories import (
    COMPOSITION,
    DEEMED_EXPORT,
    OVERSEAS,
    REGULAR,
    SEZ,
    UIN_HOLDERS,
)
from modules.gst_india.einvoice.errors import EInvoiceNotApplicable

if TYPE_CHECKING:
    from core.document import Document

B2B_CATEGORIES = frozenset({REGULAR, COMPOSITION, UIN_HOLDERS})


def supply_type(doc: Document) -> str | None:
    """B2B, SEZWP/SEZWOP, EXPWP/EXPWOP or DEXP; None for a sale to an unregistered
    person or a consumer (B2C), which is not reported to the IRP."""
    category = doc.gst_category
    if category in B2B_CATEGORIES:
        return "B2B"
    if category == SEZ:
        return "SEZWP" if doc.is_export_with_gst else "SEZWOP"
    if category == OVERSEAS:
        return "EXPWP" if doc.is_export_with_gst else "EXPWOP"
    if category == DEEMED_EXPORT:
        return "DEXP"
    return None


def require_supply_type(doc: Document) -> str:
    found = supply_type(doc) if doc.company_gstin else None
    if found is None:
        raise EInvoiceNotApplicable(
            f"Sales Invoice {doc.name} is not a GST supply to a registered person, SEZ "
            f"unit or buyer abroad (GST category {doc.gst_category or 'none'}): it needs "
            "no e-invoice", field="gst_category")
    return found
