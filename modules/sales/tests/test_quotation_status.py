"""A quotation's life: open, partly ordered, ordered, back when an order is cancelled;
expired past its Valid Till; lost with a reason. Drafts over the API."""

import datetime as dt
from decimal import Decimal as D

import pytest

from core import lifecycle
from core.db import query
from core.errors import LinkExistsError, ValidationError
from core.scheduler import tick
from modules.inventory.tests.builders import CO, make_item, make_party, stock_books
from modules.sales.quoting import declare_lost, make_sales_order


def quote(ctx, valid_till="2026-05-31", qty=10):
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Quotation", {
        "customer": "Rao Traders", "company": CO, "transaction_date": "2026-05-01",
        "valid_till": valid_till, "docstatus": 1,
        "items": [{"item_code": "CHAIR", "qty": qty, "rate": 2500}]}))


def status(ctx, name):
    return query.get_value(ctx, "Quotation", name, "status")


def books(site):
    handle = stock_books(site, ("sales",))
    with handle.tx() as ctx:
        make_item(ctx, "CHAIR")
        make_party(ctx, "Customer", "Rao Traders")
    return handle


def test_ordering_in_parts_and_cancelling_an_order(site):
    """Quote 10; order 4 (Partially Ordered), then the 6 left (Ordered); the quotation
    cannot be cancelled while an order stands; cancelling the 6 reopens them."""
    handle = books(site)
    with handle.tx() as ctx:
        ctx.now = dt.datetime(2026, 5, 2, 10, 0)
        offer = quote(ctx)
        first = make_sales_order(ctx, offer.name)
        first["items"][0]["qty"] = 4
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Sales Order", first | {"docstatus": 1}))
        assert status(ctx, offer.name) == "Partially Ordered"
        rest = make_sales_order(ctx, offer.name)
        assert rest["items"][0]["qty"] == D("6")
        second = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Sales Order",
                                                         rest | {"docstatus": 1}))
        assert status(ctx, offer.name) == "Ordered"
        with pytest.raises(LinkExistsError):
            lifecycle.cancel(ctx, "Quotation", offer.name)
        lifecycle.cancel(ctx, "Sales Order", second.name)
        assert status(ctx, offer.name) == "Partially Ordered"
        assert query.get_value(ctx, "Quotation Item", {"parent": offer.name},
                               "ordered_qty") == D("4")


def test_an_expired_quotation_cannot_be_ordered(site):
    handle = books(site)
    with handle.tx() as ctx:
        ctx.now = dt.datetime(2026, 6, 10, 10, 0)
        offer = quote(ctx, valid_till="2026-05-31")
        assert status(ctx, offer.name) == "Expired"
        with pytest.raises(ValidationError, match="expired on 2026-05-31"):
            make_sales_order(ctx, offer.name)
        with pytest.raises(ValidationError, match="expired on 2026-05-31"):
            lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Sales Order", {
                "customer": "Rao Traders", "company": CO, "transaction_date": "2026-06-10",
                "items": [{"item_code": "CHAIR", "qty": 1, "rate": 2500,
                           "prevdoc_docname": offer.name,
                           "quotation_item": offer.children("items")[0].name}]}))
        assert query.count(ctx, "Sales Order") == 0
        with pytest.raises(ValidationError, match="cannot be before") as early:
            quote(ctx, valid_till="2026-04-30")
        assert early.value.field == "valid_till"


def test_the_daily_job_expires_open_quotations_past_their_valid_till(site):
    """Quoted in May, valid till 31 May (expired by now) and 31 December 2999 (still
    open): the scheduler's daily run expires the first only, once a day."""
    handle = books(site)
    with handle.tx() as ctx:
        ctx.now = dt.datetime(2026, 5, 2, 10, 0)
        past, future = quote(ctx), quote(ctx, valid_till="2999-12-31")
        assert status(ctx, past.name) == status(ctx, future.name) == "Open"
    queued = tick(site)
    assert (handle.name, "modules.sales.quoting.expire_quotations") in queued
    with handle.tx() as ctx:
        assert (status(ctx, past.name), status(ctx, future.name)) == ("Expired", "Open")
    assert (handle.name, "modules.sales.quoting.expire_quotations") not in tick(site)


def test_a_lost_quotation_is_not_ordered(site):
    handle = books(site)
    with handle.tx() as ctx:
        offer = quote(ctx, valid_till=None)  # the API acts today: no expiry
    with handle.client(headers=handle.auth) as api:
        made = api.get("/api/method/sales.make_sales_order",
                       params={"source_name": offer.name})
        assert made.status_code == 200
        assert made.json()["message"]["items"][0]["prevdoc_docname"] == offer.name
        lost = api.post("/api/method/sales.declare_quotation_lost",
                        json={"source_name": offer.name, "reason": "Price too high"})
        assert lost.status_code == 200
        again = api.post("/api/method/sales.declare_quotation_lost",
                         json={"source_name": offer.name})
        assert again.status_code == 422
    with handle.tx() as ctx:
        assert query.select_rows(ctx, "Quotation", fields=["status", "order_lost_reason"],
                                 filters={"name": offer.name}) == [
            {"status": "Lost", "order_lost_reason": "Price too high"}]
        with pytest.raises(ValidationError, match="not an open quotation"):
            make_sales_order(ctx, offer.name)
        with pytest.raises(ValidationError, match="only an open or expired"):
            declare_lost(ctx, offer.name, "again")


def test_an_invoice_draft_from_an_order_over_the_api(site):
    handle = books(site)
    with handle.tx() as ctx:
        order = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Sales Order", {
            "customer": "Rao Traders", "company": CO, "transaction_date": "2026-05-02",
            "items": [{"item_code": "CHAIR", "qty": 3, "rate": 2500}], "docstatus": 1}))
    with handle.client(headers=handle.auth) as api:
        made = api.get("/api/method/sales.make_sales_invoice", params={
            "source_name": order.name, "source_doctype": "Sales Order"})
        assert made.status_code == 200
        [line] = made.json()["message"]["items"]
        assert (line["qty"], line["sales_order"], line["so_detail"]) == (
            3.0, order.name, order.children("items")[0].name)
        wrong = api.get("/api/method/sales.make_sales_invoice", params={
            "source_name": order.name, "source_doctype": "Quotation"})
        assert wrong.status_code == 422
        assert wrong.json()["field"] == "source_doctype"
