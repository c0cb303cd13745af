"""The demo tenant with every module: GST invoices of the demo get IRNs from the fake
IRP, and a new B2B invoice prints as a GST Tax Invoice with its QR code."""

import uuid

from core.db import query
from core.modules import discover
from modules.gst_india.demo import COMPANY
from modules.gst_india.tests.builders import D, insert
from tenants.provisioning import new_tenant


def test_a_demo_b2b_invoice_gets_an_irn(sqlite_site):
    name = f"t-{uuid.uuid4().hex[:10]}"
    new_tenant(sqlite_site, name, "demo-password-1", modules=sorted(discover()), demo=True)
    with sqlite_site.transaction(name, "admin") as ctx:
        invoice = insert(ctx, "Sales Invoice", {
            "customer": "Rao Traders", "company": COMPANY, "posting_date": "2026-05-04",
            "docstatus": 1, "items": [{"item_code": "CHAIR-OAK", "qty": 2, "rate": 2500}]})
        assert (invoice.total_cgst, invoice.total_sgst) == (D("450.00"), D("450.00"))
    with sqlite_site.transaction(name, "admin") as ctx:
        stored = query.select_rows(ctx, "Sales Invoice", filters={"name": invoice.name},
                                   fields=["einvoice_status", "ack_no", "einvoice_error"])
        assert stored == [{"einvoice_status": "Generated", "ack_no": stored[0]["ack_no"],
                           "einvoice_error": None}]
        assert stored[0]["ack_no"].startswith("1120100000")
