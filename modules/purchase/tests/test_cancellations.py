"""Ordering part of a request, and taking everything back, newest first.

    Request 10 Chairs. An order for 12 is refused (10 requested); an order for 6 makes
    the request 60% ordered (Partially Ordered) and puts 6 on order.
    Receive the 6 @ 1,000.00: Stock In Hand Dr 6,000.00 / Stock Received But Not Billed
    Cr 6,000.00. The order cannot be cancelled while the receipt stands.
    Cancel the receipt: opposite stock and GL rows are appended (nothing deleted); the
    6 are on order again. Cancel the order: nothing on order, the request Pending again.
"""

from decimal import Decimal as D

import pytest

from core import lifecycle
from core.db import query
from core.errors import LinkExistsError, ValidationError
from modules.accounting.tests.builders import account_balances, gl_lines
from modules.inventory.tests.builders import (
    CO,
    STORES,
    assert_books_in_step,
    make_item,
    make_party,
    stock_books,
)
from modules.purchase.errors import OverOrdering
from modules.purchase.ordering import make_purchase_receipt
from modules.purchase.requesting import make_purchase_order
from modules.purchase.tests.builders import SUPPLIER, bin_qty, progress, submit

SRBNB = "Stock Received But Not Billed - PF"


def request(ctx, purpose="Purchase"):
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Material Request", {
        "material_request_type": purpose, "company": CO, "transaction_date": "2026-05-01",
        "items": [{"item_code": "CHAIR", "qty": 10, "warehouse": STORES}],
        "docstatus": 1})).name


def test_a_partial_order_received_then_everything_cancelled(site):
    handle = stock_books(site, ("purchase",))
    with handle.tx() as ctx:
        make_item(ctx, "CHAIR")
        make_party(ctx, "Supplier", SUPPLIER)
        with pytest.raises(ValidationError, match="asks for a material transfer"):
            make_purchase_order(ctx, request(ctx, "Material Transfer"))
        wanted = request(ctx)
        draft = make_purchase_order(ctx, wanted) | {"supplier": SUPPLIER,
                                                    "transaction_date": "2026-05-02"}
        with pytest.raises(OverOrdering, match="12 of CHAIR is more than the 10 requested"):
            submit(ctx, dict(draft), items=[draft["items"][0] | {"qty": 12, "rate": 1000}])
        assert query.count(ctx, "Purchase Order") == 0
        assert bin_qty(ctx, "CHAIR") == (D("0"), D("0"), D("0"))
        po = submit(ctx, draft, items=[draft["items"][0] | {"qty": 6, "rate": 1000}])
        assert progress(ctx, "Material Request", wanted, "per_ordered", "status") == (
            D("60.00"), "Partially Ordered")
        assert bin_qty(ctx, "CHAIR") == (D("0"), D("6"), D("6"))
        receipt = submit(ctx, make_purchase_receipt(ctx, po), posting_date="2026-05-05")
        assert bin_qty(ctx, "CHAIR") == (D("6"), D("0"), D("6"))
        assert progress(ctx, "Purchase Order", po, "status") == ("To Bill",)
        with pytest.raises(LinkExistsError):
            lifecycle.cancel(ctx, "Purchase Order", po)

        lifecycle.cancel(ctx, "Purchase Receipt", receipt)
        assert gl_lines(ctx, receipt) == [
            ("Stock In Hand - PF", D("0.00"), D("6000.00")),
            ("Stock In Hand - PF", D("6000.00"), D("0.00")),
            (SRBNB, D("0.00"), D("6000.00")), (SRBNB, D("6000.00"), D("0.00"))]
        moves = query.select_rows(ctx, "Stock Ledger Entry", fields=[
            "actual_qty", "stock_value_difference", "is_reversal"],
            filters={"voucher_no": receipt}, order_by="is_reversal asc")
        assert [(m["actual_qty"], m["stock_value_difference"], m["is_reversal"])
                for m in moves] == [(D("6"), D("6000.00"), 0), (D("-6"), D("-6000.00"), 1)]
        assert bin_qty(ctx, "CHAIR") == (D("0"), D("6"), D("6"))
        assert progress(ctx, "Purchase Order", po, "per_received", "status") == (
            D("0.00"), "To Receive and Bill")
        assert progress(ctx, "Purchase Receipt", receipt, "status") == ("Cancelled",)

        lifecycle.cancel(ctx, "Purchase Order", po)
        assert bin_qty(ctx, "CHAIR") == (D("0"), D("0"), D("0"))
        assert progress(ctx, "Purchase Order", po, "status") == ("Cancelled",)
        assert progress(ctx, "Material Request", wanted, "per_ordered", "status") == (
            D("0.00"), "Pending")
        assert account_balances(ctx, CO) == {}
        assert_books_in_step(ctx)
