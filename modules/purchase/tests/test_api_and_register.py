"""The buying methods over HTTP, and the purchase register.

    Order: 4 Chairs @ 1,000.00 and 1 Installation (a service) @ 500.00.
    The order's bill, before anything arrives, carries only the service:
      Cost of Goods Sold Dr 500.00 + Input CGST 9% 45.00 + SGST 9% 45.00 / Creditors
      Cr 590.00. The order is 20% billed (1 of 5), To Receive and Bill.
    Receipt of the 4 Chairs and its bill (bill no PT-9): 4,000.00.
    Register for May: 590.00 (net 500.00, tax 90.00) and 4,000.00;
      totals net 4,500.00, tax 90.00, grand 4,590.00, outstanding 4,590.00.
"""

import datetime as dt
from decimal import Decimal as D

from core import lifecycle
from core.auth.api_keys import issue_api_key
from modules.accounting.tests.builders import gl_lines
from modules.inventory.tests.builders import (
    CO,
    assert_books_in_step,
    make_item,
    make_party,
    stock_books,
)
from modules.purchase.billing import make_purchase_invoice
from modules.purchase.reports.purchase_register import purchase_register
from modules.purchase.tests.builders import SUPPLIER, progress, purchase_order, submit

TAXES = [{"account_head": f"Input Tax {t} - PF", "rate": 9} for t in ("CGST", "SGST")]


def client_with_roles(handle, api, login, roles):
    made = api.post("/api/resource/User", json={"login": login,
                                                "roles": [{"role": r} for r in roles]})
    assert made.status_code == 200, made.text
    with handle.tx() as ctx:
        key, secret = issue_api_key(ctx, login)
    return handle.client(headers={"Authorization": f"token {key}:{secret}"})


def test_bills_made_over_http_and_the_register(site):
    handle = stock_books(site, ("purchase",))
    with handle.tx() as ctx:
        make_item(ctx, "CHAIR")
        make_item(ctx, "INSTALL", "Services", is_stock_item=0)
        make_party(ctx, "Supplier", SUPPLIER)
        po = purchase_order(ctx, [("CHAIR", 4, 1000), ("INSTALL", 1, 500)])
    with handle.client(headers=handle.auth) as api:
        made = api.get("/api/method/purchase.make_purchase_invoice",
                       params={"source_name": po}).json()["message"]
        assert [(i["item_code"], i["qty"]) for i in made["items"]] == [("INSTALL", 1.0)]
        receipt = api.get("/api/method/purchase.make_purchase_receipt",
                          params={"source_name": po}).json()["message"]
        assert [(i["item_code"], i["qty"]) for i in receipt["items"]] == [("CHAIR", 4.0)]
        for method in ("make_purchase_invoice", "make_purchase_receipt",
                       "make_purchase_order", "make_purchase_return"):
            missing = api.get(f"/api/method/purchase.{method}",
                              params={"source_name": "PUR-ORD-2026-99999"})
            assert missing.status_code == 404, (method, missing.text)
        with client_with_roles(handle, api, "asha", ["Accounts User"]) as asha:
            refused = asha.get("/api/method/purchase.make_purchase_receipt",
                               params={"source_name": po})
            assert refused.status_code == 403
            assert asha.get("/api/method/purchase.make_purchase_invoice",
                            params={"source_name": po}).status_code == 200
        with client_with_roles(handle, api, "sunil", []) as nobody:
            assert nobody.get("/api/method/purchase.make_purchase_invoice",
                              params={"source_name": po}).status_code == 403

    with handle.tx() as ctx:
        service_bill = submit(ctx, made, posting_date="2026-05-03", taxes=TAXES)
        wanted = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Material Request", {
            "company": CO, "transaction_date": "2026-05-01", "docstatus": 1,
            "items": [{"item_code": "CHAIR", "qty": 3}]})).name
    with handle.client(headers=handle.auth) as api:
        ordered = api.post("/api/method/purchase.make_purchase_order",
                           json={"source_name": wanted})
        assert ordered.status_code == 200, ordered.text
        assert [(i["item_code"], i["qty"], i["material_request"])
                for i in ordered.json()["message"]["items"]] == [("CHAIR", 3.0, wanted)]
    with handle.tx() as ctx:
        assert gl_lines(ctx, service_bill) == [
            ("Cost of Goods Sold - PF", D("500.00"), D("0.00")),
            ("Creditors - PF", D("0.00"), D("590.00")),
            ("Input Tax CGST - PF", D("45.00"), D("0.00")),
            ("Input Tax SGST - PF", D("45.00"), D("0.00"))]
        assert progress(ctx, "Purchase Order", po, "per_billed", "status") == (
            D("20.00"), "To Receive and Bill")
        received = submit(ctx, receipt, posting_date="2026-05-04")
        submit(ctx, make_purchase_invoice(ctx, received), posting_date="2026-06-02",
               bill_no="PT-9")
        assert progress(ctx, "Purchase Order", po, "status") == ("Completed",)
        assert_books_in_step(ctx)
        may = purchase_register(ctx, CO, dt.date(2026, 5, 1), dt.date(2026, 5, 31))
        assert [(r["name"], r["grand_total"]) for r in may["rows"]] == [
            (service_bill, D("590.00"))]
    with handle.client(headers=handle.auth) as api:
        page = api.get("/api/report/purchase.purchase_register", params={
            "company": CO, "from_date": "2026-05-01", "to_date": "2026-06-30"})
        assert page.status_code == 200, page.text
        result = page.json()["message"]["result"]
        assert [(r["bill_no"], r["net_total"], r["tax"], r["grand_total"],
                 r["outstanding_amount"]) for r in result["rows"]] == [
            (None, 500.0, 90.0, 590.0, 590.0), ("PT-9", 4000.0, 0.0, 4000.0, 4000.0)]
        assert result["totals"] == {"net_total": 4500.0, "tax": 90.0, "grand_total": 4590.0,
                                    "outstanding_amount": 4590.0}
        bad = api.get("/api/method/purchase.purchase_register", params={"company": CO})
        assert bad.status_code == 422
