"""Demo GST: the demo company registered in Maharashtra, GSTINs on two customers and a
supplier, HSN/SAC codes and rates on the demo items, so demo invoices compute GST; the
company's and customers' addresses and e-invoicing through the fake IRP, so submitted
B2B invoices get an IRN and print with their QR code."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core import lifecycle
from core.db import query

if TYPE_CHECKING:
    from core.context import Context

COMPANY = "Demo Furniture Pvt Ltd"
REGISTRATIONS: tuple[tuple[str, str, str], ...] = (
    ("Company", COMPANY, "27AAACD1234E1Z9"),
    ("Customer", "Rao Traders", "27AABCR1234M1ZD"),       # Mumbai: CGST + SGST
    ("Customer", "Shah Steel", "24AABCS4321K1ZK"),        # Surat: IGST
    ("Supplier", "Pune Timber Co", "27AAFCP5678N1ZL"),
)
# (doctype, name, address line, city, state, PIN): where each registration is
ADDRESSES: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("Company", COMPANY, "Plot 21, Hadapsar Industrial Estate", "Pune", "Maharashtra",
     "411013"),
    ("Customer", "Rao Traders", "14 Dalal Street", "Mumbai", "Maharashtra", "400001"),
    ("Customer", "Shah Steel", "Ring Road, Udhna", "Surat", "Gujarat", "394210"),
)
ADDRESS_FIELD = {"Company": "company_address", "Customer": "customer_primary_address"}
ITEMS = (("CHAIR-OAK", "94016100", "18"), ("TABLE-TEAK", "94036000", "18"),
         ("VARNISH-1L", "32081090", "18"), ("DELIVERY", "998729", "18"))


def make_demo(ctx: Context) -> None:
    for doctype, name, gstin in REGISTRATIONS:
        _update(ctx, doctype, name, {"gstin": gstin})
    for doctype, name, line1, city, state, pincode in ADDRESSES:
        if query.exists(ctx, doctype, name):
            address = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Address", {
                "address_title": name, "address_line1": line1, "city": city,
                "state": state, "pincode": pincode, "country": "India"}))
            _update(ctx, doctype, name, {ADDRESS_FIELD[doctype]: address.name})
    _update(ctx, "Company", COMPANY, {"gst_einvoice_enabled": 1})
    for code, hsn, rate in ITEMS:
        if _update(ctx, "Item", code, {"gst_hsn_code": hsn}):
            lifecycle.insert(ctx, lifecycle.new_doc(ctx, "GST Rate", {
                "item_code": code, "gst_rate": rate, "valid_from": "2025-04-01"}))


def _update(ctx: Context, doctype: str, name: str, values: dict[str, Any]) -> bool:
    """Set values on a demo record that another module's demo made, if it is there."""
    if not query.exists(ctx, doctype, name):
        return False
    doc = lifecycle.get_doc(ctx, doctype, name)
    doc.values.update(values)
    lifecycle.save(ctx, doc)
    return True
