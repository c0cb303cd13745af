"""The demo tenant's offers: installed with the demo data, and working on an invoice.

    FESTIVE10: 10% off bills of 5,000.00 or more. 4 oak chairs at 2,500.00 = 10,000.00
    -> 9,000.00, and two tins of varnish free (one per two chairs).
"""

import uuid

from core import lifecycle
from modules.discounts.demo import COMPANY
from modules.discounts.tests.builders import D
from tenants.provisioning import new_tenant


def test_the_demo_offers_apply_on_a_demo_invoice(sqlite_site):
    name = f"t-{uuid.uuid4().hex[:10]}"
    new_tenant(sqlite_site, name, "demo-password-1", modules=["discounts"], demo=True)
    with sqlite_site.transaction(name, "admin") as ctx:
        customer = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Customer", {
            "customer_name": "Walk-in Buyer", "customer_group": "Individual"})).name
        invoice = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Sales Invoice", {
            "customer": customer, "company": COMPANY, "posting_date": "2026-05-04",
            "coupon_code": "festive10",
            "items": [{"item_code": "CHAIR-OAK", "qty": 4, "rate": 2500}]}))
        assert [(r.item_code, r.qty, r.rate, r.is_free_item) for r in invoice.items] == [
            ("CHAIR-OAK", D("4"), D("2250.00"), 0), ("VARNISH-1L", D("2"), D("0"), 1)]
        assert invoice.grand_total == D("9000.00")
