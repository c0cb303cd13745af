"""Laptops sold by serial number, numbered LAP-0001, LAP-0002... as they arrive.

    Bill: 3 Laptops @ 50,000.00, no numbers given: LAP-0001..0003 created, Active in
          Stores, received with the bill; Stock In Hand Dr 150,000.00
    Sale: LAP-0001 and LAP-0003 @ 65,000.00: both Delivered with the invoice;
          Cost of Goods Sold Dr 100,000.00; LAP-0002 stays in Stores
    Refused: two numbers for one laptop, none at all, LAP-0001 again (delivered),
             LAP-9999 (never received)
    Transfer LAP-0002 to Finished Goods; a delivery note takes it from there
    Cancel the sale: LAP-0001 and LAP-0003 are back in Stores, Active
"""

import threading
from decimal import Decimal as D

import pytest

from core import lifecycle
from core.db import query
from core.errors import ValidationError
from modules.accounting.tests.builders import gl_lines
from modules.inventory.errors import SerialNoError
from modules.inventory.tests.builders import (
    CO,
    STORES,
    assert_books_in_step,
    make_item,
    make_party,
    stock_books,
)

FG = "Finished Goods - PF"


def serials(ctx):
    return {r["name"]: (r["status"], r["warehouse"]) for r in query.select_rows(
        ctx, "Serial No", fields=["name", "status", "warehouse"])}


def sell(ctx, qty, serial_no, date="2026-05-02"):
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Sales Invoice", {
        "customer": "Rao Traders", "company": CO, "posting_date": date, "update_stock": 1,
        "items": [{"item_code": "LAPTOP", "qty": qty, "rate": 65000,
                   "serial_no": serial_no}], "docstatus": 1}))


@pytest.fixture
def shop(site):
    handle = stock_books(site, ("sales",))
    with handle.tx() as ctx:
        make_item(ctx, "LAPTOP", has_serial_no=1, serial_no_series="LAP-.####")
        make_party(ctx, "Customer", "Rao Traders")
        make_party(ctx, "Supplier", "Pune Computers")
        bill = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Purchase Invoice", {
            "supplier": "Pune Computers", "company": CO, "posting_date": "2026-05-01",
            "update_stock": 1, "items": [{"item_code": "LAPTOP", "qty": 3, "rate": 50000}],
            "docstatus": 1}))
        assert bill.children("items")[0].serial_no == "LAP-0001\nLAP-0002\nLAP-0003"
        assert query.get_value(ctx, "Serial No", "LAP-0002", "purchase_document_no") \
            == bill.name
    return handle


def test_a_sale_delivers_its_serial_numbers_and_a_cancel_brings_them_back(shop):
    with shop.tx() as ctx:
        assert serials(ctx) == {f"LAP-000{i}": ("Active", STORES) for i in (1, 2, 3)}
        sale = sell(ctx, 2, "LAP-0001\nLAP-0003")
        assert gl_lines(ctx, sale.name) == [
            ("Cost of Goods Sold - PF", D("100000.00"), D("0.00")),
            ("Debtors - PF", D("130000.00"), D("0.00")),
            ("Sales - PF", D("0.00"), D("130000.00")),
            ("Stock In Hand - PF", D("0.00"), D("100000.00"))]
        assert serials(ctx) == {"LAP-0001": ("Delivered", None), "LAP-0002": ("Active", STORES),
                                "LAP-0003": ("Delivered", None)}
        assert query.get_value(ctx, "Serial No", "LAP-0003", "delivery_document_no") \
            == sale.name
        ledger = query.select_rows(ctx, "Stock Ledger Entry", fields=["serial_no"],
                                   filters={"voucher_no": sale.name})
        assert [r["serial_no"] for r in ledger] == ["LAP-0001\nLAP-0003"]
        assert_books_in_step(ctx)

        lifecycle.cancel(ctx, "Sales Invoice", sale.name)
        assert serials(ctx) == {f"LAP-000{i}": ("Active", STORES) for i in (1, 2, 3)}
        assert query.get_value(ctx, "Serial No", "LAP-0003", "delivery_document_no") is None
        assert_books_in_step(ctx)


