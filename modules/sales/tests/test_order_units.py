"""An order in boxes, delivered and billed in pieces.

    Soap comes in pieces (Nos) and boxes of 12. Stock: 60 pieces at 10.00.
    Order 3 Boxes @ 100.00: reserved 36 pieces.
    Deliver 18 Nos (1.5 boxes): the order is 50% delivered, 18 still reserved; 19 Nos
    more is refused (18 open). The next delivery note made from the order asks for the
    1.5 Boxes left, which move 18 pieces: 100% delivered, nothing reserved, 24 in stock.
    Bill 12 Nos straight from the order: 1 of its 3 boxes billed (33.33%).
"""

from decimal import Decimal as D

import pytest

from core import lifecycle
from core.db import query
from core.errors import ValidationError
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


def bin_of(ctx):
    row = query.select_rows(ctx, "Bin", fields=["actual_qty", "reserved_qty"],
                            filters={"item_code": "SOAP"})[0]
    return row["actual_qty"], row["reserved_qty"]


def order_progress(ctx, name):
    head = query.select_rows(ctx, "Sales Order", fields=["per_delivered", "per_billed"],
                             filters={"name": name})[0]
    line = query.select_rows(ctx, "Sales Order Item", fields=["delivered_qty",
                                                              "billed_qty"],
                             filters={"parent": name})[0]
    return head["per_delivered"], line["delivered_qty"], head["per_billed"], \
        line["billed_qty"]


def deliver(ctx, order, qty, uom):
    line = query.get_value(ctx, "Sales Order Item", {"parent": order}, "name")
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Delivery Note", {
        "customer": "Rao Traders", "company": CO, "posting_date": "2026-05-03",
        "docstatus": 1, "items": [{"item_code": "SOAP", "qty": qty, "uom": uom,
                                   "rate": 100 / D(12), "against_sales_order": order,
                                   "so_detail": line}]}))


def test_an_order_in_boxes_delivered_and_billed_in_pieces(site):
    handle = stock_books(site, ("sales",))
    with handle.tx() as ctx:
        make_item(ctx, "SOAP", uoms=[{"uom": "Box", "conversion_factor": 12}])
        make_party(ctx, "Customer", "Rao Traders")
        receive(ctx, "SOAP", 60, 10)
        order = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Sales Order", {
            "customer": "Rao Traders", "company": CO, "transaction_date": "2026-05-02",
            "docstatus": 1,
            "items": [{"item_code": "SOAP", "qty": 3, "uom": "Box", "rate": 100}]})).name
        line = query.select_rows(ctx, "Sales Order Item", fields=[
            "uom", "conversion_factor", "stock_qty"], filters={"parent": order})[0]
        assert (line["uom"], line["conversion_factor"], line["stock_qty"]) == (
            "Box", D("12"), D("36"))
        assert bin_of(ctx) == (D("60"), D("36"))

        deliver(ctx, order, 18, "Nos")
        assert order_progress(ctx, order)[:2] == (D("50"), D("1.5"))
        assert bin_of(ctx) == (D("42"), D("18"))
        with pytest.raises(ValidationError, match="more than the 1.5 ordered"):
            deliver(ctx, order, 19, "Nos")

        rest = make_delivery_note(ctx, order)
        assert [(i["qty"], i["uom"]) for i in rest["items"]] == [(D("1.5"), "Box")]
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Delivery Note", {
            k: v for k, v in rest.items() if k != "doctype"} | {
            "posting_date": "2026-05-04", "docstatus": 1}))
        assert order_progress(ctx, order)[:2] == (D("100"), D("3"))
        assert bin_of(ctx) == (D("24"), D("0"))

        bill = make_sales_invoice(ctx, order, source_doctype="Sales Order")
        bill["items"][0].update(qty=12, uom="Nos", rate=100 / D(12))
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Sales Invoice", {
            k: v for k, v in bill.items() if k != "doctype"} | {
            "posting_date": "2026-05-04", "docstatus": 1}))
        assert order_progress(ctx, order)[2:] == (D("33.33"), D("1"))
        assert_books_in_step(ctx)
