"""The NIC e-way bill JSON of a document with the GST field contract: ``version`` and
one entry of ``billLists`` with the supply, the document, the consignor and consignee,
the goods lines (services carry no e-way bill), their values and the transport.

Codes follow the e-way bill portal: supplyType O (outward); subSupplyType 1 Supply,
3 Export, 5 For Own Use, 8 Others; docType INV (tax invoice) or CHL (delivery challan),
as the NIC pairs them (Supply and Export take INV or BIL only; For Own Use CHL); transType
1 Regular, 2 Bill To-Ship To, 3 Bill From-Dispatch From, 4 both; transMode 1 Road,
2 Rail, 3 Air, 4 Ship; vehicleType R or O.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core.db import query
from modules.gst_india.categories import OVERSEAS
from modules.gst_india.einvoice import parties
from modules.gst_india.einvoice.amounts import exchange_rate, plain, quantity, rupees, uqc
from modules.gst_india.einvoice.payload import SERVICE_CHAPTER, nic_date

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

VERSION = "1.0.0621"
SUPPLY, EXPORT, OWN_USE, OTHERS = 1, 3, 5, 8
TRANSPORT_MODES = {"Road": 1, "Rail": 2, "Air": 3, "Ship": 4}
VEHICLE_TYPES = {"Regular": "R", "Over Dimensional Cargo": "O"}
UNREGISTERED = "URP"
TAX_FIELDS = ("taxable_value", "cgst_amount", "sgst_amount", "igst_amount", "cess_amount")


@dataclass(frozen=True)
class ContractDocument:
    """A document with the GST field contract: its NIC document type, sub-supply type
    (3 Export replaces it for an Overseas party) and its description (which the NIC
    wants for 8 Others), the party link and its name field, the doctype the party is,
    and the field holding the GST document number."""

    doc_type: str
    sub_supply_type: int
    party: str
    party_name: str
    sub_supply_desc: str = ""
    party_doctype: str = "Customer"
    number_field: str = "name"

    def check(self, ctx: Context, doc: Document) -> None:
        from modules.gst_india.ewaybill.service import check_goods

        check_goods(doc, goods_lines(doc))

    def goods_value(self, ctx: Context, doc: Document) -> Decimal:
        rate = exchange_rate(doc)
        return sum((line_value(r, rate) for r in goods_lines(doc)), Decimal(0))

    def bill(self, ctx: Context, doc: Document) -> dict[str, Any]:
        rate = exchange_rate(doc)
        lines = goods_lines(doc)
        export = doc.gst_category == OVERSEAS
        return {"userGstin": doc.company_gstin, "supplyType": "O",
                "subSupplyType": EXPORT if export else self.sub_supply_type,
                "subSupplyDesc": "" if export else self.sub_supply_desc,
                "docType": self.doc_type,
                "docNo": str(doc.get(self.number_field) or "").upper(),
                "docDate": nic_date(doc.posting_date),
                "transType": transaction_type(doc),
                **consignor(ctx, doc), **self.consignee(ctx, doc),
                **values(lines, rate), **transport(doc),
                "mainHsnCode": hsn(max(lines, key=lambda r: rupees(r.taxable_value, rate))),
                "itemList": [item(i, r, rate) for i, r in enumerate(lines, start=1)]}

    def consignee(self, ctx: Context, doc: Document) -> dict[str, Any]:
        abroad = doc.gst_category == OVERSEAS
        billing = parties.address(ctx, doc.get("customer_address") or query.get_value(
            ctx, self.party_doctype, doc.get(self.party), "customer_primary_address"))
        actual = parties.address(ctx, doc.get("shipping_address_name")) or billing
        billed_state = int(parties.EXPORT_STATE if abroad
                           else parties.state_code(doc.place_of_supply) or 0)
        return {"toGstin": doc.billing_gstin or UNREGISTERED,
                "toTrdName": doc.get(self.party_name) or doc.get(self.party),
                **place("to", actual, abroad and actual is billing),
                "toStateCode": billed_state,
                "actualToStateCode": int(parties.address_state(actual) or billed_state)}


def envelope(bill: dict[str, Any]) -> dict[str, Any]:
    """The bulk-upload file around one e-way bill (what the portal's upload takes)."""
    return {"version": VERSION, "billLists": [bill]}


def goods_lines(doc: Document) -> list[Document]:
    return [r for r in doc.children("items")
            if not (r.gst_hsn_code or "").startswith(SERVICE_CHAPTER)]


def line_value(row: Document, rate: Decimal) -> Decimal:
    """A line's value with its taxes: what counts towards the consignment value."""
    return sum((rupees(row.get(f), rate) for f in TAX_FIELDS), Decimal(0))


def transaction_type(doc: Document) -> int:
    ships = bool(doc.get("shipping_address_name"))
    dispatches = bool(doc.get("dispatch_address_name"))
    return {(False, False): 1, (True, False): 2, (False, True): 3, (True, True): 4}[
        (ships, dispatches)]


def place(side: str, addr: dict[str, Any], abroad: bool = False) -> dict[str, Any]:
    """``fromAddr1``... or ``toAddr1``... of an address."""
    return {f"{side}Addr1": addr.get("address_line1") or "",
            f"{side}Addr2": addr.get("address_line2") or "",
            f"{side}Place": addr.get("city") or "",
            f"{side}Pincode": parties.pin(addr, abroad)}


def consignor(ctx: Context, doc: Document) -> dict[str, Any]:
    addr = parties.company_address(ctx, doc)
    actual = parties.address(ctx, doc.get("dispatch_address_name")) or addr
    state = int((doc.company_gstin or "0")[:2])
    return {"fromGstin": doc.company_gstin, "fromTrdName": doc.company,
            **place("from", actual), "fromStateCode": state,
            "actualFromStateCode": int(parties.address_state(actual) or state)}


def values(lines: list[Document], rate: Decimal) -> dict[str, Any]:
    def total(field: str) -> Decimal:
        return sum((rupees(r.get(field), rate) for r in lines), Decimal(0))

    return {"totalValue": total("taxable_value"), "cgstValue": total("cgst_amount"),
            "sgstValue": total("sgst_amount"), "igstValue": total("igst_amount"),
            "cessValue": total("cess_amount"), "TotNonAdvolVal": Decimal("0.00"),
            "OthValue": Decimal("0.00"),
            "totInvValue": sum((line_value(r, rate) for r in lines), Decimal(0))}


def transport(doc: Document) -> dict[str, Any]:
    return {"transMode": TRANSPORT_MODES.get(doc.get("mode_of_transport") or "", ""),
            "transDistance": str(doc.get("distance") or 0),
            "transporterName": doc.get("transporter_name") or "",
            "transporterId": doc.get("transporter_gstin") or "",
            "transDocNo": doc.get("lr_no") or "",
            "transDocDate": nic_date(doc.lr_date) if doc.get("lr_date") else "",
            "vehicleNo": vehicle_number(doc.get("vehicle_no")),
            "vehicleType": VEHICLE_TYPES.get(doc.get("vehicle_type") or "", "")}


def vehicle_number(text: str | None) -> str:
    return (text or "").replace(" ", "").upper()


def item(number: int, row: Document, rate: Decimal) -> dict[str, Any]:
    gst = Decimal(str(row.gst_rate or 0))
    intra = bool(row.cgst_amount)
    return {"itemNo": number, "productName": row.item_name,
            "productDesc": row.get("description") or row.item_name,
            "hsnCode": hsn(row), "quantity": quantity(row.qty),
            "qtyUnit": uqc(row.get("uom")),
            "taxableAmount": rupees(row.taxable_value, rate),
            "sgstRate": plain(gst / 2) if intra else 0,
            "cgstRate": plain(gst / 2) if intra else 0,
            "igstRate": plain(gst) if row.igst_amount else 0,
            "cessRate": plain(Decimal(str(row.cess_rate or 0))), "cessNonAdvol": 0}


def hsn(row: Document | dict[str, Any]) -> int:
    return int(row.get("gst_hsn_code") or 0)
