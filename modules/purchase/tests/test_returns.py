"""Goods sent back to the supplier, and a debit note against the bill.

    Opening: 5 Chairs @ 800.00 = 4,000.00.
    Order 10 Chairs @ 1,000.00; receive all 10 (Stock In Hand Dr 10,000.00).
    Bill 6 (Stock Received But Not Billed Dr 6,000.00 / Creditors Cr 6,000.00).
    Return 3 of the receipt: they leave at the 1,000.00 they came in at, not at the
    older 800.00 (FIFO takes the batch of that rate first):
      Stock Received But Not Billed Dr 3,000.00 / Stock In Hand Cr 3,000.00;
      stock 12 worth 4,000.00 + 7,000.00 = 11,000.00; the order is back to 70%
      received with 3 Chairs on order again; the receipt kept 7 and billed 6 (85.71%).
    Bill the 1 left: Stock Received But Not Billed is back to zero, receipt Completed.
    Debit note for 2 of the first bill: billed 7 - 2 = 5 (71.43%, To Bill again),
      Creditors Dr 2,000.00 / Stock Received But Not Billed Cr 2,000.00.
"""

from decimal import Decimal as D

import pytest

from core import lifecycle
from core.db import query
from modules.accounting.tests.builders import account_balances, gl_lines
from modules.inventory.tests.builders import (
    CO,
    assert_books_in_step,
    make_item,
    make_party,
    receive,
    stock_books,
)
from modules.purchase.billing import make_purchase_invoice
from modules.purchase.errors import OverBilling, OverReceipt
from modules.purchase.ordering import make_purchase_receipt
from modules.purchase.receiving import make_purchase_return
from modules.purchase.tests.builders import (
    SUPPLIER,
    bin_qty,
    progress,
    purchase_order,
    stock_of,
    submit,
)

SRBNB = "Stock Received But Not Billed - PF"


def test_a_return_to_the_supplier_and_a_debit_note(site):
    handle = stock_books(site, ("purchase",))
    with handle.tx() as ctx:
        make_item(ctx, "CHAIR")
        make_party(ctx, "Supplier", SUPPLIER)
        receive(ctx, "CHAIR", 5, 800, date="2026-05-01")
        po = purchase_order(ctx, [("CHAIR", 10, 1000)])
        receipt = submit(ctx, make_purchase_receipt(ctx, po), posting_date="2026-05-05")
        draft = make_purchase_invoice(ctx, receipt)
        draft["items"][0]["qty"] = 6
        bill = submit(ctx, draft, posting_date="2026-05-06")

        # Send 3 back: at the rate they came in at
        back = make_purchase_return(ctx, receipt)
        assert back["items"][0]["qty"] == D("-10")
        back["items"][0]["qty"] = -3
        returned = submit(ctx, back, posting_date="2026-05-07")
        assert gl_lines(ctx, returned) == [("Stock In Hand - PF", D("0.00"), D("3000.00")),
                                           (SRBNB, D("3000.00"), D("0.00"))]
        assert stock_of(ctx, "CHAIR") == (D("12"), D("11000.00"))
        assert bin_qty(ctx, "CHAIR") == (D("12"), D("3"), D("15"))
        assert progress(ctx, "Purchase Order", po, "per_received", "status") == (
            D("70.00"), "To Receive and Bill")
        assert progress(ctx, "Purchase Receipt", receipt, "per_billed", "status") == (
            D("85.71"), "To Bill")
        assert progress(ctx, "Purchase Receipt", returned, "status") == ("Return",)
        with pytest.raises(OverReceipt, match="more than the 7 received and not yet "
                                              "returned"):
            submit(ctx, make_purchase_return(ctx, receipt) | {"posting_date": "2026-05-07"},
                   items=[make_purchase_return(ctx, receipt)["items"][0] | {"qty": -8}])

        # Bill the one left
        rest = make_purchase_invoice(ctx, receipt)
        assert rest["items"][0]["qty"] == D("1")
        submit(ctx, rest, posting_date="2026-05-08")
        assert SRBNB not in account_balances(ctx, CO)
        assert progress(ctx, "Purchase Receipt", receipt, "per_billed", "status") == (
            D("100.00"), "Completed")

        # A debit note against the first bill takes 2 back off the billed quantity
        line = lifecycle.get_doc(ctx, "Purchase Invoice", bill).children("items")[0]
        note = {"doctype": "Purchase Invoice", "supplier": SUPPLIER, "company": CO,
                "posting_date": "2026-05-09", "is_return": 1, "return_against": bill,
                "items": [{"item_code": "CHAIR", "qty": -2, "rate": 1000,
                           "purchase_receipt": receipt, "pr_detail": line.pr_detail}]}
        before = query.count(ctx, "GL Entry")
        with pytest.raises(OverBilling, match="8 of CHAIR is more than the 7 billed"):
            submit(ctx, dict(note), items=[note["items"][0] | {"qty": -8}])
        assert query.count(ctx, "GL Entry") == before
        debit_note = submit(ctx, note)
        assert gl_lines(ctx, debit_note) == [("Creditors - PF", D("2000.00"), D("0.00")),
                                             (SRBNB, D("0.00"), D("2000.00"))]
        assert progress(ctx, "Purchase Receipt", receipt, "per_billed", "status") == (
            D("71.43"), "To Bill")
        assert progress(ctx, "Purchase Order", po, "per_billed") == (D("50.00"),)
        assert_books_in_step(ctx)
