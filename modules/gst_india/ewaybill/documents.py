"""Which documents get e-way bills, and what the e-way bill needs to know of each.

A document that carries the GST field contract (README "Field contract": company_gstin,
billing_gstin, place_of_supply, gst_category, lines with gst_hsn_code, taxable_value
and the tax amounts) is described by a ``ContractDocument``: its NIC document type, its
sub-supply type and its party fields; the JSON is built from the contract alone
(payload.py). A stock transfer between a GSTIN's own places carries no tax and is built
from its warehouses (stock_transfer.py).

Registering another document is one entry of ``SOURCES`` (plus the e-way bill fields of
fields.py on the doctype, and ``refuse_cancel_while_live`` as its before_cancel).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Protocol

from modules.gst_india.einvoice.errors import EWayBillNotApplicable
from modules.gst_india.ewaybill.payload import OTHERS, SUPPLY, ContractDocument
from modules.gst_india.ewaybill.stock_transfer import StockTransfer

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document


class EWayBillSource(Protocol):
    doc_type: str  # INV, BIL, CHL...

    def check(self, ctx: Context, doc: Document) -> None:
        """Raise when this document cannot have an e-way bill (before any value)."""

    def goods_value(self, ctx: Context, doc: Document) -> Decimal:
        """The consignment's value with taxes, in rupees: what the threshold is for."""

    def bill(self, ctx: Context, doc: Document) -> dict[str, Any]:
        """One entry of ``billLists``: the GENEWAYBILL request."""


SOURCES: Mapping[str, EWayBillSource] = MappingProxyType({
    "Sales Invoice": ContractDocument(doc_type="INV", sub_supply_type=SUPPLY,
                                      party="customer", party_name="customer_name"),
    # goods delivered before their invoice: a challan, which the NIC takes as 8 Others
    # (it refuses CHL with 1 Supply); fields from the gst_india_sales bridge
    "Delivery Note": ContractDocument(doc_type="CHL", sub_supply_type=OTHERS,
                                      sub_supply_desc="Delivery before invoice",
                                      party="customer", party_name="customer_name",
                                      number_field="challan_no"),
    "Stock Entry": StockTransfer(),
})


def source_of(doctype: str) -> EWayBillSource:
    found = SOURCES.get(doctype)
    if found is None:
        raise EWayBillNotApplicable(f"{doctype} does not get e-way bills (they are made "
                                    f"for {', '.join(SOURCES)})", field="doctype")
    return found
