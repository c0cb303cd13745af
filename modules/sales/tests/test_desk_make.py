"""The desk's Make buttons: a submitted sales order becomes a draft delivery note of what
it has not delivered yet, saved and opened for the user to check and submit."""

import re
from decimal import Decimal as D

from core import lifecycle
from core.db import query
from modules.inventory.tests.builders import CO, make_item, make_party, receive, stock_books
from modules.sales.invoicing import make_sales_invoice
from modules.sales.ordering import make_delivery_note
from tests.fixtures import PASSWORD


def csrf(html):
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def test_make_delivery_note_from_an_order_in_the_desk(site):
    handle = stock_books(site, ("sales",))
    with handle.tx() as ctx:
        make_item(ctx, "CHAIR")
        make_party(ctx, "Customer", "Rao Traders")
        receive(ctx, "CHAIR", 10, 1500)
        order = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Sales Order", {
            "customer": "Rao Traders", "company": CO, "transaction_date": "2026-05-02",
            "items": [{"item_code": "CHAIR", "qty": 4, "rate": 2500}], "docstatus": 1}))
    with handle.client(follow_redirects=False) as web:
        page = web.get("/login")
        web.post("/login", data={"usr": "admin", "pwd": PASSWORD,
                                 "csrf_token": csrf(page.text), "next": "/app"})
        form = web.get(f"/app/Sales Order/{order.name}").text
        assert "Make Delivery Note" in form and "Make Sales Invoice" in form
        made = web.post(f"/app/Sales Order/{order.name}/make", data={
            "csrf_token": csrf(form), "method": "sales.make_delivery_note"})
        assert made.status_code == 303 and made.headers["location"].endswith("?made=1")
        refused = web.post(f"/app/Sales Order/{order.name}/make", data={
            "csrf_token": csrf(form), "method": "core.get_count"})
        assert refused.status_code == 404
    with handle.tx() as ctx:
        notes = query.select_rows(ctx, "Delivery Note", fields=["name", "docstatus",
                                                               "customer"])
        assert [(n["docstatus"], n["customer"]) for n in notes] == [(0, "Rao Traders")]
        lines = query.select_rows(ctx, "Delivery Note Item", fields=[
            "item_code", "qty", "against_sales_order"], filters={"parent": notes[0]["name"]})
        assert lines == [{"item_code": "CHAIR", "qty": D("4"),
                          "against_sales_order": order.name}]
        # a draft moves nothing yet
        assert query.get_value(ctx, "Bin", {"item_code": "CHAIR"}, "actual_qty") == D("10")


def test_make_buttons_leave_once_nothing_is_open(site):
    """An order delivered in full offers no delivery note any more, but still an invoice;
    billed in full too, it offers nothing."""
    handle = stock_books(site, ("sales",))
    with handle.tx() as ctx:
        make_item(ctx, "CHAIR")
        make_party(ctx, "Customer", "Rao Traders")
        receive(ctx, "CHAIR", 10, 1500)
        order = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Sales Order", {
            "customer": "Rao Traders", "company": CO, "transaction_date": "2026-05-02",
            "items": [{"item_code": "CHAIR", "qty": 4, "rate": 2500}], "docstatus": 1}))
        note = make_delivery_note(ctx, order.name)
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Delivery Note", note | {
            "posting_date": "2026-05-03", "docstatus": 1}))
    with handle.client(follow_redirects=False) as web:
        page = web.get("/login")
        web.post("/login", data={"usr": "admin", "pwd": PASSWORD,
                                 "csrf_token": csrf(page.text), "next": "/app"})
        form = web.get(f"/app/Sales Order/{order.name}").text
        assert "Make Delivery Note" not in form and "Make Sales Invoice" in form
        with handle.tx() as ctx:
            bill = make_sales_invoice(ctx, order.name, source_doctype="Sales Order")
            lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Sales Invoice", bill | {
                "posting_date": "2026-05-03", "docstatus": 1}))
        form = web.get(f"/app/Sales Order/{order.name}").text
        assert "Make Delivery Note" not in form and "Make Sales Invoice" not in form
