"""The e-way bill of goods moved between two places of the same GSTIN (a Material
Transfer stock entry between branch godowns): no supply, so no invoice and no tax. The
document is a delivery challan (CHL, rule 55 of the CGST Rules), the sub-supply type
5 For Own Use, consignor and consignee are both the company's GSTIN, the places are the
warehouses' addresses and the value is the goods' value at valuation (the amounts the
stock entry booked).

Between warehouses of two GSTINs the movement is a supply between distinct persons
(section 25(4) and Schedule I para 2 of the CGST Act): it needs a tax invoice, i.e. a
Sales Invoice to the branch as customer, which gets its own e-way bill. Such a transfer
is refused here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core.db import query
from modules.gst_india.einvoice import parties
from modules.gst_india.einvoice.amounts import quantity, rupees, uqc
from modules.gst_india.einvoice.errors import (
    EWayBillIncomplete,
    EWayBillNeedsTaxInvoice,
    EWayBillNotApplicable,
)
from modules.gst_india.einvoice.payload import nic_date
from modules.gst_india.ewaybill.payload import OWN_USE, hsn, place, transport

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

TRANSFER = "Material Transfer"
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Places:
    gstin: str
    source: dict[str, Any]
    target: dict[str, Any]


@dataclass(frozen=True)
class StockTransfer:
    doc_type: str = "CHL"
    sub_supply_type: int = OWN_USE
    number_field: str = "challan_no"

    def check(self, ctx: Context, doc: Document) -> None:
        places(ctx, doc)

    def goods_value(self, ctx: Context, doc: Document) -> Decimal:
        return sum((rupees(r.amount) for r in doc.children("items")), ZERO)

    def bill(self, ctx: Context, doc: Document) -> dict[str, Any]:
        where = places(ctx, doc)
        state = int(where.gstin[:2])
        lines = [_line(ctx, i, r) for i, r in enumerate(doc.children("items"), start=1)]
        total = self.goods_value(ctx, doc)
        return {"userGstin": where.gstin, "supplyType": "O",
                "subSupplyType": self.sub_supply_type, "subSupplyDesc": "",
                "docType": self.doc_type,
                "docNo": str(doc.get(self.number_field) or "").upper(),
                "docDate": nic_date(doc.posting_date), "transType": 1,
                "fromGstin": where.gstin, "fromTrdName": doc.company,
                **place("from", where.source), "fromStateCode": state,
                "actualFromStateCode": _state(where.source, state),
                "toGstin": where.gstin, "toTrdName": doc.company,
                **place("to", where.target), "toStateCode": state,
                "actualToStateCode": _state(where.target, state),
                "totalValue": total, "cgstValue": ZERO, "sgstValue": ZERO,
                "igstValue": ZERO, "cessValue": ZERO, "TotNonAdvolVal": ZERO,
                "OthValue": ZERO, "totInvValue": total, **transport(doc),
                "mainHsnCode": max(lines, key=lambda i: i["taxableAmount"])["hsnCode"],
                "itemList": lines}


def places(ctx: Context, doc: Document) -> Places:
    """The GSTIN and the two addresses of a transfer, or the reason there is no
    e-way bill of a delivery challan for it."""
    if doc.stock_entry_type != TRANSFER:
        raise EWayBillNotApplicable(
            f"Stock Entry {doc.name} is a {doc.stock_entry_type}: only a Material Transfer "
            "moves goods between places under a delivery challan",
            field="stock_entry_type")
    company_gstin = query.get_value(ctx, "Company", doc.company, "gstin")
    if not company_gstin:
        raise EWayBillNotApplicable(f"{doc.company} has no GSTIN", field="company")
    rows = doc.children("items")
    sources = {r.s_warehouse for r in rows}
    targets = {r.t_warehouse for r in rows}
    if len(sources) != 1 or len(targets) != 1:
        raise EWayBillNotApplicable(
            f"Stock Entry {doc.name} moves goods between several warehouses; an e-way bill "
            "carries goods from one place to one other", field="items")
    source = _address(ctx, sources.pop(), "from_warehouse")
    target = _address(ctx, targets.pop(), "to_warehouse")
    source_gstin = source.get("gstin") or company_gstin
    target_gstin = target.get("gstin") or company_gstin
    if source_gstin != target_gstin:
        raise EWayBillNeedsTaxInvoice(
            f"Stock Entry {doc.name} moves goods from GSTIN {source_gstin} to GSTIN "
            f"{target_gstin}: a transfer between two registrations is a supply between "
            "distinct persons and needs a tax invoice. Raise a Sales Invoice to the branch "
            "as customer; it gets its own e-way bill.", field="to_warehouse")
    if source["name"] == target["name"]:
        raise EWayBillNotApplicable(
            f"Stock Entry {doc.name} moves goods within {source['name']}: they do not "
            "travel", field="to_warehouse")
    return Places(source_gstin, source, target)


def _address(ctx: Context, warehouse: str, field: str) -> dict[str, Any]:
    name = query.get_value(ctx, "Warehouse", warehouse, "address")
    found = parties.address(ctx, name)
    if not found:
        raise EWayBillIncomplete(
            f"Warehouse {warehouse} has no address: set the address the goods leave from "
            "or arrive at on the warehouse", field=field)
    return found


def _state(addr: dict[str, Any], fallback: int) -> int:
    return int(parties.address_state(addr) or fallback)


def _line(ctx: Context, number: int, row: Document) -> dict[str, Any]:
    item = query.select_rows(ctx, "Item", fields=["item_name", "gst_hsn_code"],
                             filters={"name": row.item_code})[0]
    return {"itemNo": number, "productName": item["item_name"],
            "productDesc": item["item_name"], "hsnCode": hsn(item),
            "quantity": quantity(row.qty), "qtyUnit": uqc(row.get("uom")),
            "taxableAmount": rupees(row.amount), "sgstRate": 0, "cgstRate": 0,
            "igstRate": 0, "cessRate": 0, "cessNonAdvol": 0}
