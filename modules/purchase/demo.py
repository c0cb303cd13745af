"""Demo buying: varnish ordered from the timber supplier, received and billed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core import lifecycle
from core.db import query
from modules.purchase.billing import make_purchase_invoice
from modules.purchase.ordering import make_purchase_receipt

if TYPE_CHECKING:
    from core.context import Context

COMPANY = "Demo Furniture Pvt Ltd"
SUPPLIER = "Pune Timber Co"


def _submit(ctx: Context, draft: dict[str, Any], **changes: Any) -> str:
    doctype = draft.pop("doctype")
    return lifecycle.insert(ctx, lifecycle.new_doc(
        ctx, doctype, draft | changes | {"docstatus": 1})).name or ""


def make_demo(ctx: Context) -> None:
    if not all((query.exists(ctx, "Company", COMPANY), query.exists(ctx, "Supplier", SUPPLIER),
                query.exists(ctx, "Item", "VARNISH-1L"))):
        return
    stores = query.get_value(ctx, "Company", COMPANY, "default_warehouse")
    order = _submit(ctx, {"doctype": "Purchase Order", "supplier": SUPPLIER,
                          "company": COMPANY, "transaction_date": "2026-04-06",
                          "items": [{"item_code": "VARNISH-1L", "qty": 24, "rate": 310,
                                     "warehouse": stores}]})
    receipt = _submit(ctx, make_purchase_receipt(ctx, order), posting_date="2026-04-09")
    _submit(ctx, make_purchase_invoice(ctx, receipt), posting_date="2026-04-10",
            bill_no="PTC-2604-118")
