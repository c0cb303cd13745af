"""A submitted order saved again (only fields allowed after submit may change) keeps
its prices, quantities delivered and status: none of them is worked out afresh, and a
client may not set them."""

from decimal import Decimal as D

from core import lifecycle
from core.db import query
from modules.inventory.tests.builders import (
    CO,
    assert_books_in_step,
    make_item,
    make_party,
    receive,
    stock_books,
)
from modules.sales.ordering import make_delivery_note


def test_saving_a_submitted_order_changes_none_of_its_figures(site):
    handle = stock_books(site, ("sales",))
    with handle.tx() as ctx:
        make_item(ctx, "CHAIR")
        make_party(ctx, "Customer", "Rao Traders")
        receive(ctx, "CHAIR", 10, 1500)
        order = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Sales Order", {
            "customer": "Rao Traders", "company": CO, "transaction_date": "2026-05-02",
            "items": [{"item_code": "CHAIR", "qty": 10, "rate": 2500}], "docstatus": 1}))
        draft = make_delivery_note(ctx, order.name)
        draft["items"][0]["qty"] = 6
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Delivery Note", draft | {
            "posting_date": "2026-05-03", "docstatus": 1}))
        # a rule set up after the order was submitted does not reprice it
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Pricing Rule", {
            "title": "chairs", "item_code": "CHAIR", "discount_percentage": 10}))
    with handle.client(headers=handle.auth) as api:
        path = f"/api/resource/Sales Order/{order.name}"
        # figures the system keeps are not the client's to set
        refused = api.put(path, json={"status": "Completed", "per_delivered": 100})
        assert refused.status_code == 422 and refused.json()["field"] in ("status", "per_delivered")
        assert api.put(path, json={}).status_code == 200
    with handle.tx() as ctx:
        assert query.select_rows(ctx, "Sales Order", fields=[
            "status", "per_delivered", "total"], filters={"name": order.name}) == [
            {"status": "To Deliver and Bill", "per_delivered": D("60.00"),
             "total": D("25000.00")}]
        assert query.select_rows(ctx, "Sales Order Item", fields=[
            "rate", "delivered_qty", "pricing_rule"], filters={"parent": order.name}) == [
            {"rate": D("2500.00"), "delivered_qty": D("6"), "pricing_rule": None}]
        assert query.get_value(ctx, "Bin", {"item_code": "CHAIR"}, "reserved_qty") == D("4")
        assert_books_in_step(ctx)
