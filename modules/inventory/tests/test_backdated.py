"""A back-dated receipt revalues the issues after it (FIFO), by appended entries only.

    1 May   receive 10 @ 100.00
    10 May  issue 8: 8 @ 100 = 800.00 (Stock Adjustment Dr 800)
    then, entered late, 20 Apr: receive 5 @ 60.00
    Now FIFO says the 10 May issue took 5 @ 60 + 3 @ 100 = 600.00, 200.00 less:
    a revaluation row +200.00 on the issue, and Stock In Hand Dr 200 / Stock Adjustment
    Cr 200 on the issue's voucher. Left: 7 @ 100 = 700.00 (300 + 1,000 - 600).
"""

import datetime as dt
from decimal import Decimal as D

from core import lifecycle
from core.db import query
from modules.accounting.tests.builders import account_balances
from modules.inventory.reports.stock_balance import stock_balance
from modules.inventory.repost import repost_item
from modules.inventory.tests.builders import (
    CO,
    STORES,
    assert_books_in_step,
    make_item,
    receive,
    stock_books,
)


def test_a_back_dated_receipt_revalues_later_issues(site):
    handle = stock_books(site)
    with handle.tx() as ctx:
        make_item(ctx, "OAK")
        receive(ctx, "OAK", 10, 100, date="2026-05-01")
        issue = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Stock Entry", {
            "stock_entry_type": "Material Issue", "company": CO, "posting_date": "2026-05-10",
            "items": [{"item_code": "OAK", "qty": 8, "s_warehouse": STORES}],
            "docstatus": 1})).name
        assert account_balances(ctx, CO)["Stock Adjustment - PF"] == D("-200.00")
    with handle.tx() as ctx:
        receive(ctx, "OAK", 5, 60, date="2026-04-20")
    with handle.tx() as ctx:  # the revaluation ran after that commit (inline jobs)
        adjustments = query.select_rows(ctx, "Stock Ledger Entry", fields=[
            "voucher_no", "actual_qty", "stock_value_difference", "posting_date"],
            filters={"is_adjustment": 1})
        assert adjustments == [{"voucher_no": issue, "actual_qty": D("0"),
                                "stock_value_difference": D("200.00"),
                                "posting_date": dt.date(2026, 5, 10)}]
        balances = account_balances(ctx, CO)
        assert balances["Stock In Hand - PF"] == D("700.00")
        assert balances["Stock Adjustment - PF"] == D("-700.00")
        assert_books_in_step(ctx)
        rows = stock_balance(ctx, CO, dt.date(2026, 5, 31))["rows"]
        assert [(r["qty"], r["value"]) for r in rows] == [(D("7"), D("700.00"))]
        stock = query.select_rows(ctx, "Bin", fields=["actual_qty", "stock_value"],
                                  filters={"item_code": "OAK"})[0]
        assert (stock["actual_qty"], stock["stock_value"]) == (D("7"), D("700.00"))
        assert repost_item(ctx, "OAK", STORES, CO) == 0  # nothing left to do
        on_april_30 = stock_balance(ctx, CO, dt.date(2026, 4, 30))["rows"]
        assert [(r["qty"], r["value"]) for r in on_april_30] == [(D("5"), D("300.00"))]


def test_the_bin_keeps_the_latest_posting_date_and_one_without_it_asks_the_ledger(site):
    """A voucher learns it is back-dated from the Bin; a Bin that has not recorded the
    date (kept by an earlier version) is looked up in the ledger, then records it."""
    handle = stock_books(site)
    with handle.tx() as ctx:
        make_item(ctx, "ASH")
        receive(ctx, "ASH", 10, 100, date="2026-05-01")
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Stock Entry", {
            "stock_entry_type": "Material Issue", "company": CO, "posting_date": "2026-05-10",
            "items": [{"item_code": "ASH", "qty": 8, "s_warehouse": STORES}],
            "docstatus": 1}))
        stock = query.select_rows(ctx, "Bin", filters={"item_code": "ASH"})[0]
        assert stock["latest_posting_date"] == dt.date(2026, 5, 10)
        query.update_rows(ctx, "Bin", [{"name": stock["name"],
                                        "latest_posting_date": None}])
    with handle.tx() as ctx:
        receive(ctx, "ASH", 5, 60, date="2026-04-20")  # back-dated, found in the ledger
    with handle.tx() as ctx:
        adjustments = query.select_rows(ctx, "Stock Ledger Entry", fields=[
            "stock_value_difference"], filters={"item_code": "ASH", "is_adjustment": 1})
        assert adjustments == [{"stock_value_difference": D("200.00")}]
        stock = query.select_rows(ctx, "Bin", filters={"item_code": "ASH"})[0]
        assert stock["latest_posting_date"] == dt.date(2026, 5, 10)
        assert (stock["actual_qty"], stock["stock_value"]) == (D("7"), D("700.00"))