@pytest.mark.parametrize(("qty", "given", "message"), [
    (1, "LAP-0001\nLAP-0002", "row 1: LAPTOP: 2 serial numbers for a quantity of 1"),
    (1, None, "row 1: LAPTOP needs its 1 serial numbers"),
    (2, "LAP-0002\nLAP-0002", "serial number LAP-0002 is listed twice"),
    (1, "LAP-9999", "LAP-9999 of LAPTOP is not in stock in Stores - PF .it was never"),
])
def test_serial_numbers_that_do_not_fit_are_refused(shop, qty, given, message):
    with pytest.raises(SerialNoError, match=message), shop.tx() as ctx:
        sell(ctx, qty, given)
    with shop.tx() as ctx:
        assert query.count(ctx, "Sales Invoice") == 0
        assert serials(ctx) == {f"LAP-000{i}": ("Active", STORES) for i in (1, 2, 3)}
        assert_books_in_step(ctx)


def test_a_delivered_serial_number_cannot_be_sold_again(shop):
    with shop.tx() as ctx:
        sell(ctx, 1, "LAP-0001")
    with pytest.raises(SerialNoError, match="LAP-0001 of LAPTOP is not in stock in Stores "
                                            "- PF .it is delivered"), shop.tx() as ctx:
        sell(ctx, 1, "LAP-0001", "2026-05-03")
    with shop.tx() as ctx:
        assert query.count(ctx, "Sales Invoice") == 1
        assert_books_in_step(ctx)


def test_a_transferred_serial_number_is_delivered_from_its_new_warehouse(shop):
    with shop.tx() as ctx:
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Stock Entry", {
            "stock_entry_type": "Material Transfer", "company": CO,
            "posting_date": "2026-05-02", "docstatus": 1,
            "items": [{"item_code": "LAPTOP", "qty": 1, "s_warehouse": STORES,
                       "t_warehouse": FG, "serial_no": "LAP-0002"}]}))
        assert serials(ctx)["LAP-0002"] == ("Active", FG)
        note = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Delivery Note", {
            "customer": "Rao Traders", "company": CO, "posting_date": "2026-05-03",
            "items": [{"item_code": "LAPTOP", "qty": 1, "rate": 65000, "warehouse": FG,
                       "serial_no": "LAP-0002"}], "docstatus": 1}))
        assert serials(ctx)["LAP-0002"] == ("Delivered", None)
        assert query.get_value(ctx, "Serial No", "LAP-0002", "delivery_document_type") \
            == "Delivery Note"
        assert gl_lines(ctx, note.name) == [
            ("Cost of Goods Sold - PF", D("50000.00"), D("0.00")),
            ("Stock In Hand - PF", D("0.00"), D("50000.00"))]
        assert_books_in_step(ctx)


def test_two_concurrent_sales_of_one_serial_number_one_succeeds(shop):
    barrier, results = threading.Barrier(2), []

    def sale():
        barrier.wait()
        try:
            with shop.tx() as ctx:
                sell(ctx, 1, "LAP-0002")
            results.append("sold")
        except SerialNoError:
            results.append("refused")

    threads = [threading.Thread(target=sale) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["refused", "sold"]
    with shop.tx() as ctx:
        assert serials(ctx)["LAP-0002"] == ("Delivered", None)
        assert query.get_value(ctx, "Bin", {"item_code": "LAPTOP"}, "actual_qty") == 2
        assert query.count(ctx, "Sales Invoice", {"docstatus": 1}) == 1
        assert_books_in_step(ctx)


def test_where_a_serial_number_is_comes_from_stock_movements_only(shop):
    with shop.client(headers=shop.auth) as api:
        made = api.post("/api/resource/Serial No", json={
            "serial_no": "LAP-HAND", "item_code": "LAPTOP", "warehouse": STORES,
            "status": "Active"})
        assert made.status_code == 200, made.text
        assert (made.json()["data"]["status"], made.json()["data"]["warehouse"]) == (
            "Inactive", None)
        moved = api.put("/api/resource/Serial No/LAP-0002", json={"warehouse": FG,
                                                                 "description": "Grey"})
        assert moved.status_code == 200, moved.text
    with shop.tx() as ctx:
        assert serials(ctx)["LAP-0002"] == ("Active", STORES)
        assert query.get_value(ctx, "Serial No", "LAP-0002", "description") == "Grey"
    with pytest.raises(ValidationError, match="has stock movements: has_serial_no"), \
            shop.tx() as ctx:
        item = lifecycle.get_doc(ctx, "Item", "LAPTOP")
        item.has_serial_no = 0
        lifecycle.save(ctx, item)
