"""Where outward supplies come from: submitted Sales Invoices (their returns are credit
notes) and, once POS invoices carry the GST field contract, POS Invoices.

POS is read from its metadata only (no import of the pos module): a tenant without the
doctype, or whose POS Invoice has no ``total_taxable_value``, has no POS supplies here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.errors import DoesNotExist

if TYPE_CHECKING:
    from core.context import Context


@dataclass(frozen=True)
class Source:
    doctype: str
    item_doctype: str
    party_gstin: str  # the party's GSTIN field (billing_gstin on sales)


SALES_INVOICE = Source("Sales Invoice", "Sales Invoice Item", "billing_gstin")
POS_INVOICE = Source("POS Invoice", "POS Invoice Item", "billing_gstin")
PURCHASE_INVOICE = Source("Purchase Invoice", "Purchase Invoice Item", "supplier_gstin")


def outward_sources(ctx: Context) -> list[Source]:
    return [SALES_INVOICE] + ([POS_INVOICE] if _carries_gst(ctx, POS_INVOICE) else [])


def _carries_gst(ctx: Context, source: Source) -> bool:
    try:
        meta = ctx.meta(source.doctype)
    except DoesNotExist:
        return False
    return meta.has_field("total_taxable_value") and meta.has_field(source.party_gstin)
