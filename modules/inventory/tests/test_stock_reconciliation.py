"""Opening stock and a physical count, set through Stock Reconciliation.

    Opening: 50 Planks @ 80.00 = 4,000.00 against Temporary Opening.
    Issue 12 (FIFO @ 80) = 960.00: 38 left, 3,040.00.
    Count finds 35 and the rate is revised to 82.00: 35 @ 82 = 2,870.00;
    the change of -170.00 goes to Stock Adjustment.
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
    stock_books,
)


def test_opening_stock_and_a_count_set_quantity_and_value(site):
    handle = stock_books(site)
    with handle.tx() as ctx:
        make_item(ctx, "PLANK", "Raw Material")
        opening = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Stock Reconciliation", {
            "purpose": "Opening Stock", "company": CO, "posting_date": "2026-04-01",
            "items": [{"item_code": "PLANK", "warehouse": STORES, "qty": 50,
                       "valuation_rate": 80}], "docstatus": 1}))
        assert gl_lines(ctx, opening.name) == [
            ("Stock In Hand - PF", D("4000.00"), D("0.00")),
            ("Temporary Opening - PF", D("0.00"), D("4000.00"))]
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Stock Entry", {
            "stock_entry_type": "Material Issue", "company": CO, "posting_date": "2026-04-10",
            "items": [{"item_code": "PLANK", "qty": 12, "s_warehouse": STORES}],
            "docstatus": 1}))
        count = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Stock Reconciliation", {
            "company": CO, "posting_date": "2026-04-30",
            "items": [{"item_code": "PLANK", "warehouse": STORES, "qty": 35,
                       "valuation_rate": 82}], "docstatus": 1}))
        row = count.children("items")[0]
        assert (row.current_qty, row.current_valuation_rate) == (D("38"), D("80"))
        assert gl_lines(ctx, count.name) == [
            ("Stock Adjustment - PF", D("170.00"), D("0.00")),
            ("Stock In Hand - PF", D("0.00"), D("170.00"))]
        stock = query.select_rows(ctx, "Bin", fields=["actual_qty", "stock_value"],
                                  filters={"item_code": "PLANK"})[0]
        assert (stock["actual_qty"], stock["stock_value"]) == (D("35"), D("2870.00"))
        assert account_balances(ctx, CO)["Stock In Hand - PF"] == D("2870.00")
        assert_books_in_step(ctx)
