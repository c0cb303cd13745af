"""Counting items kept in batches or by serial number.

    Syrup, FIFO as a whole: SYR-001 holds 10 (received @ 40.00), SYR-002 holds 5 (@ 44.00).
    The count finds 3 in SYR-002, valued at 44.00: its 5 go out at FIFO cost (5 @ 40.00
    = 200.00) and 3 come back at 44.00 = 132.00; Stock Adjustment Dr 68.00.
    SYR-001: 10, SYR-002: 3; 13 in Stores worth 620.00 - 68.00 = 552.00.

    Laptops LAP-0001..0003 in Stores @ 50,000.00. The count finds LAP-0001, LAP-0003 and
    LAP-0009 (a unit never booked in): LAP-0002 leaves the books (out by the count, as
    an issue takes a unit out), LAP-0009 is in stock, and the stock is 3 at 50,000.00.
"""

from decimal import Decimal as D

import pytest

from core import lifecycle
from core.db import query
from modules.accounting.tests.builders import gl_lines
from modules.inventory.errors import BatchError, SerialNoError
from modules.inventory.reports.batch_qty import batch_qty
from modules.inventory.tests.builders import (
    CO,
    STORES,
    assert_books_in_step,
    make_item,
    receive,
    stock_books,
)


def count(ctx, *rows):
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Stock Reconciliation", {
        "company": CO, "posting_date": "2026-05-10", "docstatus": 1,
        "items": [{"warehouse": STORES, **row} for row in rows]}))


def stock(ctx, item):
    row = query.select_rows(ctx, "Bin", fields=["actual_qty", "stock_value"],
                            filters={"item_code": item, "warehouse": STORES})[0]
    return row["actual_qty"], row["stock_value"]


def test_a_batch_is_counted_on_its_own_line(site):
    handle = stock_books(site)
    with handle.tx() as ctx:
        make_item(ctx, "SYRUP", has_batch_no=1, create_new_batch=1,
                  batch_number_series="SYR-.###")
        receive(ctx, "SYRUP", 10, 40, date="2026-05-01")
        receive(ctx, "SYRUP", 5, 44, date="2026-05-02")
        counted = count(ctx, {"item_code": "SYRUP", "batch_no": "SYR-002", "qty": 3,
                              "valuation_rate": 44})
        assert counted.children("items")[0].current_qty == D("5")
        assert gl_lines(ctx, counted.name) == [
            ("Stock Adjustment - PF", D("68.00"), D("0.00")),
            ("Stock In Hand - PF", D("0.00"), D("68.00"))]
        assert [(r["batch_no"], r["qty"]) for r in batch_qty(ctx, CO, "SYRUP")["rows"]] \
            == [("SYR-001", D("10")), ("SYR-002", D("3"))]
        assert stock(ctx, "SYRUP") == (D("13"), D("552.00"))
        assert_books_in_step(ctx)
    with handle.tx() as ctx, pytest.raises(BatchError, match="count it a batch a line"):
        count(ctx, {"item_code": "SYRUP", "qty": 13, "valuation_rate": 44})


def test_serial_numbers_are_counted_by_the_numbers_found(site):
    handle = stock_books(site)
    with handle.tx() as ctx:
        make_item(ctx, "LAPTOP", has_serial_no=1, serial_no_series="LAP-.####")
        receive(ctx, "LAPTOP", 3, 50000, date="2026-05-01")
        counted = count(ctx, {"item_code": "LAPTOP", "qty": 3,
                              "serial_no": "LAP-0001\nLAP-0003\nLAP-0009"})
        assert counted.children("items")[0].current_serial_no == \
            "LAP-0001\nLAP-0002\nLAP-0003"
        units = {r["name"]: (r["status"], r["warehouse"], r["delivery_document_no"])
                 for r in query.select_rows(ctx, "Serial No", fields=[
                     "name", "status", "warehouse", "delivery_document_no"])}
        assert units == {"LAP-0001": ("Active", STORES, None),
                         "LAP-0002": ("Delivered", None, counted.name),
                         "LAP-0003": ("Active", STORES, None),
                         "LAP-0009": ("Active", STORES, None)}
        assert stock(ctx, "LAPTOP") == (D("3"), D("150000.00"))
        assert gl_lines(ctx, counted.name) == []
        assert_books_in_step(ctx)
    with handle.tx() as ctx, pytest.raises(SerialNoError, match="2 different serial"):
        count(ctx, {"item_code": "LAPTOP", "qty": 3, "serial_no": "LAP-0001\nLAP-0001"})
    with handle.tx() as ctx:
        assert query.count(ctx, "Stock Reconciliation") == 1
