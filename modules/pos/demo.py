"""Demo counter: a showroom profile of the demo company selling the demo items (priced
and barcoded), card and UPI beside cash, two customers known by their mobile numbers,
and the admin's session open today, so the POS screen sells at once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core import lifecycle
from core.db import query
from modules.base.install import ensure

if TYPE_CHECKING:
    from core.context import Context

COMPANY, ABBR = "Demo Furniture Pvt Ltd", "DF"
PROFILE, PRICE_LIST = "Showroom Counter", "Standard Selling"
# the demo items (modules/base/demo.py) as the counter sells them: price, EAN-13 barcode
COUNTER = (("CHAIR-OAK", "2999", "8906001000011"), ("TABLE-TEAK", "18999", "8906001000028"),
           ("VARNISH-1L", "549", "8906001000035"), ("DELIVERY", "750", ""))
CUSTOMERS = (("Anita Desai", "+91 98200 12345"), ("Rohan Kulkarni", "98450 67890"))
MODES = (("Card", "Bank"), ("UPI", "Phone"))


def make_demo(ctx: Context) -> None:
    if not query.exists(ctx, "Company", COMPANY):
        return
    ensure(ctx, "Price List", PRICE_LIST, {"price_list_name": PRICE_LIST, "selling": 1})
    for code, price, barcode in COUNTER:
        if query.exists(ctx, "Item", code):
            _list(ctx, code, price, barcode)
    for name, mobile in CUSTOMERS:
        ensure(ctx, "Customer", name, {"customer_name": name, "customer_type": "Individual",
                                       "customer_group": "Individual",
                                       "territory": "India", "mobile_no": mobile})
    for mode, kind in MODES:
        ensure(ctx, "Mode of Payment", mode, {
            "mode_of_payment": mode, "type": kind,
            "accounts": [{"company": COMPANY, "default_account": f"Bank Account - {ABBR}"}]})
    _profile_and_session(ctx)


def _list(ctx: Context, code: str, price: str, barcode: str) -> None:
    lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Item Price", {
        "item_code": code, "price_list": PRICE_LIST, "price_list_rate": price}))
    if barcode:
        item = lifecycle.get_doc(ctx, "Item", code)
        item.append("barcodes", {"barcode": barcode}, ctx)
        lifecycle.save(ctx, item)


def _profile_and_session(ctx: Context) -> None:
    stores = query.get_value(ctx, "Company", COMPANY, "default_warehouse")
    ensure(ctx, "POS Profile", PROFILE, {
        "pos_profile_name": PROFILE, "company": COMPANY, "warehouse": stores,
        "selling_price_list": PRICE_LIST,
        "payments": [{"mode_of_payment": "Cash", "default": 1},
                     *({"mode_of_payment": mode} for mode, _kind in MODES)],
        "users": [{"user": "admin"}]})
    lifecycle.insert(ctx, lifecycle.new_doc(ctx, "POS Opening Entry", {
        "pos_profile": PROFILE, "user": "admin", "docstatus": 1,
        "balance_details": [{"mode_of_payment": "Cash", "opening_amount": "2000"}]}))
