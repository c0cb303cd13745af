"""Quote, order, deliver part, bill the rest straight from the order, then bill the
delivery: the order follows both delivery and billing.

    Stock: 12 Chairs @ 1,500.00.
    Quotation: 10 Chairs @ 2,500.00 (Open). Ordering 11 is refused; the order for the
    10 makes it Ordered, and nothing is left to order.
    Order: reserves 10 (projected 2); To Deliver and Bill, 0% / 0%.
    Delivery of 6: COGS 9,000 / Stock In Hand; reserved 4; 60% delivered, 0% billed.
    Invoice straight from the order for the 4 not delivered, updating stock:
        Debtors 10,000 / Sales; COGS 6,000 / Stock In Hand; reserved 0;
        100% delivered, 40% billed: To Bill.
    Billing 7 more from the order is refused (6 left); the delivery's invoice bills
    the 6: Debtors 15,000 / Sales; the order is Completed, 100% / 100%.
    Cancelling that invoice puts the order back to To Bill, 40% billed.
"""

import datetime as dt
from decimal import Decimal as D

import pytest

from core import lifecycle
from core.db import query
from core.errors import ValidationError
from modules.accounting.tests.builders import gl_lines
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
from modules.sales.quoting import make_sales_order

DEBTORS, SALES = "Debtors - PF", "Sales - PF"
COGS, STOCK = "Cost of Goods Sold - PF", "Stock In Hand - PF"


def order_state(ctx, name):
    row = query.select_rows(ctx, "Sales Order", fields=["per_delivered", "per_billed",
                                                        "status"], filters={"name": name})[0]
    return row["per_delivered"], row["per_billed"], row["status"]


def chair_bin(ctx):
    row = query.select_rows(ctx, "Bin", fields=["actual_qty", "reserved_qty",
                                                "projected_qty"],
                            filters={"item_code": "CHAIR"})[0]
    return row["actual_qty"], row["reserved_qty"], row["projected_qty"]


def submit(ctx, doctype, values):
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, doctype, values | {"docstatus": 1}))


