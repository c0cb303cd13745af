"""Soap bought by the Box of 12 and sold by the piece (Nos), worked by hand.

    Bill: 2 Box @ 600.00 = 1,200.00 -> 24 Nos @ 50.00          Stock In Hand Dr 1,200.00
    Sale: 5 Nos @ 80.00 = 400.00; cost 5 @ 50.00 = 250.00       left 19 Nos,   950.00
    Receipt: 1 Box @ 625.00 -> 12 Nos @ 52.083333...            31 Nos,      1,575.00
    Issue 2 Box = 24 Nos, FIFO: 19 @ 50.00 = 950.00
                                + 5 @ 52.083333 = 260.416..., booked 1,210.42
    Left: 7 Nos, 1,575.00 - 1,210.42 = 364.58
"""

from decimal import Decimal as D

import pytest

from core import lifecycle
from core.db import query
from core.errors import ValidationError
from modules.accounting.tests.builders import gl_lines
from modules.inventory.tests.builders import (
    CO,
    STORES,
    assert_books_in_step,
    make_item,
    make_party,
    stock_books,
)

BOX = [{"uom": "Box", "conversion_factor": 12}]


def soap_stock(ctx):
    row = query.select_rows(ctx, "Bin", fields=["actual_qty", "stock_value"],
                            filters={"item_code": "SOAP", "warehouse": STORES})[0]
    return row["actual_qty"], row["stock_value"]


def invoice(ctx, doctype, party, date, qty, rate, uom=None):
    field = "customer" if doctype == "Sales Invoice" else "supplier"
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, doctype, {
        field: party, "company": CO, "posting_date": date, "update_stock": 1,
        "items": [{"item_code": "SOAP", "qty": qty, "rate": rate, "uom": uom}],
        "docstatus": 1}))


def stock_entry(ctx, kind, qty, rate=None, uom=None):
    place = {"t_warehouse": STORES} if kind == "Material Receipt" else {"s_warehouse": STORES}
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Stock Entry", {
        "stock_entry_type": kind, "company": CO, "posting_date": "2026-05-04",
        "docstatus": 1, "items": [{"item_code": "SOAP", "qty": qty, "basic_rate": rate,
                                   "uom": uom, **place}]}))


def test_bought_by_the_box_sold_by_the_piece(site):
    handle = stock_books(site)
    with handle.tx() as ctx:
        make_item(ctx, "SOAP", uoms=BOX)
        make_party(ctx, "Supplier", "Pune Soaps")
        make_party(ctx, "Customer", "Rao Traders")

        bill = invoice(ctx, "Purchase Invoice", "Pune Soaps", "2026-05-01", 2, 600, "Box")
        line = bill.children("items")[0]
        assert (line.conversion_factor, line.stock_qty) == (D("12"), D("24"))
        assert gl_lines(ctx, bill.name) == [("Creditors - PF", D("0.00"), D("1200.00")),
                                            ("Stock In Hand - PF", D("1200.00"), D("0.00"))]
        assert query.get_value(ctx, "Bin", {"item_code": "SOAP"}, "valuation_rate") == D("50")

        sale = invoice(ctx, "Sales Invoice", "Rao Traders", "2026-05-02", 5, 80)
        line = sale.children("items")[0]
        assert (line.uom, line.conversion_factor, line.stock_qty) == ("Nos", D("1"), D("5"))
        assert gl_lines(ctx, sale.name) == [
            ("Cost of Goods Sold - PF", D("250.00"), D("0.00")),
            ("Debtors - PF", D("400.00"), D("0.00")),
            ("Sales - PF", D("0.00"), D("400.00")),
            ("Stock In Hand - PF", D("0.00"), D("250.00"))]
        assert soap_stock(ctx) == (D("19"), D("950.00"))

        stock_entry(ctx, "Material Receipt", 1, 625, "Box")
        assert soap_stock(ctx) == (D("31"), D("1575.00"))
        issue = stock_entry(ctx, "Material Issue", 2, uom="Box")
        assert issue.children("items")[0].stock_qty == D("24")
        assert gl_lines(ctx, issue.name) == [
            ("Stock Adjustment - PF", D("1210.42"), D("0.00")),
            ("Stock In Hand - PF", D("0.00"), D("1210.42"))]
        assert soap_stock(ctx) == (D("7"), D("364.58"))
        assert_books_in_step(ctx)


def test_a_unit_the_item_does_not_convert_from_is_refused(site):
    handle = stock_books(site)
    with handle.tx() as ctx:
        make_item(ctx, "SOAP", uoms=BOX)
        make_party(ctx, "Customer", "Rao Traders")
    with pytest.raises(ValidationError, match="row 1: SOAP has no conversion from Kg"), \
            handle.tx() as ctx:
        invoice(ctx, "Sales Invoice", "Rao Traders", "2026-05-02", 1, 80, "Kg")
    with handle.tx() as ctx:
        assert query.count(ctx, "Sales Invoice") == 0
        assert query.count(ctx, "Stock Ledger Entry") == 0
        assert_books_in_step(ctx)


def test_the_stock_unit_converts_by_one(site):
    handle = stock_books(site)
    with pytest.raises(ValidationError, match="Nos is the stock unit"), handle.tx() as ctx:
        make_item(ctx, "SOAP", uoms=[{"uom": "Nos", "conversion_factor": 2}])
    with handle.tx() as ctx:
        assert not query.exists(ctx, "Item", "SOAP")


def test_a_delivery_note_in_boxes_delivers_the_pieces(site):
    """24 Nos received @ 50.00; a delivery of 1 Box takes 12 Nos out at 600.00."""
    handle = stock_books(site, ("sales",))
    with handle.tx() as ctx:
        make_item(ctx, "SOAP", uoms=BOX)
        make_party(ctx, "Customer", "Rao Traders")
        stock_entry(ctx, "Material Receipt", 24, 50)
        note = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Delivery Note", {
            "customer": "Rao Traders", "company": CO, "posting_date": "2026-05-05",
            "items": [{"item_code": "SOAP", "qty": 1, "uom": "Box", "rate": 900}],
            "docstatus": 1}))
        assert note.children("items")[0].stock_qty == D("12")
        assert gl_lines(ctx, note.name) == [
            ("Cost of Goods Sold - PF", D("600.00"), D("0.00")),
            ("Stock In Hand - PF", D("0.00"), D("600.00"))]
        assert soap_stock(ctx) == (D("12"), D("600.00"))
        assert_books_in_step(ctx)
