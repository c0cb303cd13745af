"""A debit note raises the price of what an invoice billed; it bills no order line again.

    Order 4 Chairs @ 2,500 = 10,000, invoiced in full from the order with Update Stock:
    billed 4 (10,000.00), delivered 4, Completed. A debit note of 4 Chairs @ 100 = 400
    (the price became 2,600) leaves the order line at billed 4, 10,000.00, and takes no
    chair out of stock (Bin: 10 received - 4 sold = 6).
    A debit note whose line names the order line, or that updates stock, is refused.
"""

from decimal import Decimal as D

import pytest

from core import lifecycle
from core.db import query
from core.errors import ValidationError
from modules.accounting.tests.builders import (
    assert_ledger_balanced,
    assert_subledger_consistent,
    gl_lines,
)
from modules.inventory.tests.builders import (
    CO,
    assert_books_in_step,
    make_item,
    make_party,
    receive,
    stock_books,
)
from modules.sales.invoicing import make_sales_invoice


def insert(ctx, doctype, values):
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, doctype, values))


def order_line(ctx, order):
    return query.select_rows(ctx, "Sales Order Item", fields=[
        "delivered_qty", "billed_qty", "billed_amt"], filters={"parent": order})


def on_hand(ctx):
    return query.get_value(ctx, "Bin", {"item_code": "CHAIR"}, "actual_qty")


def debit_note(ctx, invoice, **line):
    return insert(ctx, "Sales Invoice", {
        "customer": "Rao Traders", "company": CO, "posting_date": "2026-05-06",
        "is_debit_note": 1, "return_against": invoice, "docstatus": 1,
        "items": [{"item_code": "CHAIR", "qty": 4, "rate": 100} | line]})


@pytest.fixture
def billed(site):
    """The order and its invoice: (handle, order name, invoice document)."""
    handle = stock_books(site, ("sales",))
    with handle.tx() as ctx:
        make_item(ctx, "CHAIR")
        receive(ctx, "CHAIR", 10, 1000)
        make_party(ctx, "Customer", "Rao Traders")
        order = insert(ctx, "Sales Order", {
            "customer": "Rao Traders", "company": CO, "transaction_date": "2026-05-02",
            "docstatus": 1, "items": [{"item_code": "CHAIR", "qty": 4, "rate": 2500}]}).name
        bill = insert(ctx, "Sales Invoice", make_sales_invoice(
            ctx, order, source_doctype="Sales Order") | {
            "posting_date": "2026-05-03", "update_stock": 1, "docstatus": 1})
    return handle, order, bill


def test_a_debit_note_leaves_the_order_billed_once(billed):
    handle, order, bill = billed
    with handle.tx() as ctx:
        assert order_line(ctx, order) == [
            {"delivered_qty": D("4"), "billed_qty": D("4"), "billed_amt": D("10000.00")}]
        note = debit_note(ctx, bill.name)
        assert gl_lines(ctx, note.name) == [("Debtors - PF", D("400.00"), D("0.00")),
                                            ("Sales - PF", D("0.00"), D("400.00"))]
        assert order_line(ctx, order) == [
            {"delivered_qty": D("4"), "billed_qty": D("4"), "billed_amt": D("10000.00")}]
        assert on_hand(ctx) == D("6")
        lifecycle.cancel(ctx, "Sales Invoice", note.name)
        assert order_line(ctx, order) == [
            {"delivered_qty": D("4"), "billed_qty": D("4"), "billed_amt": D("10000.00")}]
        assert_books_in_step(ctx)
        assert_ledger_balanced(ctx, CO)
        assert_subledger_consistent(ctx)


def test_a_debit_note_billing_order_lines_or_moving_stock_is_refused(billed):
    handle, order, bill = billed
    so_detail = bill.children("items")[0].so_detail
    with handle.tx() as ctx, pytest.raises(ValidationError,
                                           match="does not bill sales order") as error:
        debit_note(ctx, bill.name, sales_order=order, so_detail=so_detail)
    assert error.value.field == "items"
    with handle.tx() as ctx, pytest.raises(ValidationError,
                                           match="turn off Update Stock") as error:
        insert(ctx, "Sales Invoice", {
            "customer": "Rao Traders", "company": CO, "posting_date": "2026-05-06",
            "is_debit_note": 1, "return_against": bill.name, "update_stock": 1,
            "items": [{"item_code": "CHAIR", "qty": 4, "rate": 100}]})
    assert error.value.field == "update_stock"
    with handle.tx() as ctx:
        assert order_line(ctx, order) == [
            {"delivered_qty": D("4"), "billed_qty": D("4"), "billed_amt": D("10000.00")}]
        assert on_hand(ctx) == D("6")
        assert query.select_rows(ctx, "Sales Invoice", fields=["name"]) == [
            {"name": bill.name}]
