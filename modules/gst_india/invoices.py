"""GST on a document that sells or buys, in one ``validate`` handler: header, lines, the
pure computation, tax rows, then the document's totals again.

A sales or purchase invoice registers it through extends/; another selling document (a
POS invoice) reuses it with the flow that fits, provided the document carries the field
contract of the README.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from modules.accounting.companies import company_settings
from modules.accounting.invoicing.invoice import recompute_totals
from modules.gst_india.categories import CHARGING_SUPPLIERS, COMPOSITION
from modules.gst_india.lines import clear_taxes, taxable_lines, write_taxes
from modules.gst_india.supply import Flow, export_with_payment, fill_header
from modules.gst_india.tax_rows import (
    PURCHASE_BOOKING,
    RCM_PURCHASE_BOOKING,
    SALE_BOOKING,
    Booking,
    replace_tax_rows,
)
from modules.gst_india.taxes import compute_gst

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

SALE = Flow("Customer", "customer", "billing_gstin", "customer_primary_address", False,
            "customer_address")
PURCHASE = Flow("Supplier", "supplier", "supplier_gstin", "supplier_primary_address", True)


def apply_gst(ctx: Context, doc: Document, flow: Flow,
              recompute: Callable[[Context, Document], None] = recompute_totals, *,
              date_field: str = "posting_date") -> None:
    """Compute the document's GST and put it in its lines, totals and tax rows, then let
    ``recompute`` (the invoices' own by default) total the document again.

    Rates are those valid on ``date_field`` (an order's is ``transaction_date``). A
    document that posts nothing (a quotation, an order, a delivery note, a receipt)
    shows the same rows on the same GST accounts; only its invoice posts them.

    A company without a GSTIN is outside GST: its documents carry no GST figures.
    """
    if (doc.previous or {}).get("docstatus") == 1:
        return  # a submitted document saved again (its status, say) keeps the GST it posted
    company = company_settings(ctx, doc.company)
    if not company.get("gstin"):
        clear_taxes(doc)
        return
    supply = fill_header(ctx, doc, flow, company)
    charged = _is_charged(doc, flow, supply.category, company)
    lines = taxable_lines(ctx, doc, need_rates=charged, date_field=date_field)
    taxes = compute_gst(supply.supplier_state, supply.place_of_supply, supply.category,
                        lines, charged=charged,
                        export_with_payment=export_with_payment(doc, flow, supply.category,
                                                                company))
    write_taxes(doc, taxes)
    replace_tax_rows(ctx, doc, taxes, _booking(doc, flow) if charged else None)
    recompute(ctx, doc)


def _is_charged(doc: Document, flow: Flow, category: str, company: dict[str, Any]) -> bool:
    """Whether the supply bears GST at all: a composition dealer sells without it, and
    a purchase bears it from a supplier who charges it or under reverse charge."""
    if flow.is_purchase:
        return bool(doc.is_reverse_charge) or category in CHARGING_SUPPLIERS
    return company.get("gst_category") != COMPOSITION


def _booking(doc: Document, flow: Flow) -> Booking | None:
    if not flow.is_purchase:
        # under reverse charge the customer pays the tax: the sale shows it, posts none
        return None if doc.is_reverse_charge else SALE_BOOKING
    return RCM_PURCHASE_BOOKING if doc.is_reverse_charge else PURCHASE_BOOKING
