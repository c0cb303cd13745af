"""Order, reserve, deliver in parts.

    Stock: 12 Chairs. Order 10: reserved 10, projected 2.
    Deliver 6 from the order: 6 in stock, 4 still reserved, projected 2, 60% delivered.
    Delivering 5 more is refused (4 open); delivering 4 leaves the order to bill.
    Cancelling that delivery reopens 4; the order cannot be cancelled while a delivery
    made from it stands; once none does, cancelling it releases the reservation.
"""

from decimal import Decimal as D

import pytest

from core import lifecycle
from core.db import query
from core.errors import LinkExistsError, ValidationError
from modules.inventory.tests.builders import (
    CO,
    assert_books_in_step,
    make_item,
    make_party,
    receive,
    stock_books,
)
from modules.sales.ordering import make_delivery_note


def bin_of(ctx):
    row = query.select_rows(ctx, "Bin", fields=["actual_qty", "reserved_qty",
                                                "projected_qty"],
                            filters={"item_code": "CHAIR"})[0]
    return row["actual_qty"], row["reserved_qty"], row["projected_qty"]


def order_status(ctx, name):
    row = query.select_rows(ctx, "Sales Order", fields=["per_delivered", "status"],
                            filters={"name": name})[0]
    return row["per_delivered"], row["status"]


def test_an_order_reserves_stock_and_is_delivered_in_parts(site):
    handle = stock_books(site, ("sales",))
    with handle.tx() as ctx:
        make_item(ctx, "CHAIR")
        make_party(ctx, "Customer", "Rao Traders")
        receive(ctx, "CHAIR", 12, 1500)
        order = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Sales Order", {
            "customer": "Rao Traders", "company": CO, "transaction_date": "2026-05-02",
            "items": [{"item_code": "CHAIR", "qty": 10, "rate": 2500}], "docstatus": 1}))
        assert bin_of(ctx) == (D("12"), D("10"), D("2"))
        draft = make_delivery_note(ctx, order.name)
        draft["items"][0]["qty"] = 6
        first = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Delivery Note", draft | {
            "posting_date": "2026-05-03", "docstatus": 1}))
        assert bin_of(ctx) == (D("6"), D("4"), D("2"))
        assert order_status(ctx, order.name) == (D("60.00"), "To Deliver and Bill")
        rest = make_delivery_note(ctx, order.name)
        with pytest.raises(ValidationError, match="more than the 4"):
            lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Delivery Note", rest | {
                "posting_date": "2026-05-04", "items": [rest["items"][0] | {"qty": 5}]}))
        second = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Delivery Note", rest | {
            "posting_date": "2026-05-04", "docstatus": 1}))
        assert order_status(ctx, order.name) == (D("100.00"), "To Bill")
        assert bin_of(ctx) == (D("2"), D("0"), D("2"))
        lifecycle.cancel(ctx, "Delivery Note", second.name)
        assert order_status(ctx, order.name) == (D("60.00"), "To Deliver and Bill")
        assert bin_of(ctx) == (D("6"), D("4"), D("2"))
    with handle.client(headers=handle.auth) as api:
        made = api.get("/api/method/sales.make_delivery_note",
                       params={"source_name": order.name}).json()["message"]
        assert made["items"][0]["qty"] == 4.0
    # a delivery made from the order is still live
    with pytest.raises(LinkExistsError), handle.tx() as ctx:
        lifecycle.cancel(ctx, "Sales Order", order.name)
    with handle.tx() as ctx:
        lifecycle.cancel(ctx, "Delivery Note", first.name)
        assert bin_of(ctx) == (D("12"), D("10"), D("2"))
        lifecycle.cancel(ctx, "Sales Order", order.name)
        assert bin_of(ctx) == (D("12"), D("0"), D("12"))
        assert_books_in_step(ctx)
