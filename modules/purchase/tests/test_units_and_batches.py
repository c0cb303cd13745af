"""Ordered by the piece, received by the box, in a batch the receipt creates.

    Syrup is kept in batches (series SYR-.###) and bought in Boxes of 12.
    Order 24 Syrup @ 40.00 (stock units).
    Receive 2 Boxes @ 480.00 a Box: 24 units in the new batch SYR-001, worth 960.00
      (40.00 a unit); the order is 100% received, nothing left on order.
    Bill the 2 Boxes: Stock Received But Not Billed Dr 960.00; the order 100% billed.
    Send 1 Box back: 12 units of SYR-001 leave at 40.00 (480.00); the order is back to
      50% received with 12 units on order.
"""

from decimal import Decimal as D

from core.db import query
from modules.accounting.tests.builders import account_balances, gl_lines
from modules.inventory.tests.builders import (
    CO,
    assert_books_in_step,
    make_item,
    make_party,
    stock_books,
)
from modules.purchase.billing import make_purchase_invoice
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


def test_received_in_boxes_into_a_new_batch(site):
    handle = stock_books(site, ("purchase",))
    with handle.tx() as ctx:
        make_item(ctx, "SYRUP", has_batch_no=1, create_new_batch=1,
                  batch_number_series="SYR-.###",
                  uoms=[{"uom": "Box", "conversion_factor": 12}])
        make_party(ctx, "Supplier", SUPPLIER)
        po = purchase_order(ctx, [("SYRUP", 24, 40)])
        draft = make_purchase_receipt(ctx, po)
        draft["items"][0].update(qty=2, uom="Box", rate=480)
        receipt = submit(ctx, draft, posting_date="2026-05-05")
        assert gl_lines(ctx, receipt) == [("Stock In Hand - PF", D("960.00"), D("0.00")),
                                          (SRBNB, D("0.00"), D("960.00"))]
        assert stock_of(ctx, "SYRUP") == (D("24"), D("960.00"))
        assert bin_qty(ctx, "SYRUP") == (D("24"), D("0"), D("24"))
        assert progress(ctx, "Purchase Order", po, "per_received") == (D("100.00"),)
        line = progress(ctx, "Purchase Receipt Item", _line(ctx, receipt), "batch_no",
                        "stock_qty")
        assert line == ("SYR-001", D("24"))

        bill = make_purchase_invoice(ctx, receipt)
        assert [(i["qty"], i["uom"]) for i in bill["items"]] == [(D("2"), "Box")]
        submit(ctx, bill, posting_date="2026-05-06")
        assert SRBNB not in account_balances(ctx, CO)
        assert progress(ctx, "Purchase Order", po, "per_billed", "status") == (
            D("100.00"), "Completed")

        back = make_purchase_return(ctx, receipt)
        back["items"][0]["qty"] = -1
        returned = submit(ctx, back, posting_date="2026-05-07")
        assert gl_lines(ctx, returned) == [("Stock In Hand - PF", D("0.00"), D("480.00")),
                                           (SRBNB, D("480.00"), D("0.00"))]
        assert stock_of(ctx, "SYRUP") == (D("12"), D("480.00"))
        assert bin_qty(ctx, "SYRUP") == (D("12"), D("12"), D("24"))
        assert progress(ctx, "Purchase Order", po, "per_received", "status") == (
            D("50.00"), "To Receive")
        assert_books_in_step(ctx)


def _line(ctx, receipt):
    return query.select_rows(ctx, "Purchase Receipt Item", fields=["name"],
                             filters={"parent": receipt})[0]["name"]