def test_quotation_ordered_delivered_in_part_and_billed_two_ways(site):
    handle = stock_books(site, ("sales",))
    with handle.tx() as ctx:
        ctx.now = dt.datetime(2026, 5, 2, 10, 0)
        make_item(ctx, "CHAIR")
        make_party(ctx, "Customer", "Rao Traders")
        receive(ctx, "CHAIR", 12, 1500)

        # Quote and order
        quote = submit(ctx, "Quotation", {
            "customer": "Rao Traders", "company": CO, "transaction_date": "2026-05-01",
            "valid_till": "2026-05-31", "items": [
                {"item_code": "CHAIR", "qty": 10, "rate": 2500}]})
        assert (quote.total, query.get_value(ctx, "Quotation", quote.name, "status")) \
            == (D("25000.00"), "Open")
        draft = make_sales_order(ctx, quote.name)
        assert [(i["qty"], i["rate"], i["prevdoc_docname"]) for i in draft["items"]] \
            == [(D("10"), D("2500.00"), quote.name)]
        with pytest.raises(ValidationError, match="more than the 10 quoted"):
            submit(ctx, "Sales Order", draft | {"items": [draft["items"][0] | {"qty": 11}]})
        order = submit(ctx, "Sales Order", draft)
        assert query.get_value(ctx, "Quotation", quote.name, "status") == "Ordered"
        with pytest.raises(ValidationError, match="fully ordered"):
            make_sales_order(ctx, quote.name)
        assert chair_bin(ctx) == (D("12"), D("10"), D("2"))
        assert order_state(ctx, order.name) == (D("0.00"), D("0.00"), "To Deliver and Bill")

        # Deliver 6
        note = make_delivery_note(ctx, order.name)
        note["items"][0]["qty"] = 6
        note = submit(ctx, "Delivery Note", note | {"posting_date": "2026-05-03"})
        assert gl_lines(ctx, note.name) == [(COGS, D("9000.00"), D("0.00")),
                                            (STOCK, D("0.00"), D("9000.00"))]
        assert chair_bin(ctx) == (D("6"), D("4"), D("2"))
        assert order_state(ctx, order.name) == (D("60.00"), D("0.00"), "To Deliver and Bill")

        # Bill the 4 undelivered straight from the order, taking them out of stock
        direct = make_sales_invoice(ctx, order.name, "Sales Order")
        assert [(i["qty"], i["so_detail"]) for i in direct["items"]] == [
            (D("10"), order.children("items")[0].name)]
        direct = submit(ctx, "Sales Invoice", direct | {
            "posting_date": "2026-05-04", "update_stock": 1,
            "items": [direct["items"][0] | {"qty": 4}]})
        assert gl_lines(ctx, direct.name) == [
            (COGS, D("6000.00"), D("0.00")), (DEBTORS, D("10000.00"), D("0.00")),
            (SALES, D("0.00"), D("10000.00")), (STOCK, D("0.00"), D("6000.00"))]
        assert chair_bin(ctx) == (D("2"), D("0"), D("2"))
        assert order_state(ctx, order.name) == (D("100.00"), D("40.00"), "To Bill")

        # Never more than ordered and unbilled
        rest = make_sales_invoice(ctx, order.name, "Sales Order")
        assert rest["items"][0]["qty"] == D("6")
        with pytest.raises(ValidationError, match="more than the 6 ordered"):
            submit(ctx, "Sales Invoice", rest | {"posting_date": "2026-05-05",
                                                 "items": [rest["items"][0] | {"qty": 7}]})

        # Bill the delivery: its line carries the order line, which is billed too
        from_note = make_sales_invoice(ctx, note.name)
        assert [(i["qty"], i["so_detail"]) for i in from_note["items"]] == [
            (D("6"), order.children("items")[0].name)]
        billed = submit(ctx, "Sales Invoice", from_note | {"posting_date": "2026-05-05"})
        assert gl_lines(ctx, billed.name) == [(DEBTORS, D("15000.00"), D("0.00")),
                                              (SALES, D("0.00"), D("15000.00"))]
        assert order_state(ctx, order.name) == (D("100.00"), D("100.00"), "Completed")
        assert query.get_value(ctx, "Delivery Note", note.name, "status") == "Completed"
        with pytest.raises(ValidationError, match="fully billed"):
            make_sales_invoice(ctx, order.name, "Sales Order")
        line = query.select_rows(ctx, "Sales Order Item", fields=[
            "delivered_qty", "billed_qty", "billed_amt"], filters={"parent": order.name})
        assert line == [{"delivered_qty": D("10"), "billed_qty": D("10"),
                         "billed_amt": D("25000.00")}]

        lifecycle.cancel(ctx, "Sales Invoice", billed.name)
        assert order_state(ctx, order.name) == (D("100.00"), D("40.00"), "To Bill")
        assert make_sales_invoice(ctx, note.name)["items"][0]["qty"] == D("6")
        assert_books_in_step(ctx)


def test_an_order_line_billed_directly_leaves_less_for_its_delivery(site):
    """Order 5 Chairs; deliver all 5; bill 3 straight from the order (no stock moves):
    the delivery can then bill only the 2 the order has left, and 3 is refused."""
    handle = stock_books(site, ("sales",))
    with handle.tx() as ctx:
        ctx.now = dt.datetime(2026, 5, 2, 10, 0)
        make_item(ctx, "CHAIR")
        make_party(ctx, "Customer", "Rao Traders")
        receive(ctx, "CHAIR", 5, 1500)
        order = submit(ctx, "Sales Order", {
            "customer": "Rao Traders", "company": CO, "transaction_date": "2026-05-02",
            "items": [{"item_code": "CHAIR", "qty": 5, "rate": 2000}]})
        note = submit(ctx, "Delivery Note", make_delivery_note(ctx, order.name))
        assert order_state(ctx, order.name) == (D("100.00"), D("0.00"), "To Bill")
        direct = make_sales_invoice(ctx, order.name, "Sales Order")
        invoice = submit(ctx, "Sales Invoice", direct | {
            "items": [direct["items"][0] | {"qty": 3}]})
        assert gl_lines(ctx, invoice.name) == [(DEBTORS, D("6000.00"), D("0.00")),
                                               (SALES, D("0.00"), D("6000.00"))]
        assert order_state(ctx, order.name) == (D("100.00"), D("60.00"), "To Bill")
        from_note = make_sales_invoice(ctx, note.name)
        assert from_note["items"][0]["qty"] == D("2")
        with pytest.raises(ValidationError, match="more than the 2 ordered"):
            submit(ctx, "Sales Invoice", from_note | {
                "items": [from_note["items"][0] | {"qty": 3}]})
        assert query.count(ctx, "Sales Invoice", {"docstatus": 1}) == 1
        assert chair_bin(ctx) == (D("0"), D("0"), D("0"))
        assert_books_in_step(ctx)
