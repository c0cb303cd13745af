"""Stock ageing, worked by hand. Teak is valued FIFO, Bolts at moving average.

    Teak, Stores                                   age on 31 Aug
    15 Apr  receive 10 @ 100.00                    138 days
    20 Jun  receive 10 @ 110.00                     72 days
    20 Jul  receive 10 @ 120.00                     42 days
     1 Aug  issue 15: the oldest go first: the 15 Apr 10 and 5 of the 20 Jun receipt
    21 Aug  receive  5 @ 130.00                     10 days
    25 Aug  receive  3 @ 140.00, cancelled on 26 Aug: it never counts

    On 31 Aug, 20 left:   0-30: 5 (650.00)  31-60: 10 (1,200.00)  61-90: 5 (550.00)
                          90+: none;  value 2,400.00;  average age (5x10 + 10x42 + 5x72)/20
                          = 41.50 days
    On 31 Jul, 30 held:   0-30: 10 (1,200.00)  31-60: 10 (1,100.00)  90+: 10 (1,000.00);
                          average age (10x11 + 10x41 + 10x107)/30 = 53.00 days

    Bolts: receive 10 @ 10.00 on 25 Jul and 10 @ 13.00 on 20 Aug (average 11.50), issue 5
    on 25 Aug: 15 left at 11.50. On 31 Aug: the 20 Aug 10 are 11 days old (115.00), the 5
    left of 25 Jul are 37 (57.50); average age (10x11 + 5x37)/15 = 19.67 days
"""

import datetime as dt
from decimal import Decimal as D

from core import lifecycle
from modules.inventory.reports.stock_ageing import stock_ageing
from modules.inventory.tests.builders import (
    CO,
    STORES,
    assert_books_in_step,
    make_item,
    receive,
    stock_books,
)


def issue(ctx, item, qty, date):
    lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Stock Entry", {
        "stock_entry_type": "Material Issue", "company": CO, "posting_date": date,
        "docstatus": 1, "items": [{"item_code": item, "qty": qty, "s_warehouse": STORES}]}))


def buckets(row):
    return [(row[f"range{i}_qty"], row[f"range{i}_value"]) for i in range(1, 5)]


def make_stock(site):
    handle = stock_books(site)
    with handle.tx() as ctx:
        make_item(ctx, "TEAK")
        make_item(ctx, "BOLT", valuation_method="Moving Average")
        for date, qty, rate in (("2026-04-15", 10, 100), ("2026-06-20", 10, 110),
                                ("2026-07-20", 10, 120)):
            receive(ctx, "TEAK", qty, rate, date)
        issue(ctx, "TEAK", 15, "2026-08-01")
        receive(ctx, "TEAK", 5, 130, "2026-08-21")
        late = receive(ctx, "TEAK", 3, 140, "2026-08-25")
        ctx.now = dt.datetime(2026, 8, 26, 10, 0)
        lifecycle.cancel(ctx, "Stock Entry", late)
        receive(ctx, "BOLT", 10, 10, "2026-07-25")
        receive(ctx, "BOLT", 10, 13, "2026-08-20")
        issue(ctx, "BOLT", 5, "2026-08-25")
    return handle


def test_stock_is_aged_from_the_receipts_fifo_leaves_in_stock(site):
    handle = make_stock(site)
    with handle.tx() as ctx:
        bolt, teak = stock_ageing(ctx, CO, dt.date(2026, 8, 31))["rows"]
        assert (teak["item_code"], teak["warehouse"]) == ("TEAK", STORES)
        assert buckets(teak) == [(D("5"), D("650.00")), (D("10"), D("1200.00")),
                                 (D("5"), D("550.00")), (D("0"), D("0.00"))]
        assert (teak["qty"], teak["value"], teak["average_age"]) == (
            D("20"), D("2400.00"), D("41.50"))
        assert buckets(bolt) == [(D("10"), D("115.00")), (D("5"), D("57.50")),
                                 (D("0"), D("0.00")), (D("0"), D("0.00"))]
        assert (bolt["qty"], bolt["value"], bolt["average_age"]) == (
            D("15"), D("172.50"), D("19.67"))

        (earlier,) = stock_ageing(ctx, CO, dt.date(2026, 7, 31), item_code="TEAK")["rows"]
        assert buckets(earlier) == [(D("10"), D("1200.00")), (D("10"), D("1100.00")),
                                    (D("0"), D("0.00")), (D("10"), D("1000.00"))]
        assert (earlier["qty"], earlier["average_age"]) == (D("30"), D("53.00"))
        assert_books_in_step(ctx)


def test_age_ranges_can_be_chosen_through_the_api(site):
    """Ranges 15, 45, 75: on 31 Aug Teak's layers of 10, 42 and 72 days fall one in each
    of the first three."""
    handle = make_stock(site)
    params = {"company": CO, "to_date": "2026-08-31", "item_code": "TEAK",
              "range1": 15, "range2": 45, "range3": 75}
    with handle.client(headers=handle.auth) as api:
        result = api.get("/api/method/inventory.stock_ageing", params=params).json()["message"]
        assert result["ranges"] == ["0-15", "16-45", "46-75", "75+"]
        assert [(r["range1_qty"], r["range2_qty"], r["range3_qty"], r["range4_qty"])
                for r in result["rows"]] == [(5.0, 10.0, 5.0, 0.0)]
        refused = api.get("/api/method/inventory.stock_ageing",
                          params=params | {"range2": 10})
        assert refused.status_code == 422
        assert "range2" in refused.json()["message"]
        page = api.get("/api/report/inventory.stock_ageing",
                       params={"company": CO, "to_date": "2026-08-31"})
        assert page.status_code == 200
