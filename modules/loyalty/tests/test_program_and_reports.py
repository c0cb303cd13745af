"""A program's rules, the points ledger that nobody edits by hand, and what a customer
is shown: the balance method and the customer points report.

    Shop Rewards: a point is worth 0.25; Silver 1 point per 100.00; 90 days.
"""

import re

import pytest

from core import lifecycle
from core.db import query
from modules.inventory.tests.builders import CO, assert_books_in_step, make_item
from modules.loyalty.errors import ConversionFactorLocked, InvalidProgram
from modules.loyalty.tests.builders import (
    LIABILITY,
    PROGRAM,
    D,
    loyalty_books,
    make_program,
    member,
    sales_invoice,
)
from tests.fixtures import PASSWORD


def test_a_program_gets_the_company_loyalty_accounts_and_mode(site):
    handle = loyalty_books(site)
    with handle.tx() as ctx:
        program = lifecycle.get_doc(ctx, "Loyalty Program", make_program(ctx))
        assert (program.liability_account, program.expense_account,
                program.breakage_account, program.mode_of_payment, program.cost_center) \
            == (LIABILITY, "Loyalty Revenue Deferred - PF", "Loyalty Points Breakage - PF",
                "Loyalty Points", "Main - PF")
        assert query.get_value(ctx, "Account", LIABILITY, "root_type") == "Liability"


@pytest.mark.parametrize("change, field", [
    ({"collection_rules": []}, "collection_rules"),
    ({"conversion_factor": "0"}, "conversion_factor"),
    ({"to_date": "2026-03-31"}, "to_date"),
    ({"collection_rules": [{"tier_name": "Silver", "min_spent": 0,
                            "collection_factor": 0}]}, "collection_rules"),
    ({"liability_account": "Sales - PF"}, "liability_account"),
    ({"mode_of_payment": "Cash"}, "mode_of_payment"),
])
def test_a_program_that_does_not_hold_together_is_refused(site, change, field):
    handle = loyalty_books(site)
    with handle.tx() as ctx, pytest.raises(InvalidProgram) as refused:
        make_program(ctx, **change)
    assert refused.value.field == field
    with handle.tx() as ctx:
        assert query.count(ctx, "Loyalty Program") == 0


def test_a_point_keeps_its_value_once_points_exist(site):
    handle = loyalty_books(site)
    with handle.tx() as ctx:
        make_item(ctx, "CHAIR")
        make_program(ctx)
        member(ctx, "Asha Traders")
        program = lifecycle.get_doc(ctx, "Loyalty Program", PROGRAM)
        program.expiry_days = 120  # other terms may change, and apply at once
        lifecycle.save(ctx, program)
        sold = sales_invoice(ctx, "Asha Traders", [("CHAIR", 1, 1000)], taxes=False)
        assert str(query.get_value(ctx, "Loyalty Point Entry", {"voucher_no": sold.name},
                                   "expiry_date")) == "2026-09-01"
    with handle.tx() as ctx, pytest.raises(ConversionFactorLocked):
        program = lifecycle.get_doc(ctx, "Loyalty Program", PROGRAM)
        program.conversion_factor = D("0.50")
        lifecycle.save(ctx, program)


def test_the_points_ledger_is_not_written_by_hand(site):
    handle = loyalty_books(site)
    with handle.client(headers=handle.auth) as api:
        answer = api.post("/api/resource/Loyalty Point Entry", json={
            "customer": "Walk-in Customer", "loyalty_points": 1000})
    assert answer.status_code == 403
    assert answer.json()["code"] == "LOYALTY-APPEND-ONLY"
    with handle.tx() as ctx:
        assert query.count(ctx, "Loyalty Point Entry") == 0


def test_balance_and_history_of_a_customer(site):
    """3 Chair + GST = 3,540.00 on 2026-05-04: 35 points (8.75), expiring after
    2026-08-02; 1 Chair @ 1,000.00 on 2026-06-01 pays 10 points (2.50) and earns
    floor(997.50 / 100) = 9. On 2026-06-01: 34 points = 8.50; on 2026-08-03 the first
    earning's 25 are gone (not yet expired by the run): 9 points = 2.25."""
    handle = loyalty_books(site)
    with handle.tx() as ctx:
        make_item(ctx, "CHAIR")
        make_program(ctx)
        member(ctx, "Asha Traders")
        sales_invoice(ctx, "Asha Traders", [("CHAIR", 3, 1000)])
        paid = sales_invoice(ctx, "Asha Traders", [("CHAIR", 1, 1000)], taxes=False,
                             date="2026-06-01", redeem_loyalty_points=1,
                             loyalty_points=10)
        assert_books_in_step(ctx)
    with handle.client(headers=handle.auth) as api:
        june = api.get("/api/method/loyalty.points_balance", params={
            "company": CO, "customer": "Asha Traders", "on": "2026-06-01"})
        august = api.get("/api/method/loyalty.points_balance", params={
            "company": CO, "customer": "Asha Traders", "on": "2026-08-03"})
        report = api.get("/api/method/loyalty.customer_points", params={
            "company": CO, "customer": "Asha Traders", "on": "2026-06-30"})
        missing = api.get("/api/method/loyalty.points_balance", params={"company": CO})
    assert june.status_code == 200, june.text
    assert june.json()["message"] == {
        "customer": "Asha Traders", "loyalty_program": PROGRAM, "loyalty_tier": "Silver",
        "loyalty_points": 34, "amount": 8.5,
        "expiring": [{"expiry_date": "2026-08-02", "loyalty_points": 25},
                     {"expiry_date": "2026-08-30", "loyalty_points": 9}]}
    assert (august.json()["message"]["loyalty_points"],
            august.json()["message"]["amount"]) == (9, 2.25)
    history = report.json()["message"]
    assert [(r["entry_type"], r["loyalty_points"]) for r in history["rows"]] == [
        ("Earned", 35), ("Redeemed", -10), ("Earned", 9)]
    assert history["totals"]["loyalty_points"] == 34
    assert history["rows"][-1]["voucher_no"] == paid.name
    assert missing.status_code == 422


def test_the_desk_shows_the_program_form_and_the_points_report(site):
    handle = loyalty_books(site)
    with handle.tx() as ctx:
        make_program(ctx)
    with handle.client(follow_redirects=False) as web:
        page = web.get("/login")
        web.post("/login", data={"usr": "admin", "pwd": PASSWORD,
                                 "csrf_token": csrf(page.text), "next": "/app"})
        form = web.get(f"/app/Loyalty Program/{PROGRAM}")
        report = web.get("/app/report/loyalty.customer_points")
    assert form.status_code == 200 and "Value of a Point" in form.text
    assert report.status_code == 200 and "Customer Loyalty Points" in report.text


def csrf(html):
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def test_another_tenant_sees_none_of_the_points(site):
    handle = loyalty_books(site)
    other = loyalty_books(site)
    with handle.tx() as ctx:
        make_item(ctx, "CHAIR")
        make_program(ctx)
        member(ctx, "Asha Traders")
        sales_invoice(ctx, "Asha Traders", [("CHAIR", 1, 1000)], taxes=False)
    with other.client(headers=other.auth) as api:
        listed = api.get("/api/resource/Loyalty Point Entry")
    assert listed.status_code == 200 and listed.json()["data"] == []
    with other.tx() as ctx:
        assert query.count(ctx, "Loyalty Point Entry") == 0
