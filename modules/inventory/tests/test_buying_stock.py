"""A purchase invoice that updates stock: the goods enter at what they cost.

    Bill: 20 Planks @ 250.00 = 5,000.00, Input CGST 6% 300.00, Input SGST 6% 300.00.
    Stock In Hand Dr 5,000; Input taxes Dr 600; Creditors Cr 5,600.
    Stock: 20 Planks worth 5,000.00 (250.00 each). Cancelled: back to nothing.
"""

from decimal import Decimal as D

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


def test_a_bill_that_updates_stock_values_the_goods_at_their_cost(site):
    handle = stock_books(site)
    with handle.tx() as ctx:
        make_item(ctx, "PLANK", "Raw Material")
        make_party(ctx, "Supplier", "Pune Timber Co")
        bill = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Purchase Invoice", {
            "supplier": "Pune Timber Co", "company": CO, "posting_date": "2026-05-02",
            "update_stock": 1, "items": [{"item_code": "PLANK", "qty": 20, "rate": 250}],
            "taxes": [{"account_head": f"Input Tax {t} - PF", "rate": 6} for t in
                      ("CGST", "SGST")], "docstatus": 1}))
        assert gl_lines(ctx, bill.name) == [
            ("Creditors - PF", D("0.00"), D("5600.00")),
            ("Input Tax CGST - PF", D("300.00"), D("0.00")),
            ("Input Tax SGST - PF", D("300.00"), D("0.00")),
            ("Stock In Hand - PF", D("5000.00"), D("0.00"))]
        stock = query.select_rows(ctx, "Bin", fields=["actual_qty", "stock_value",
                                                      "valuation_rate"],
                                  filters={"item_code": "PLANK", "warehouse": STORES})[0]
        assert (stock["actual_qty"], stock["stock_value"], stock["valuation_rate"]) == (
            D("20"), D("5000.00"), D("250"))
        lifecycle.cancel(ctx, "Purchase Invoice", bill.name)
        stock = query.select_rows(ctx, "Bin", fields=["actual_qty", "stock_value"],
                                  filters={"item_code": "PLANK", "warehouse": STORES})[0]
        assert (stock["actual_qty"], stock["stock_value"]) == (D("0"), D("0"))
        assert account_balances(ctx, CO) == {}
        assert_books_in_step(ctx)
