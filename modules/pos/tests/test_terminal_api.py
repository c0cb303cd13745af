"""The terminal API: sales posted once by uuid, offline batches, and who may sell.

    Stock: 10 Pens @ 10.00, list price 25.00; Cash 2,000.00 float.
"""

from core import lifecycle
from core.auth.api_keys import issue_api_key
from core.db import query
from modules.accounting.tests.builders import gl_lines
from modules.inventory.tests.builders import assert_books_in_step
from modules.pos.tests.builders import (
    PROFILE,
    D,
    bin_of,
    make_profile,
    open_session,
    pos_books,
    stocked_item,
)

SUBMIT, BATCH = "/api/method/pos.submit_invoice", "/api/method/pos.submit_batch"


def pens(uuid, qty, paid, item="PEN"):
    return {"uuid": uuid, "pos_profile": PROFILE, "posting_date": "2026-05-04",
            "items": [{"item_code": item, "qty": qty}],
            "payments": [{"mode_of_payment": "Cash", "amount": paid}]}


def shop(site, users=("admin",)):
    handle = pos_books(site)
    with handle.tx() as ctx:
        stocked_item(ctx, "PEN", 10, 10, 25)
        for user in users:
            if user != "admin":
                lifecycle.insert(ctx, lifecycle.new_doc(ctx, "User", {
                    "login": user, "roles": [{"role": "Sales User"}]}))
        make_profile(ctx, users=users)
        for user in users:
            open_session(ctx, user=user)
    return handle


def client_of(handle, user):
    with handle.tx() as ctx:
        key, secret = issue_api_key(ctx, user)
    return handle.client(headers={"Authorization": f"token {key}:{secret}"})


def test_the_same_uuid_posts_once_and_answers_duplicate(site):
    """2 Pens = 50.00, paid 60.00: change 10.00; sent twice, stock and cost move once."""
    handle = shop(site)
    with handle.client(headers=handle.auth) as api:
        first = api.post(SUBMIT, json={"invoice": pens("till1-0001", 2, 60)})
        again = api.post(SUBMIT, json={"invoice": pens("till1-0001", 2, 60)})
    assert first.status_code == again.status_code == 200, first.text
    name = first.json()["message"]["name"]
    assert first.json()["message"] == {"name": name, "uuid": "till1-0001",
                                       "grand_total": 50.0, "change_amount": 10.0,
                                       "duplicate": False}
    assert again.json()["message"] == first.json()["message"] | {"duplicate": True}
    with handle.tx() as ctx:
        assert query.count(ctx, "POS Invoice") == 1
        assert bin_of(ctx, "PEN") == (D("8"), D("80.00"))
        assert gl_lines(ctx, name) == [("Cost of Goods Sold - PF", D("20.00"), D("0.00")),
                                       ("Stock In Hand - PF", D("0.00"), D("20.00"))]
        assert_books_in_step(ctx)


def test_a_batch_posts_its_good_sales_and_reports_the_bad_ones(site):
    """Four offline sales: 1 Pen (25.00), an unknown item, 2 Pens paid 40.00 of 50.00,
    3 Pens (75.00). The first and last post: 4 Pens leave, cost 40.00."""
    handle = shop(site)
    batch = [pens("b-1", 1, 25), pens("b-2", 1, 25, item="NO-SUCH-ITEM"),
             pens("b-3", 2, 40), pens("b-4", 3, 75)]
    with handle.client(headers=handle.auth) as api:
        answer = api.post(BATCH, json={"invoices": batch})
    assert answer.status_code == 200, answer.text
    results = answer.json()["message"]
    assert [r["uuid"] for r in results] == ["b-1", "b-2", "b-3", "b-4"]
    assert [r.get("duplicate") for r in results] == [False, None, None, False]
    assert [r.get("grand_total") for r in results] == [25.0, None, None, 75.0]
    assert (results[1]["field"], results[2]["code"]) == ("items", "POS-UNDERPAID")
    assert "NO-SUCH-ITEM" in results[1]["error"]
    with handle.tx() as ctx:
        stored = query.select_rows(ctx, "POS Invoice", fields=["uuid", "grand_total"],
                                   order_by="name asc")
        assert [(r["uuid"], r["grand_total"]) for r in stored] == [
            ("b-1", D("25.00")), ("b-4", D("75.00"))]
        assert bin_of(ctx, "PEN") == (D("6"), D("60.00"))
        assert_books_in_step(ctx)
    with handle.client(headers=handle.auth) as api:  # the terminal sends it all again
        again = api.post(BATCH, json={"invoices": batch}).json()["message"]
    assert [r.get("duplicate") for r in again] == [True, None, None, True]
    with handle.tx() as ctx:
        assert query.count(ctx, "POS Invoice") == 2
        assert bin_of(ctx, "PEN") == (D("6"), D("60.00"))


