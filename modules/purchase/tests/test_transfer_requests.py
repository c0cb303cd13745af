"""Requests to move or issue goods become stock entries.

    Stores holds 20 Chairs at 1,000.00. Finished Goods asks for 12, to come from Stores.
    Transfer 1: 5 (Partially Transferred, 41.67%); transfer 2: the 7 left (Transferred);
    Stores 8, Finished Goods 12. An issue request of 3 Chairs from Stores: issued in one
    entry (Issued), Stores 5. Cancelling transfer 2 reopens its 7 (Stores 12).
"""

from decimal import Decimal as D

import pytest

from core import lifecycle
from core.db import query
from core.errors import ValidationError
from modules.inventory.tests.builders import (
    CO,
    STORES,
    assert_books_in_step,
    make_item,
    receive,
    stock_books,
)
from modules.purchase.errors import OverOrdering
from modules.purchase.requesting import make_purchase_order, make_stock_entry
from modules.purchase.tests.builders import progress, submit

FINISHED = "Finished Goods - PF"


def request(ctx, purpose, qty, warehouse, source=None):
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Material Request", {
        "material_request_type": purpose, "company": CO, "transaction_date": "2026-05-02",
        "set_from_warehouse": source, "docstatus": 1,
        "items": [{"item_code": "CHAIR", "qty": qty, "warehouse": warehouse}]})).name


def actual(ctx, warehouse):
    return query.get_value(ctx, "Bin", {"item_code": "CHAIR", "warehouse": warehouse},
                           "actual_qty")


def test_a_transfer_request_moved_in_two_entries_and_an_issue_request(site):
    handle = stock_books(site, ("purchase",))
    with handle.tx() as ctx:
        make_item(ctx, "CHAIR")
        receive(ctx, "CHAIR", 20, 1000)
        wanted = request(ctx, "Material Transfer", 12, FINISHED, STORES)
        with pytest.raises(ValidationError, match="asks for a material transfer"):
            make_purchase_order(ctx, wanted)

        draft = make_stock_entry(ctx, wanted)
        assert (draft["stock_entry_type"], [(i["s_warehouse"], i["t_warehouse"], i["qty"])
                                            for i in draft["items"]]) == (
            "Material Transfer", [(STORES, FINISHED, D("12"))])
        draft["items"][0]["qty"] = 5
        submit(ctx, draft, posting_date="2026-05-03")
        assert progress(ctx, "Material Request", wanted, "status", "per_ordered") == (
            "Partially Transferred", D("41.67"))

        rest = make_stock_entry(ctx, wanted)
        assert rest["items"][0]["qty"] == D("7")
        too_much = dict(rest, items=[dict(rest["items"][0], qty=8)])
        with pytest.raises(OverOrdering):
            submit(ctx, dict(too_much), posting_date="2026-05-03")
        second = submit(ctx, rest, posting_date="2026-05-03")
        assert progress(ctx, "Material Request", wanted, "status", "per_ordered") == (
            "Transferred", D("100"))
        assert (actual(ctx, STORES), actual(ctx, FINISHED)) == (D("8"), D("12"))
        with pytest.raises(ValidationError, match="fully transferred"):
            make_stock_entry(ctx, wanted)

        used = request(ctx, "Material Issue", 3, STORES)
        issue = make_stock_entry(ctx, used)
        assert [(i["s_warehouse"], i["t_warehouse"]) for i in issue["items"]] == [
            (STORES, None)]
        submit(ctx, issue, posting_date="2026-05-04")
        assert progress(ctx, "Material Request", used, "status") == ("Issued",)
        assert actual(ctx, STORES) == D("5")

        lifecycle.cancel(ctx, "Stock Entry", second)
        assert (actual(ctx, STORES), actual(ctx, FINISHED)) == (D("12"), D("5"))
        assert progress(ctx, "Material Request", wanted, "status") == (
            "Partially Transferred",)
        assert make_stock_entry(ctx, wanted)["items"][0]["qty"] == D("7")
        assert_books_in_step(ctx)


def test_an_entry_of_another_purpose_or_company_cannot_fulfil_a_request(site):
    handle = stock_books(site, ("purchase",))
    with handle.tx() as ctx:
        make_item(ctx, "CHAIR")
        receive(ctx, "CHAIR", 20, 1000)
        wanted = request(ctx, "Material Transfer", 4, FINISHED, STORES)
        line = query.get_value(ctx, "Material Request Item", {"parent": wanted}, "name")
    with handle.tx() as ctx, pytest.raises(ValidationError, match="not a material issue"):
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Stock Entry", {
            "stock_entry_type": "Material Issue", "company": CO,
            "posting_date": "2026-05-03", "docstatus": 1,
            "items": [{"item_code": "CHAIR", "qty": 4, "s_warehouse": STORES,
                       "material_request": wanted, "material_request_item": line}]}))
    with handle.tx() as ctx:
        assert query.count(ctx, "Stock Entry", {"stock_entry_type": "Material Issue"}) == 0
        assert progress(ctx, "Material Request", wanted, "status") == ("Pending",)
        with pytest.raises(ValidationError, match="same warehouse") as same:
            request(ctx, "Material Transfer", 1, STORES, STORES)
        assert same.value.field == "set_from_warehouse"
