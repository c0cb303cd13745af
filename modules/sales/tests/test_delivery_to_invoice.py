"""Deliver, then bill in two invoices: only what is still unbilled can be billed.

    Stock: 10 Chairs @ 1,500.00. Deliver 10 @ 2,500.00: COGS 15,000 / Stock In Hand.
    Invoice 1 bills 6 (60% billed, To Bill); the next draft offers the 4 left;
    billing 5 (or 3 twice) is refused; billing 4 completes the delivery; cancelling invoice 1 puts
    6 back to bill.
"""

from decimal import Decimal as D

import pytest

from core import lifecycle
from core.db import query
from core.errors import LinkExistsError, ValidationError
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
from tests.conftest import make_tenant


def status(ctx, note):
    row = query.select_rows(ctx, "Delivery Note", fields=["per_billed", "status"],
                            filters={"name": note})[0]
    return row["per_billed"], row["status"]


def test_a_delivery_billed_in_two_invoices(site):
    handle = stock_books(site, ("sales",))
    with handle.tx() as ctx:
        make_item(ctx, "CHAIR")
        make_party(ctx, "Customer", "Rao Traders")
        receive(ctx, "CHAIR", 10, 1500)
        note = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Delivery Note", {
            "customer": "Rao Traders", "company": CO, "posting_date": "2026-05-03",
            "items": [{"item_code": "CHAIR", "qty": 10, "rate": 2500}],
            "docstatus": 1}))
        assert gl_lines(ctx, note.name) == [
            ("Cost of Goods Sold - PF", D("15000.00"), D("0.00")),
            ("Stock In Hand - PF", D("0.00"), D("15000.00"))]
        draft = make_sales_invoice(ctx, note.name)
        assert [(i["item_code"], i["qty"]) for i in draft["items"]] == [("CHAIR", D("10"))]
        draft["items"][0]["qty"] = 6
        first = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Sales Invoice",
                                                        draft | {"docstatus": 1}))
        assert first.grand_total == D("15000.00")
        assert status(ctx, note.name) == (D("60.00"), "To Bill")
        rest = make_sales_invoice(ctx, note.name)
        assert rest["items"][0]["qty"] == D("4")
        with pytest.raises(ValidationError, match="turn off Update Stock"):
            lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Sales Invoice",
                                                    rest | {"update_stock": 1}))
        with pytest.raises(ValidationError, match="more than the 4"):
            lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Sales Invoice", rest | {
                "items": [rest["items"][0] | {"qty": 5}]}))
        with pytest.raises(ValidationError, match="3 of CHAIR is more than the 4 delivered"):
            lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Sales Invoice", rest | {
                "items": [rest["items"][0] | {"qty": 3}] * 2}))  # 3 + 3 of one line
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Sales Invoice", rest | {"docstatus": 1}))
        assert status(ctx, note.name) == (D("100.00"), "Completed")
        with pytest.raises(LinkExistsError):
            lifecycle.cancel(ctx, "Delivery Note", note.name)
        lifecycle.cancel(ctx, "Sales Invoice", first.name)
        assert status(ctx, note.name) == (D("40.00"), "To Bill")
        assert make_sales_invoice(ctx, note.name)["items"][0]["qty"] == D("6")
        assert query.get_value(ctx, "Bin", {"item_code": "CHAIR"}, "actual_qty") == 0
        assert_books_in_step(ctx)


def test_making_an_invoice_from_an_unknown_delivery_note_is_not_found(site):
    handle = make_tenant(site, modules=["sales"])
    with handle.client(headers=handle.auth) as api:
        response = api.get("/api/method/sales.make_sales_invoice",
                           params={"source_name": "MAT-DN-0000-00001"})
        assert response.status_code == 404
