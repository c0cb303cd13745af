"""Paying with points: at a till (also over the terminal API) and on a sales invoice,
with the liability released; and the redemptions refused.

    Shop Rewards: a point is worth 0.25. Every story starts with Asha Traders holding
    35 points (8.75 of liability) from 3 Chair @ 1,000.00 + 18% GST = 3,540.00.
"""

import pytest

from core.db import query
from modules.accounting.tests.builders import account_balances, gl_lines
from modules.inventory.tests.builders import CO, assert_books_in_step, make_item
from modules.loyalty.errors import InsufficientPoints, InvalidRedemption, RedemptionOverTotal
from modules.loyalty.tests.builders import (
    LIABILITY,
    D,
    balance,
    entries,
    loyalty_books,
    make_program,
    member,
    points_profile,
    sales_invoice,
)
from modules.pos.tests.builders import (
    PROFILE,
    close_session,
    make_profile,
    open_session,
    sale,
    stocked_item,
)

SUBMIT = "/api/method/pos.submit_invoice"


def holding_35_points(site):
    handle = loyalty_books(site)
    with handle.tx() as ctx:
        make_item(ctx, "CHAIR")
        stocked_item(ctx, "LAMP", 10, 400, 1250)
        make_program(ctx)
        member(ctx, "Asha Traders")
        first = sales_invoice(ctx, "Asha Traders", [("CHAIR", 3, 1000)])
        make_profile(ctx)
        points_profile(ctx)
        opening = open_session(ctx)
    return handle, first.name, opening


def test_points_pay_part_of_a_counter_sale_sent_by_a_terminal(site):
    """1 Lamp @ 1,250.00 (no tax): 20 points redeemed = 5.00 in Loyalty Points, 1,245.00
    in cash. The sale earns on what was not paid with points: floor(1,245 / 100) = 12
    points (3.00). Balance 35 - 20 + 12 = 27 points.

    The closing debits the liability with the points payment: Liability 8.75 + 3.00 -
    5.00 = 6.75 Cr = 27 x 0.25."""
    handle, _, opening = holding_35_points(site)
    invoice = {"uuid": "till-1", "pos_profile": PROFILE, "posting_date": "2026-05-04",
               "customer": "Asha Traders", "redeem_loyalty_points": 1,
               "loyalty_points": 20, "items": [{"item_code": "LAMP", "qty": 1}],
               "payments": [{"mode_of_payment": "Cash", "amount": "1245"}]}
    with handle.client(headers=handle.auth) as api:
        answer = api.post(SUBMIT, json={"invoice": invoice})
    assert answer.status_code == 200, answer.text
    name = answer.json()["message"]["name"]
    with handle.tx() as ctx:
        paid = query.select_rows(ctx, "POS Invoice Payment", fields=[
            "mode_of_payment", "amount", "account"], filters={"parent": name},
            order_by="idx asc")
        assert paid == [
            {"mode_of_payment": "Cash", "amount": D("1245.00"), "account": "Cash - PF"},
            {"mode_of_payment": "Loyalty Points", "amount": D("5.00"),
             "account": LIABILITY}]
        assert query.get_value(ctx, "POS Invoice", name, "loyalty_amount") == D("5.00")
        assert ("Redeemed", -20, name) in entries(ctx, "Asha Traders")
        assert ("Earned", 12, name) in entries(ctx, "Asha Traders")
        assert balance(ctx, "Asha Traders") == 27
        closing = close_session(ctx, opening, {"Cash": "3245", "Loyalty Points": "5"})
        assert (LIABILITY, D("5.00"), D("0.00")) in gl_lines(ctx, closing.name)
        assert account_balances(ctx, CO)[LIABILITY] == D("-6.75")
        assert_books_in_step(ctx)


def test_points_reduce_what_a_sales_invoice_leaves_owing(site):
    """1 Chair @ 1,000.00 (no tax), 30 points redeemed = 7.50: Dr Liability 7.50 /
    Cr Debtors 7.50 against the invoice, outstanding 992.50. It earns floor(992.50 /
    100) = 9 points (2.25 deferred). Balance 35 - 30 + 9 = 14; liability 8.75 - 7.50 +
    2.25 = 3.50 = 14 x 0.25."""
    handle, _, _ = holding_35_points(site)
    with handle.tx() as ctx:
        invoice = sales_invoice(ctx, "Asha Traders", [("CHAIR", 1, 1000)], taxes=False,
                                redeem_loyalty_points=1, loyalty_points=30)
        assert invoice.loyalty_amount == D("7.50")
        assert gl_lines(ctx, invoice.name) == [
            ("Debtors - PF", D("0.00"), D("7.50")),
            ("Debtors - PF", D("1000.00"), D("0.00")),
            (LIABILITY, D("0.00"), D("2.25")),
            (LIABILITY, D("7.50"), D("0.00")),
            ("Loyalty Revenue Deferred - PF", D("2.25"), D("0.00")),
            ("Sales - PF", D("0.00"), D("1000.00")),
        ]
        assert query.get_value(ctx, "Sales Invoice", invoice.name,
                               "outstanding_amount") == D("992.50")
        assert balance(ctx, "Asha Traders") == 14
        assert account_balances(ctx, CO)[LIABILITY] == D("-3.50")
        assert_books_in_step(ctx)


def test_more_points_than_held_are_refused_and_nothing_is_written(site):
    handle, first, _ = holding_35_points(site)
    with handle.tx() as ctx, pytest.raises(InsufficientPoints) as refused:
        sales_invoice(ctx, "Asha Traders", [("CHAIR", 1, 1000)], taxes=False,
                      redeem_loyalty_points=1, loyalty_points=36)
    assert refused.value.code == "LOYALTY-INSUFFICIENT"
    with handle.tx() as ctx:
        assert query.count(ctx, "Sales Invoice") == 1
        assert entries(ctx, "Asha Traders") == [("Earned", 35, first)]
        assert_books_in_step(ctx)


def test_points_worth_more_than_the_total_are_refused(site):
    """35 points = 8.75 on a 5.00 invoice."""
    handle, _, _ = holding_35_points(site)
    with handle.tx() as ctx, pytest.raises(RedemptionOverTotal):
        sales_invoice(ctx, "Asha Traders", [("CHAIR", 1, 5)], taxes=False,
                      redeem_loyalty_points=1, loyalty_points=35)


def test_paying_in_points_without_redeeming_them_is_refused(site):
    """A till that puts 5.00 in Loyalty Points without redeeming points would release
    liability no points stand for."""
    handle, _, _ = holding_35_points(site)
    with handle.tx() as ctx, pytest.raises(InvalidRedemption):
        sale(ctx, [{"item_code": "LAMP", "qty": 1}],
             [("Cash", "1245"), ("Loyalty Points", "5")], customer="Asha Traders")
    with handle.client(headers=handle.auth) as api:
        answer = api.post(SUBMIT, json={"invoice": {
            "uuid": "till-2", "pos_profile": PROFILE, "posting_date": "2026-05-04",
            "customer": "Asha Traders", "items": [{"item_code": "LAMP", "qty": 1}],
            "payments": [{"mode_of_payment": "Cash", "amount": "1245"},
                         {"mode_of_payment": "Loyalty Points", "amount": "5"}]}})
    assert answer.status_code == 422
    assert answer.json()["code"] == "LOYALTY-REDEMPTION"
    with handle.tx() as ctx:
        assert query.count(ctx, "POS Invoice") == 0
        assert_books_in_step(ctx)
