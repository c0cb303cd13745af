"""Stock in a furniture workshop, valued FIFO and by moving average, worked by hand.

FIFO — Widget, Stores:
    1 Apr  receive 10 @ 100.00                  stock 10, value 1,000.00
    2 Apr  receive 10 @ 120.00                  stock 20, value 2,200.00
    3 Apr  issue 15: 10 @ 100 + 5 @ 120 = 1,600 stock  5, value   600.00
    4 Apr  move 3 to Finished Goods: 3 @ 120 = 360: Stores 2 (240), FG 3 (360)
    5 Apr  issue 6 from Stores: refused, only 2 there

Moving average — Bolt, Stores:
    receive 10 @ 10.00 = 100.00; receive 5 @ 13.00 = 65.00   15 @ 11.00 = 165.00
    issue 4 @ 11.00 = 44.00                                   11 @ 11.00 = 121.00
    receive 9 @ 12.50 = 112.50                                20, value 233.50 (11.675)
    issue 7 @ 11.675 = 81.725, booked 81.73                   13, value 151.77
    cancel that issue                                          20, value 233.50
"""

import datetime as dt
import threading
from decimal import Decimal as D

import pytest

from core import lifecycle
from core.db import query
from modules.accounting.tests.builders import (
    account_balances,
    gl_lines,
    make_company,
    make_fiscal_year,
)
from modules.inventory.errors import NegativeStock
from modules.inventory.reports.stock_balance import stock_balance
from modules.inventory.tests.builders import assert_books_in_step
from tests.conftest import make_tenant

CO = "Pune Furniture"
STORES, FG = "Stores - PF", "Finished Goods - PF"


@pytest.fixture
def shop(site):
    handle = make_tenant(site, modules=["inventory"])
    with handle.tx() as ctx:
        make_company(ctx)
        make_fiscal_year(ctx)
        for code, method in (("WIDGET", "FIFO"), ("BOLT", "Moving Average")):
            lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Item", {
                "item_code": code, "item_name": code.title(), "item_group": "Products",
                "valuation_method": method}))
    return handle


def entry(ctx, kind, date, item, qty, rate=None, source=None, target=None):
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Stock Entry", {
        "stock_entry_type": kind, "company": CO, "posting_date": date, "docstatus": 1,
        "items": [{"item_code": item, "qty": qty, "basic_rate": rate, "s_warehouse": source,
                   "t_warehouse": target}]})).name


def test_fifo_issues_take_the_oldest_cost_first(shop):
    with shop.tx() as ctx:
        assert query.get_value(ctx, "Company", CO, "default_warehouse") == STORES
        entry(ctx, "Material Receipt", "2026-04-01", "WIDGET", 10, "100", target=STORES)
        entry(ctx, "Material Receipt", "2026-04-02", "WIDGET", 10, "120", target=STORES)
        issue = entry(ctx, "Material Issue", "2026-04-03", "WIDGET", 15, source=STORES)
        assert gl_lines(ctx, issue) == [("Stock Adjustment - PF", D("1600.00"), D("0.00")),
                                        ("Stock In Hand - PF", D("0.00"), D("1600.00"))]
        move = entry(ctx, "Material Transfer", "2026-04-04", "WIDGET", 3, source=STORES,
                     target=FG)
        assert gl_lines(ctx, move) == []  # both warehouses keep stock in one account
        balance = stock_balance(ctx, CO, dt.date(2026, 4, 30))["rows"]
        assert [(r["warehouse"], r["qty"], r["value"]) for r in balance] == [
            (FG, D("3"), D("360.00")), (STORES, D("2"), D("240.00"))]
        assert account_balances(ctx, CO) == {"Stock In Hand - PF": D("600.00"),
                                             "Stock Adjustment - PF": D("-600.00")}
        assert_books_in_step(ctx)
    with pytest.raises(NegativeStock, match="only 2"), shop.tx() as ctx:
        entry(ctx, "Material Issue", "2026-04-05", "WIDGET", 6, source=STORES)


def test_moving_average_and_a_cancelled_issue_restore_the_value(shop):
    with shop.tx() as ctx:
        entry(ctx, "Material Receipt", "2026-04-01", "BOLT", 10, "10", target=STORES)
        entry(ctx, "Material Receipt", "2026-04-02", "BOLT", 5, "13", target=STORES)
        first = entry(ctx, "Material Issue", "2026-04-03", "BOLT", 4, source=STORES)
        assert gl_lines(ctx, first)[0] == ("Stock Adjustment - PF", D("44.00"), D("0.00"))
        entry(ctx, "Material Receipt", "2026-04-04", "BOLT", 9, "12.50", target=STORES)
        second = entry(ctx, "Material Issue", "2026-04-05", "BOLT", 7, source=STORES)
        assert gl_lines(ctx, second)[0] == ("Stock Adjustment - PF", D("81.73"), D("0.00"))
        bin_row = query.select_rows(ctx, "Bin", fields=["actual_qty", "stock_value"],
                                    filters={"item_code": "BOLT", "warehouse": STORES})[0]
        assert (bin_row["actual_qty"], bin_row["stock_value"]) == (D("13"), D("151.77"))
        ctx.now = dt.datetime(2026, 4, 6, 10, 0)
        lifecycle.cancel(ctx, "Stock Entry", second)
        bin_row = query.select_rows(ctx, "Bin", fields=["actual_qty", "stock_value"],
                                    filters={"item_code": "BOLT", "warehouse": STORES})[0]
        assert (bin_row["actual_qty"], bin_row["stock_value"]) == (D("20"), D("233.50"))
        assert account_balances(ctx, CO)["Stock In Hand - PF"] == D("233.50")
        assert_books_in_step(ctx)


def test_stock_ledger_entries_cannot_be_written_by_hand(shop):
    with shop.client(headers=shop.auth) as api:
        refused = api.post("/api/resource/Stock Ledger Entry", json={"item_code": "BOLT"})
        assert refused.status_code == 403


def test_two_concurrent_sales_of_the_last_unit_one_succeeds(site, shop):
    with shop.tx() as ctx:
        entry(ctx, "Material Receipt", "2026-04-01", "WIDGET", 1, "100", target=STORES)
    barrier, results = threading.Barrier(2), []

    def sell():
        barrier.wait()
        try:
            with shop.tx() as ctx:
                entry(ctx, "Material Issue", "2026-04-02", "WIDGET", 1, source=STORES)
            results.append("sold")
        except NegativeStock:
            results.append("refused")

    threads = [threading.Thread(target=sell) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["refused", "sold"]
    with shop.tx() as ctx:
        assert query.get_value(ctx, "Bin", {"item_code": "WIDGET"}, "actual_qty") == 0
        assert query.count(ctx, "Stock Ledger Entry", {"item_code": "WIDGET"}) == 2
        assert_books_in_step(ctx)
