"""Credit notes take back what their invoice billed on orders and delivery notes.

    Billed straight from an order with stock: order 4 Chairs @ 2,500, invoice all 4 with
    Update Stock (delivered and billed 100%). A credit note of 1 Chair that brings it
    back: the order is 75% delivered and billed again, To Deliver and Bill, and 1 Chair
    is reserved for it once more.
    Billed from a delivery note: order 2 Tables, deliver 2, invoice 2; a credit note of
    1 Table (no goods back): the delivery note and the order are 50% billed, To Bill.
    Crediting 2 more is refused (1 billed); goods delivered by a delivery note do not
    come back on a credit note.
"""

from decimal import Decimal as D

import pytest

from core import lifecycle
from core.db import query
from core.errors import ValidationError
from modules.accounting.tests.builders import assert_ledger_balanced, assert_subledger_consistent
from modules.inventory.tests.builders import (
    CO,
    assert_books_in_step,
    make_item,
    make_party,
    receive,
    stock_books,
)
from modules.sales.invoicing import make_sales_invoice
from modules.sales.ordering import make_delivery_note


def insert(ctx, doctype, values):
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, doctype, {
        k: v for k, v in values.items() if k != "doctype"}))


def state(ctx, doctype, name, *fields):
    row = query.select_rows(ctx, doctype, fields=list(fields), filters={"name": name})[0]
    return tuple(row[f] for f in fields)


def reserved(ctx, item):
    return query.get_value(ctx, "Bin", {"item_code": item}, "reserved_qty")


def order(ctx, item, qty):
    return insert(ctx, "Sales Order", {
        "customer": "Rao Traders", "company": CO, "transaction_date": "2026-05-02",
        "docstatus": 1, "items": [{"item_code": item, "qty": qty, "rate": 2500}]}).name


def credit(ctx, invoice, item, qty, **extra):
    return insert(ctx, "Sales Invoice", {
        "customer": "Rao Traders", "company": CO, "posting_date": "2026-05-06",
        "is_return": 1, "return_against": invoice, "docstatus": 1,
        "items": [{"item_code": item, "qty": -qty, "rate": 2500}], **extra})


@pytest.fixture
def books(site):
    handle = stock_books(site, ("sales",))
    with handle.tx() as ctx:
        for item in ("CHAIR", "TABLE"):
            make_item(ctx, item)
            receive(ctx, item, 10, 1000)
        make_party(ctx, "Customer", "Rao Traders")
    return handle


def test_a_credit_note_bringing_goods_back_reopens_the_order(books):
    with books.tx() as ctx:
        chairs = order(ctx, "CHAIR", 4)
        bill = insert(ctx, "Sales Invoice", make_sales_invoice(
            ctx, chairs, source_doctype="Sales Order") | {
            "posting_date": "2026-05-03", "update_stock": 1, "docstatus": 1})
        assert state(ctx, "Sales Order", chairs, "per_delivered", "per_billed",
                     "status") == (D("100"), D("100"), "Completed")
        assert reserved(ctx, "CHAIR") == D("0")

        back = credit(ctx, bill.name, "CHAIR", 1, update_stock=1)
        assert [(r.so_detail is not None, r.sales_order)
                for r in back.children("items")] == [(True, chairs)]
        assert state(ctx, "Sales Order", chairs, "per_delivered", "per_billed",
                     "status") == (D("75"), D("75"), "To Deliver and Bill")
        assert query.select_rows(ctx, "Sales Order Item", fields=[
            "delivered_qty", "billed_qty", "billed_amt"], filters={"parent": chairs}) == [
            {"delivered_qty": D("3"), "billed_qty": D("3"), "billed_amt": D("7500.00")}]
        assert reserved(ctx, "CHAIR") == D("1")

        lifecycle.cancel(ctx, "Sales Invoice", back.name)
        assert state(ctx, "Sales Order", chairs, "per_delivered", "per_billed",
                     "status") == (D("100"), D("100"), "Completed")
        assert reserved(ctx, "CHAIR") == D("0")
        assert_books_in_step(ctx)
        assert_ledger_balanced(ctx, CO)
        assert_subledger_consistent(ctx)


def test_a_credit_note_on_a_delivered_bill_makes_the_delivery_to_bill_again(books):
    with books.tx() as ctx:
        tables = order(ctx, "TABLE", 2)
        note = insert(ctx, "Delivery Note", make_delivery_note(ctx, tables) | {
            "posting_date": "2026-05-03", "docstatus": 1}).name
        bill = insert(ctx, "Sales Invoice", make_sales_invoice(ctx, note) | {
            "posting_date": "2026-05-04", "docstatus": 1})
        assert state(ctx, "Delivery Note", note, "per_billed", "status") == (
            D("100"), "Completed")

        credit(ctx, bill.name, "TABLE", 1)
        assert state(ctx, "Delivery Note", note, "per_billed", "status") == (
            D("50"), "To Bill")
        assert state(ctx, "Sales Order", tables, "per_delivered", "per_billed",
                     "status") == (D("100"), D("50"), "To Bill")

    with books.tx() as ctx, pytest.raises(ValidationError, match="more than the 1 billed"):
        credit(ctx, bill.name, "TABLE", 2)
    with books.tx() as ctx, pytest.raises(ValidationError, match="turn off Update Stock"):
        credit(ctx, bill.name, "TABLE", 1, update_stock=1)
    with books.tx() as ctx:
        assert state(ctx, "Delivery Note", note, "per_billed") == (D("50"),)
        assert_books_in_step(ctx)
