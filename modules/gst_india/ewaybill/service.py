"""When a sales invoice needs an e-way bill: goods (not only services) worth at least
the threshold of GST Settings, taxes included. Below it, or without goods, the JSON is
refused with the reason."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core.singles import get_single
from modules.gst_india.einvoice.amounts import exchange_rate
from modules.gst_india.einvoice.errors import EWayBillNotApplicable
from modules.gst_india.ewaybill.payload import build_ewaybill, goods_lines, line_value

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document


def ewaybill_for(ctx: Context, doc: Document) -> dict[str, Any]:
    check_applicable(ctx, doc)
    return build_ewaybill(ctx, doc)


def check_applicable(ctx: Context, doc: Document) -> None:
    if doc.docstatus != 1:
        raise EWayBillNotApplicable(f"Sales Invoice {doc.name} is not submitted",
                                    field="docstatus")
    if not doc.company_gstin:
        raise EWayBillNotApplicable(f"Sales Invoice {doc.name} is not a GST invoice",
                                    field="company_gstin")
    lines = goods_lines(doc)
    if not lines:
        raise EWayBillNotApplicable(
            f"Sales Invoice {doc.name} has only services (SAC codes 99...): an e-way bill "
            "is for goods", field="items")
    rate = exchange_rate(doc)
    value = sum((line_value(r, rate) for r in lines), Decimal(0))
    threshold = Decimal(str(get_single(ctx, "GST Settings").get("ewaybill_threshold")
                            or 0))
    if value < threshold:
        raise EWayBillNotApplicable(
            f"Sales Invoice {doc.name} moves goods worth {value:,.2f} with tax; an e-way "
            f"bill is needed from {threshold:,.2f}", field="grand_total")