def test_only_the_profiles_cashiers_with_rights_may_sell(site):
    """ravi sells on the counter; meena has the rights but is not its cashier; a user
    without the Sales User role may not sell at all. Nothing is written for them."""
    handle = shop(site, users=("admin", "ravi"))
    with handle.tx() as ctx:
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "User", {
            "login": "meena", "roles": [{"role": "Sales User"}]}))
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "User", {"login": "guest-clerk"}))
    with client_of(handle, "ravi") as api:
        sold = api.post(SUBMIT, json={"invoice": pens("r-1", 1, 25)})
    with client_of(handle, "meena") as api:
        not_cashier = api.post(SUBMIT, json={"invoice": pens("m-1", 1, 25)})
    with client_of(handle, "guest-clerk") as api:
        no_rights = api.post(SUBMIT, json={"invoice": pens("g-1", 1, 25)})
    assert sold.status_code == 200, sold.text
    assert (not_cashier.status_code, not_cashier.json()["code"]) == (403, "POS-CASHIER")
    assert no_rights.status_code == 403
    with handle.tx() as ctx:
        assert [r["uuid"] for r in query.select_rows(ctx, "POS Invoice",
                                                     fields=["uuid"])] == ["r-1"]
        assert bin_of(ctx, "PEN") == (D("9"), D("90.00"))
        assert_books_in_step(ctx)


def test_a_sale_without_a_uuid_is_refused_with_the_field_named(site):
    handle = shop(site)
    with handle.client(headers=handle.auth) as api:
        answer = api.post(SUBMIT, json={"invoice": pens("", 1, 25)})
    assert (answer.status_code, answer.json()["field"]) == (422, "uuid")
    with handle.tx() as ctx:
        assert query.count(ctx, "POS Invoice") == 0
        assert bin_of(ctx, "PEN") == (D("10"), D("100.00"))
        assert_books_in_step(ctx)


def test_the_resource_api_takes_the_same_sale_and_names_a_bad_field(site):
    """POST /api/resource/POS Invoice with docstatus 1 is the same sale; a line of
    quantity 0 is refused naming the items table, and nothing is written."""
    handle = shop(site)
    with handle.client(headers=handle.auth) as api:
        made = api.post("/api/resource/POS Invoice",
                        json=pens("r-1", 2, 50) | {"docstatus": 1})
        bad = api.post("/api/resource/POS Invoice",
                       json=pens("r-2", 0, 50) | {"docstatus": 1})
    assert made.status_code == 200, made.text
    assert (made.json()["data"]["status"], made.json()["data"]["grand_total"]) == (
        "Paid", 50.0)
    assert (bad.status_code, bad.json()["field"]) == (422, "items")
    with handle.tx() as ctx:
        assert [r["uuid"] for r in query.select_rows(ctx, "POS Invoice",
                                                     fields=["uuid"])] == ["r-1"]
        assert bin_of(ctx, "PEN") == (D("8"), D("80.00"))
        assert_books_in_step(ctx)
