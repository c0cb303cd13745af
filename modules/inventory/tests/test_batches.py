"""Cough syrup kept in batches, numbered SYR-001, SYR-002... as it is received.

    1 May  receive 10 @ 40.00 without a batch: batch SYR-001 is created
    2 May  receive  5 @ 44.00: batch SYR-002
    3 May  issue 4 from SYR-002; the item is valued FIFO as a whole, so the cost is
           4 @ 40.00 = 160.00                       SYR-001: 10, SYR-002: 1
           issuing 2 more from SYR-002 is refused: only 1 in the batch
    SYR-001 expires on 10 May: a sale on 11 May is refused; a stock entry writing it off
    on 12 May takes 10 out: 6 @ 40.00 + 4 @ 44.00 = 416.00      left SYR-002: 1 (44.00)
"""

import datetime as dt
from decimal import Decimal as D

import pytest

from core import lifecycle
from core.db import query
from modules.accounting.tests.builders import gl_lines
from modules.inventory.errors import BatchError
from modules.inventory.reports.batch_qty import batch_qty
from modules.inventory.tests.builders import (
    CO,
    STORES,
    assert_books_in_step,
    make_item,
    make_party,
    stock_books,
)


def entry(ctx, kind, date, qty, rate=None, batch=None):
    place = {"t_warehouse": STORES} if kind == "Material Receipt" else {"s_warehouse": STORES}
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Stock Entry", {
        "stock_entry_type": kind, "company": CO, "posting_date": date, "docstatus": 1,
        "items": [{"item_code": "SYRUP", "qty": qty, "basic_rate": rate, "batch_no": batch,
                   **place}]}))


def balances(ctx):
    return [(r["batch_no"], r["qty"]) for r in batch_qty(ctx, CO, "SYRUP")["rows"]]


@pytest.fixture
def pharmacy(site):
    handle = stock_books(site)
    with handle.tx() as ctx:
        make_item(ctx, "SYRUP", has_batch_no=1, create_new_batch=1,
                  batch_number_series="SYR-.###")
        make_party(ctx, "Customer", "Rao Chemists")
        first = entry(ctx, "Material Receipt", "2026-05-01", 10, 40)
        entry(ctx, "Material Receipt", "2026-05-02", 5, 44)
        assert first.children("items")[0].batch_no == "SYR-001"
        assert query.get_value(ctx, "Batch", "SYR-001", "manufacturing_date").isoformat() \
            == "2026-05-01"
    return handle


def test_receipts_create_batches_and_an_issue_takes_from_one(pharmacy):
    with pharmacy.tx() as ctx:
        issue = entry(ctx, "Material Issue", "2026-05-03", 4, batch="SYR-002")
        assert gl_lines(ctx, issue.name) == [("Stock Adjustment - PF", D("160.00"), D("0.00")),
                                             ("Stock In Hand - PF", D("0.00"), D("160.00"))]
        assert balances(ctx) == [("SYR-001", D("10")), ("SYR-002", D("1"))]
        ledger = query.select_rows(ctx, "Stock Ledger Entry", fields=["batch_no"],
                                   filters={"voucher_no": issue.name})
        assert [r["batch_no"] for r in ledger] == ["SYR-002"]
        assert_books_in_step(ctx)
    with pytest.raises(BatchError, match="SYR-002 of SYRUP in Stores - PF: 2 needed, only 1"), \
            pharmacy.tx() as ctx:
        entry(ctx, "Material Issue", "2026-05-04", 2, batch="SYR-002")
    with pharmacy.tx() as ctx:
        assert query.count(ctx, "Stock Entry") == 3
        lifecycle.cancel(ctx, "Stock Entry", issue.name)
        assert balances(ctx) == [("SYR-001", D("10")), ("SYR-002", D("5"))]
        assert_books_in_step(ctx)


def test_an_outgoing_line_names_its_batch(pharmacy):
    with pytest.raises(BatchError, match="row 1: SYRUP is kept in batches: choose the batch"), \
            pharmacy.tx() as ctx:
        entry(ctx, "Material Issue", "2026-05-03", 1)
    with pytest.raises(BatchError, match="SYR-404 is not a batch of SYRUP"), \
            pharmacy.tx() as ctx:
        make_item(ctx, "LOZENGE", has_batch_no=1)
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Batch", {"batch_id": "SYR-404",
                                                                "item": "LOZENGE"}))
        entry(ctx, "Material Issue", "2026-05-03", 1, batch="SYR-404")
    with pharmacy.tx() as ctx:
        assert query.count(ctx, "Stock Entry") == 2
        assert_books_in_step(ctx)


def test_an_expired_batch_is_not_sold_but_can_be_written_off(pharmacy):
    with pharmacy.tx() as ctx:
        batch = lifecycle.get_doc(ctx, "Batch", "SYR-001")
        batch.expiry_date = dt.date(2026, 5, 10)
        lifecycle.save(ctx, batch)
    with pytest.raises(BatchError, match="SYR-001 of SYRUP expired on 2026-05-10"), \
            pharmacy.tx() as ctx:
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Sales Invoice", {
            "customer": "Rao Chemists", "company": CO, "posting_date": "2026-05-11",
            "update_stock": 1, "docstatus": 1,
            "items": [{"item_code": "SYRUP", "qty": 2, "rate": 90, "batch_no": "SYR-001"}]}))
    with pharmacy.tx() as ctx:
        assert query.count(ctx, "Sales Invoice") == 0
        write_off = entry(ctx, "Material Issue", "2026-05-12", 10, batch="SYR-001")
        assert write_off.total_amount == D("400.00")
        assert balances(ctx) == [("SYR-002", D("5"))]
        assert_books_in_step(ctx)


def test_batch_balance_through_the_api(pharmacy):
    with pharmacy.client(headers=pharmacy.auth) as api:
        rows = api.get("/api/method/inventory.batch_qty",
                       params={"company": CO}).json()["message"]["rows"]
        assert [(r["batch_no"], r["warehouse"], r["qty"]) for r in rows] == [
            ("SYR-001", STORES, 10.0), ("SYR-002", STORES, 5.0)]
        page = api.get("/api/report/inventory.batch_qty", params={"company": CO})
        assert page.status_code == 200
