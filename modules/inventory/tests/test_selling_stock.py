"""A sales invoice that updates stock, and its credit note.

    Stock: 10 Chairs received @ 1,500.00 (FIFO).
    Invoice: 4 Chairs @ 2,500.00 = 10,000.00, update stock:
        Debtors Dr 10,000 / Sales Cr 10,000; COGS Dr 6,000 / Stock In Hand Cr 6,000
    Credit note: 1 Chair back = -2,500.00, returns at its cost 1,500.00:
        Stock In Hand Dr 1,500 / COGS Cr 1,500; stock 7 Chairs worth 10,500.00
"""

from decimal import Decimal as D

from core import lifecycle
from core.db import query
from modules.accounting.tests.builders import gl_lines
from modules.inventory.tests.builders import (
    CO,
    STORES,
    assert_books_in_step,
    make_item,
    make_party,
    receive,
    stock_books,
)


def test_an_invoice_that_updates_stock_books_its_cost_and_a_return_brings_it_back(site):
    handle = stock_books(site)
    with handle.tx() as ctx:
        make_item(ctx, "CHAIR")
        make_party(ctx, "Customer", "Rao Traders")
        receive(ctx, "CHAIR", 10, 1500)
        sale = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Sales Invoice", {
            "customer": "Rao Traders", "company": CO, "posting_date": "2026-05-02",
            "update_stock": 1, "items": [{"item_code": "CHAIR", "qty": 4, "rate": 2500}],
            "docstatus": 1}))
        assert gl_lines(ctx, sale.name) == [
            ("Cost of Goods Sold - PF", D("6000.00"), D("0.00")),
            ("Debtors - PF", D("10000.00"), D("0.00")),
            ("Sales - PF", D("0.00"), D("10000.00")),
            ("Stock In Hand - PF", D("0.00"), D("6000.00"))]
        note = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Sales Invoice", {
            "customer": "Rao Traders", "company": CO, "posting_date": "2026-05-03",
            "update_stock": 1, "is_return": 1, "return_against": sale.name,
            "items": [{"item_code": "CHAIR", "qty": -1, "rate": 2500}], "docstatus": 1}))
        assert gl_lines(ctx, note.name) == [
            ("Cost of Goods Sold - PF", D("0.00"), D("1500.00")),
            ("Debtors - PF", D("0.00"), D("2500.00")),
            ("Sales - PF", D("2500.00"), D("0.00")),
            ("Stock In Hand - PF", D("1500.00"), D("0.00"))]
        stock = query.select_rows(ctx, "Bin", fields=["actual_qty", "stock_value"],
                                  filters={"item_code": "CHAIR", "warehouse": STORES})[0]
        assert (stock["actual_qty"], stock["stock_value"]) == (D("7"), D("10500.00"))
        assert_books_in_step(ctx)

        lifecycle.cancel(ctx, "Sales Invoice", note.name)
        lifecycle.cancel(ctx, "Sales Invoice", sale.name)
        stock = query.select_rows(ctx, "Bin", fields=["actual_qty", "stock_value"],
                                  filters={"item_code": "CHAIR", "warehouse": STORES})[0]
        assert (stock["actual_qty"], stock["stock_value"]) == (D("10"), D("15000.00"))
        assert_books_in_step(ctx)


def test_lines_without_a_rate_take_the_price_list_rate_valid_on_the_date(site):
    """Chair: 2,400 from 1 Apr, 2,600 from 1 Jun. An invoice of 10 May takes 2,400."""
    handle = stock_books(site)
    with handle.tx() as ctx:
        make_item(ctx, "CHAIR", is_stock_item=0)
        make_party(ctx, "Customer", "Rao Traders")
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Price List", {
            "price_list_name": "Standard Selling", "selling": 1}))
        for date, rate in (("2026-04-01", 2400), ("2026-06-01", 2600)):
            lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Item Price", {
                "item_code": "CHAIR", "price_list": "Standard Selling",
                "price_list_rate": rate, "valid_from": date}))
        invoice = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Sales Invoice", {
            "customer": "Rao Traders", "company": CO, "posting_date": "2026-05-10",
            "selling_price_list": "Standard Selling",
            "items": [{"item_code": "CHAIR", "qty": 2}]}))
        assert invoice.children("items")[0].rate == D("2400")
        assert invoice.grand_total == D("4800.00")
