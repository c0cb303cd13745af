"""The NIC e-invoice JSON (schema 1.1) of a sales invoice, built from the GST field
contract (README) only: the lines' taxable values and taxes, never the tax rows.

    Version, TranDtls, DocDtls, SellerDtls, BuyerDtls, [DispDtls], [ShipDtls], ItemList,
    ValDtls, [RefDtls: the invoice a credit note reverses or a debit note raises],
    [ExpDtls: exports]
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core import lifecycle
from modules.gst_india.categories import OVERSEAS
from modules.gst_india.einvoice import parties
from modules.gst_india.einvoice.amounts import exchange_rate, plain, quantity, rupees, uqc
from modules.gst_india.einvoice.supply_type import require_supply_type

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

VERSION = "1.1"
SERVICE_CHAPTER = "99"  # SAC codes: services


def nic_date(value: dt.date | str) -> str:
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    return value.strftime("%d/%m/%Y")


def build_einvoice(ctx: Context, doc: Document) -> dict[str, Any]:
    """The e-invoice JSON of ``doc``, not yet checked against the schema."""
    supply = require_supply_type(doc)
    abroad = doc.gst_category == OVERSEAS
    items = [item_details(i, row, exchange_rate(doc))
             for i, row in enumerate(doc.children("items"), start=1)]
    payload: dict[str, Any] = {
        "Version": VERSION,
        "TranDtls": transaction_details(doc, supply),
        "DocDtls": {"Typ": document_type(doc),
                    "No": (doc.name or "").upper(), "Dt": nic_date(doc.posting_date)},
        "SellerDtls": seller_details(ctx, doc),
        "BuyerDtls": buyer_details(ctx, doc, abroad),
        "ItemList": items,
        "ValDtls": value_details(doc, items),
    }
    payload.update(place_details(ctx, doc))
    if (doc.is_return or doc.get("is_debit_note")) and doc.return_against:
        payload["RefDtls"] = reference_details(ctx, doc)
    if abroad:
        payload["ExpDtls"] = export_details(ctx, doc)
    return payload


def document_type(doc: Document) -> str:
    """DocDtls.Typ: CRN for a credit note, DBN for a debit note, INV otherwise."""
    if doc.is_return:
        return "CRN"
    return "DBN" if doc.get("is_debit_note") else "INV"


def transaction_details(doc: Document, supply: str) -> dict[str, Any]:
    seller_state = (doc.company_gstin or "")[:2]
    intra_igst = parties.state_code(doc.place_of_supply) == seller_state \
        and Decimal(str(doc.total_igst or 0)) != 0
    return {"TaxSch": "GST", "SupTyp": supply,
            "RegRev": "Y" if doc.is_reverse_charge else "N",
            "IgstOnIntra": "Y" if intra_igst else "N"}


def seller_details(ctx: Context, doc: Document) -> dict[str, Any]:
    addr = parties.company_address(ctx, doc)
    return {"Gstin": doc.company_gstin, "LglNm": doc.company,
            **parties.einvoice_address(addr), "Stcd": (doc.company_gstin or "")[:2]}


def buyer_details(ctx: Context, doc: Document, abroad: bool) -> dict[str, Any]:
    addr = parties.billing_address(ctx, doc)
    place = parties.EXPORT_STATE if abroad else parties.state_code(doc.place_of_supply)
    details = {"Gstin": parties.UNREGISTERED if abroad else doc.billing_gstin,
               "LglNm": doc.customer_name or doc.customer, "Pos": place,
               **parties.einvoice_address(addr, abroad=abroad)}
    if not abroad and doc.billing_gstin:
        details["Stcd"] = doc.billing_gstin[:2]  # the state the buyer is registered in
    return {k: v for k, v in details.items() if v not in (None, "")}


def place_details(ctx: Context, doc: Document) -> dict[str, Any]:
    """DispDtls and ShipDtls, only when goods leave from or go to another place than
    the seller's and buyer's addresses."""
    out: dict[str, Any] = {}
    dispatch = parties.address(ctx, doc.get("dispatch_address_name"))
    if dispatch:
        out["DispDtls"] = {"Nm": dispatch.get("address_title"),
                           **parties.einvoice_address(dispatch)}
    ship = parties.address(ctx, doc.get("shipping_address_name"))
    if ship and ship["name"] != parties.billing_address(ctx, doc).get("name"):
        abroad = doc.gst_category == OVERSEAS
        out["ShipDtls"] = {k: v for k, v in {
            "Gstin": ship.get("gstin") or (parties.UNREGISTERED if abroad else None),
            "LglNm": ship.get("address_title"),
            **parties.einvoice_address(ship, abroad=abroad)}.items() if v is not None}
    return out


def item_details(number: int, row: Document, rate: Decimal) -> dict[str, Any]:
    """One line: TotAmt is quantity x price, AssAmt the taxable value, TotItemVal the
    taxable value plus every tax on it."""
    hsn = row.gst_hsn_code or ""
    taxes = {key: rupees(row.get(field), rate) for key, field in (
        ("IgstAmt", "igst_amount"), ("CgstAmt", "cgst_amount"),
        ("SgstAmt", "sgst_amount"), ("CesAmt", "cess_amount"))}
    assessable = rupees(row.taxable_value, rate)
    return {
        "SlNo": str(number), "PrdDesc": row.item_name, "IsServc":
            "Y" if hsn.startswith(SERVICE_CHAPTER) else "N",
        "HsnCd": hsn, "Qty": quantity(row.qty),
        "Unit": uqc(row.get("uom")),
        "UnitPrice": abs(Decimal(str(row.rate or 0)) * rate).quantize(Decimal("0.001")),
        "TotAmt": rupees(row.amount, rate), "Discount": Decimal("0.00"),
        "AssAmt": assessable, "GstRt": plain(Decimal(str(row.gst_rate or 0))),
        **{k: v for k, v in taxes.items() if k != "CesAmt"},
        "CesRt": plain(Decimal(str(row.cess_rate or 0))), "CesAmt": taxes["CesAmt"],
        "TotItemVal": assessable + sum(taxes.values(), Decimal(0)),
    }


def value_details(doc: Document, items: list[dict[str, Any]]) -> dict[str, Any]:
    """The invoice's totals. Other charges are the tax rows that are not GST (freight);
    under reverse charge the invoice charges no GST, yet its value includes it."""
    rate = exchange_rate(doc)
    sums = {key: sum((i[key] for i in items), Decimal(0))
            for key in ("AssAmt", "CgstAmt", "SgstAmt", "IgstAmt", "CesAmt")}
    gst = sums["CgstAmt"] + sums["SgstAmt"] + sums["IgstAmt"] + sums["CesAmt"]
    charged = Decimal(0) if doc.is_reverse_charge else gst
    other = rupees(doc.total_taxes_and_charges, rate) - charged
    value = rupees(doc.grand_total, rate) + (gst - charged)
    details = {"AssVal": sums["AssAmt"], "CgstVal": sums["CgstAmt"],
               "SgstVal": sums["SgstAmt"], "IgstVal": sums["IgstAmt"],
               "CesVal": sums["CesAmt"], "Discount": Decimal("0.00"), "OthChrg": other,
               "RndOffAmt": value - (sums["AssAmt"] + gst + other), "TotInvVal": value}
    if rate != 1:
        details["TotInvValFc"] = rupees(doc.grand_total)
    return details


def reference_details(ctx: Context, doc: Document) -> dict[str, Any]:
    original = lifecycle.get_doc(ctx, "Sales Invoice", doc.return_against)
    return {"PrecDocDtls": [{"InvNo": (original.name or "").upper(),
                             "InvDt": nic_date(original.posting_date)}]}


def export_details(ctx: Context, doc: Document) -> dict[str, Any]:
    country = parties.billing_address(ctx, doc).get("country")
    details = {"ShipBNo": doc.get("shipping_bill_number"),
               "ShipBDt": nic_date(doc.shipping_bill_date)
               if doc.get("shipping_bill_date") else None,
               "Port": doc.get("port_code"),
               "RefClm": "Y" if doc.is_export_with_gst else "N",
               "ForCur": doc.currency if exchange_rate(doc) != 1 else None,
               "CntCode": parties.country_code(country)}
    return {k: v for k, v in details.items() if v not in (None, "")}
