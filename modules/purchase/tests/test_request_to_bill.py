"""Request, order, receive in two parts, bill what is received.

    Request 10 Chairs and 4 Tables for Stores.
    Order from it: 10 Chairs @ 1,000.00 and 4 Tables @ 2,500.50 = 20,002.00.
      Chairs and Tables on order: 10 and 4; the request is 100% ordered.
    Receipt 1: 6 Chairs (6,000.00) and 4 Tables (10,002.00):
      Stock In Hand Dr 16,002.00 / Stock Received But Not Billed Cr 16,002.00.
      Order: 10 of 14 received, 71.43%, To Receive and Bill; Chairs on order: 4.
    Receipt 2: the 4 Chairs left (4,000.00); order 100% received, To Bill.
    Bill from receipt 1, then from receipt 2: Stock Received But Not Billed Dr 16,002.00,
    then 4,000.00 / Creditors Cr; the account is back to zero, receipts Completed, the
    order 100% billed and Completed.
"""

from decimal import Decimal as D

import pytest

from core import lifecycle
from core.db import query
from modules.accounting.tests.builders import account_balances, gl_lines
from modules.inventory.tests.builders import (
    CO,
    STORES,
    assert_books_in_step,
    make_item,
    make_party,
    stock_books,
)
from modules.purchase.billing import make_purchase_invoice
from modules.purchase.errors import OverBilling, OverReceipt
from modules.purchase.ordering import make_purchase_receipt
from modules.purchase.requesting import make_purchase_order
from modules.purchase.tests.builders import (
    SUPPLIER,
    bin_qty,
    line_values,
    progress,
    submit,
)

SRBNB = "Stock Received But Not Billed - PF"


def test_request_order_two_receipts_and_the_bills(site):
    handle = stock_books(site, ("purchase",))
    with handle.tx() as ctx:
        make_item(ctx, "CHAIR")
        make_item(ctx, "TABLE")
        make_party(ctx, "Supplier", SUPPLIER)
        request = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Material Request", {
            "company": CO, "transaction_date": "2026-05-01", "schedule_date": "2026-05-10",
            "set_warehouse": STORES, "docstatus": 1,
            "items": [{"item_code": "CHAIR", "qty": 10}, {"item_code": "TABLE", "qty": 4}]}))
        assert progress(ctx, "Material Request", request.name, "status") == ("Pending",)

        # Order everything requested
        draft = make_purchase_order(ctx, request.name)
        assert [(i["item_code"], i["qty"]) for i in draft["items"]] == [
            ("CHAIR", D("10")), ("TABLE", D("4"))]
        draft["items"][0]["rate"], draft["items"][1]["rate"] = 1000, "2500.50"
        po = submit(ctx, draft, supplier=SUPPLIER, transaction_date="2026-05-02")
        assert progress(ctx, "Purchase Order", po, "total", "status") == (
            D("20002.00"), "To Receive and Bill")
        assert progress(ctx, "Material Request", request.name, "per_ordered", "status") == (
            D("100.00"), "Ordered")
        assert bin_qty(ctx, "CHAIR") == (D("0"), D("10"), D("10"))
        assert bin_qty(ctx, "TABLE") == (D("0"), D("4"), D("4"))

        # Receipt 1: 6 of the 10 Chairs and all 4 Tables
        draft = make_purchase_receipt(ctx, po)
        draft["items"][0]["qty"] = 6
        first = submit(ctx, draft, posting_date="2026-05-05")
        assert gl_lines(ctx, first) == [
            ("Stock In Hand - PF", D("16002.00"), D("0.00")),
            (SRBNB, D("0.00"), D("16002.00"))]
        assert bin_qty(ctx, "CHAIR") == (D("6"), D("4"), D("10"))
        assert bin_qty(ctx, "TABLE") == (D("4"), D("0"), D("4"))
        assert line_values(ctx, "Purchase Order Item", po, "received_qty") == [D("6"),
                                                                               D("4")]
        assert progress(ctx, "Purchase Order", po, "per_received", "per_billed",
                        "status") == (D("71.43"), D("0.00"), "To Receive and Bill")
        assert progress(ctx, "Purchase Receipt", first, "status") == ("To Bill",)

        # Receiving more than is still on order is refused, and nothing is written
        rest = make_purchase_receipt(ctx, po)
        assert [(i["item_code"], i["qty"]) for i in rest["items"]] == [("CHAIR", D("4"))]
        before = query.count(ctx, "Stock Ledger Entry")
        with pytest.raises(OverReceipt, match="5 of CHAIR is more than the 4 ordered and not "
                                              "yet received"):
            submit(ctx, dict(rest), posting_date="2026-05-06",
                   items=[rest["items"][0] | {"qty": 5}])
        assert query.count(ctx, "Stock Ledger Entry") == before

        # Receipt 2: the 4 Chairs left
        second = submit(ctx, rest, posting_date="2026-05-06")
        assert progress(ctx, "Purchase Order", po, "per_received", "status") == (
            D("100.00"), "To Bill")
        assert bin_qty(ctx, "CHAIR") == (D("10"), D("0"), D("10"))

        # Bill receipt 1: billing more than received and unbilled is refused
        bill = make_purchase_invoice(ctx, first)
        assert [(i["item_code"], i["qty"]) for i in bill["items"]] == [
            ("CHAIR", D("6")), ("TABLE", D("4"))]
        with pytest.raises(OverBilling, match="7 of CHAIR is more than the 6 received and "
                                              "not yet billed"):
            submit(ctx, dict(bill), bill_no="PT-1",
                   items=[bill["items"][0] | {"qty": 7}, bill["items"][1]])
        assert query.count(ctx, "Purchase Invoice") == 0
        assert query.count(ctx, "GL Entry", {"voucher_type": "Purchase Invoice"}) == 0
        with pytest.raises(Exception, match="turn off Update Stock"):
            submit(ctx, dict(bill), update_stock=1)
        invoice = submit(ctx, bill, bill_no="PT-1", posting_date="2026-05-07")
        assert gl_lines(ctx, invoice) == [
            ("Creditors - PF", D("0.00"), D("16002.00")),
            (SRBNB, D("16002.00"), D("0.00"))]
        assert progress(ctx, "Purchase Receipt", first, "per_billed", "status") == (
            D("100.00"), "Completed")
        assert progress(ctx, "Purchase Order", po, "per_billed", "status") == (
            D("71.43"), "To Bill")

        # Bill receipt 2 through the order: only what is unbilled
        bill = make_purchase_invoice(ctx, po)
        assert [(i["item_code"], i["qty"], i["pr_detail"] is not None)
                for i in bill["items"]] == [("CHAIR", D("4"), True)]
        submit(ctx, bill, bill_no="PT-2", posting_date="2026-05-08")
        assert progress(ctx, "Purchase Order", po, "per_billed", "status") == (
            D("100.00"), "Completed")
        assert progress(ctx, "Purchase Receipt", second, "status") == ("Completed",)
        balances = account_balances(ctx, CO)
        assert SRBNB not in balances
        assert balances["Stock In Hand - PF"] == D("20002.00")
        assert balances["Creditors - PF"] == D("-20002.00")
        assert_books_in_step(ctx)
