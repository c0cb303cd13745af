"""When a document needs an e-way bill: submitted, of a registered doctype (documents.py),
moving goods (not only services) worth at least the threshold of GST Settings, taxes
included. Below it, or without goods, the e-way bill is refused with the reason.

The law lets each state set its own limit for movements within it; GST Settings keeps one
threshold (50,000, the limit of rule 138(1) for inter-state movements and most states).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core import lifecycle, perms
from core.singles import get_single
from modules.gst_india.einvoice.errors import EWayBillNotApplicable
from modules.gst_india.ewaybill.documents import EWayBillSource, source_of
from modules.gst_india.ewaybill.payload import envelope

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document


def ewaybill_for(ctx: Context, doc: Document) -> dict[str, Any]:
    """The bulk-upload JSON (``version`` and ``billLists``) of one document."""
    return envelope(checked_bill(ctx, doc))


def checked_bill(ctx: Context, doc: Document) -> dict[str, Any]:
    """The GENEWAYBILL request of a document that needs an e-way bill."""
    return check_applicable(ctx, doc).bill(ctx, doc)


def check_applicable(ctx: Context, doc: Document) -> EWayBillSource:
    source = source_of(doc.doctype)
    if doc.docstatus != 1:
        raise EWayBillNotApplicable(f"{doc.doctype} {doc.name} is not submitted",
                                    field="docstatus")
    source.check(ctx, doc)
    value = source.goods_value(ctx, doc)
    threshold = Decimal(str(get_single(ctx, "GST Settings").get("ewaybill_threshold")
                            or 0))
    if value < threshold:
        field = "grand_total" if "grand_total" in doc.meta.field_map else "total_amount"
        raise EWayBillNotApplicable(
            f"{doc.doctype} {doc.name} moves goods worth {value:,.2f} with tax; an e-way "
            f"bill is needed from {threshold:,.2f}", field=field)
    return source


def check_goods(doc: Document, goods: list[Document]) -> None:
    """A GST document with goods lines: what a contract document needs."""
    if not doc.company_gstin:
        raise EWayBillNotApplicable(f"{doc.doctype} {doc.name} is not a GST document",
                                    field="company_gstin")
    if not goods:
        raise EWayBillNotApplicable(
            f"{doc.doctype} {doc.name} has only services (SAC codes 99...): an e-way bill "
            "is for goods", field="items")


def readable_document(ctx: Context, doctype: str, name: str) -> Document:
    """The document, if the user may read it."""
    source_of(doctype)
    perms.require(ctx, doctype, "read")
    doc = lifecycle.get_doc(ctx, doctype, name)
    perms.check_restrictions(ctx, doc)
    return doc
