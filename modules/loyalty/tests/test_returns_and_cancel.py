"""A return takes back the points its sale no longer earns, with their deferred
revenue; a cancel puts back every point the document moved and its voucher's reversal
takes back what it posted.

    Shop Rewards: a point is worth 0.25; Silver 1 point per 100.00.
    The sale: 3 Chair @ 1,000.00 + 18% GST = 3,540.00: 35 points (8.75).
"""

import pytest

from core import lifecycle
from core.db import query
from modules.accounting.tests.builders import account_balances, gl_lines
from modules.inventory.tests.builders import CO, assert_books_in_step, make_item
from modules.loyalty.errors import PointsAlreadyUsed
from modules.loyalty.tests.builders import (
    DEFERRED,
    LIABILITY,
    D,
    balance,
    entries,
    loyalty_books,
    make_program,
    member,
    sales_invoice,
)
from modules.pos.tests.builders import make_profile, open_session, sale, stocked_item


def three_chairs(site):
    handle = loyalty_books(site)
    with handle.tx() as ctx:
        make_item(ctx, "CHAIR")
        make_program(ctx)
        member(ctx, "Asha Traders")
        name = sales_invoice(ctx, "Asha Traders", [("CHAIR", 3, 1000)]).name
    return handle, name


def credit_note(ctx, against, qty):
    return sales_invoice(ctx, "Asha Traders", [("CHAIR", -qty, 1000)], is_return=1,
                         return_against=against)


def test_returns_take_back_the_points_of_what_came_back(site):
    """Return 1 Chair: -1,180.00. The kept 2,360.00 earns floor(2,360 / 100) = 23 of
    the 35 points: 12 taken back, 3.00 of deferred revenue released (Dr Liability /
    Cr Loyalty Revenue Deferred). Return the other 2: -2,360.00, nothing kept, the
    last 23 points (5.75) come back. Liability and deferral end at nil."""
    handle, sold = three_chairs(site)
    with handle.tx() as ctx:
        first = credit_note(ctx, sold, 1)
        assert gl_lines(ctx, first.name) == [
            ("Debtors - PF", D("0.00"), D("1180.00")),
            (LIABILITY, D("3.00"), D("0.00")),
            (DEFERRED, D("0.00"), D("3.00")),
            ("Output Tax CGST - PF", D("90.00"), D("0.00")),
            ("Output Tax SGST - PF", D("90.00"), D("0.00")),
            ("Sales - PF", D("1000.00"), D("0.00")),
        ]
        assert balance(ctx, "Asha Traders") == 23
        second = credit_note(ctx, sold, 2)
        assert entries(ctx, "Asha Traders") == [
            ("Earned", 35, sold), ("Reversed", -12, first.name),
            ("Reversed", -23, second.name)]
        assert balance(ctx, "Asha Traders") == 0
        balances = account_balances(ctx, CO)
        assert (balances.get(LIABILITY), balances.get(DEFERRED)) == (None, None)
        assert query.get_value(ctx, "Customer", "Asha Traders", "loyalty_tier") == "Silver"
        assert_books_in_step(ctx)


def test_a_return_takes_from_a_balance_only_what_is_there(site):
    """30 of the 35 points are spent on a 1,000.00 invoice (7.50 off; it earns 9).
    Returning all 3 chairs would take back 35, but only 5 + 9 = 14 are held: 14 come
    back (3.50); the customer keeps what they already spent."""
    handle, sold = three_chairs(site)
    with handle.tx() as ctx:
        sales_invoice(ctx, "Asha Traders", [("CHAIR", 1, 1000)], taxes=False,
                      redeem_loyalty_points=1, loyalty_points=30)
        returned = credit_note(ctx, sold, 3)
        assert sorted(p for t, p, v in entries(ctx, "Asha Traders")
                      if v == returned.name) == [-9, -5]
        assert balance(ctx, "Asha Traders") == 0
        assert account_balances(ctx, CO).get(LIABILITY) is None
        assert_books_in_step(ctx)


def test_cancelling_a_sale_puts_its_points_and_postings_back(site):
    """The invoice's cancel reverses its whole voucher, deferral included; the points
    ledger gets -35 Cancelled. Every account nets to nil."""
    handle, sold = three_chairs(site)
    with handle.tx() as ctx:
        lifecycle.cancel(ctx, "Sales Invoice", sold)
        assert entries(ctx, "Asha Traders") == [("Earned", 35, sold),
                                                 ("Cancelled", -35, sold)]
        assert balance(ctx, "Asha Traders") == 0
        assert account_balances(ctx, CO) == {}
        assert_books_in_step(ctx)


def test_cancelling_a_redemption_gives_the_points_back(site):
    """The 1,000.00 invoice paid 7.50 with 30 points and earned 9; cancelled, the
    balance is the first 35 again and the liability 8.75."""
    handle, sold = three_chairs(site)
    with handle.tx() as ctx:
        paid = sales_invoice(ctx, "Asha Traders", [("CHAIR", 1, 1000)], taxes=False,
                             redeem_loyalty_points=1, loyalty_points=30)
        lifecycle.cancel(ctx, "Sales Invoice", paid.name)
        assert balance(ctx, "Asha Traders") == 35
        assert account_balances(ctx, CO)[LIABILITY] == D("-8.75")
        assert_books_in_step(ctx)


def test_a_sale_whose_points_were_spent_cannot_be_cancelled(site):
    handle, sold = three_chairs(site)
    with handle.tx() as ctx:
        paid = sales_invoice(ctx, "Asha Traders", [("CHAIR", 1, 1000)], taxes=False,
                             redeem_loyalty_points=1, loyalty_points=30)
    with handle.tx() as ctx, pytest.raises(PointsAlreadyUsed) as refused:
        lifecycle.cancel(ctx, "Sales Invoice", sold)
    assert paid.name in refused.value.message
    with handle.tx() as ctx:
        assert query.get_value(ctx, "Sales Invoice", sold, "docstatus") == 1
        assert balance(ctx, "Asha Traders") == 14
        assert_books_in_step(ctx)


def test_a_counter_return_takes_back_points_proportionally(site):
    """4 Lamp @ 1,250.00 = 5,000.00 (no tax): 50 points (12.50). 1 Lamp returned
    (-1,250.00, refunded in cash): the kept 3,750.00 earns 37; 13 points (3.25) come
    back, posted with the return."""
    handle = loyalty_books(site)
    with handle.tx() as ctx:
        stocked_item(ctx, "LAMP", 10, 400, 1250)
        make_program(ctx)
        member(ctx, "Ravi Kumar")
        make_profile(ctx)
        open_session(ctx)
        sold = sale(ctx, [{"item_code": "LAMP", "qty": 4}], [("Cash", "5000")],
                    customer="Ravi Kumar")
        back = sale(ctx, [{"item_code": "LAMP", "qty": -1}], [("Cash", "-1250")],
                    is_return=1, return_against=sold.name)
        assert entries(ctx, "Ravi Kumar") == [("Earned", 50, sold.name),
                                               ("Reversed", -13, back.name)]
        assert (LIABILITY, D("3.25"), D("0.00")) in gl_lines(ctx, back.name)
        assert account_balances(ctx, CO)[LIABILITY] == D("-9.25")
        assert_books_in_step(ctx)


def test_a_credit_note_gives_back_its_share_of_the_points_paid(site):
    """2 Chair @ 500.00 = 1,000.00 (no tax), 30 points paid 7.50; earns floor(992.50 /
    100) = 9. Balance 35 - 30 + 9 = 14.

    1 Chair comes back (-500.00):
    - of the 9 earned, the kept 492.50 earns 4: 5 taken back (1.25);
    - of the 30 paid, floor(30 x 500 / 1,000) = 15 come back (3.75), so the invoice
      stays owed 992.50 - 500.00 + 3.75 = 496.25 instead of being in credit for them:
      Dr Debtors 3.75 / Cr Liability 3.75.
    Balance 14 - 5 + 15 = 24; liability 3.50 - 1.25 + 3.75 = 6.00 = 24 x 0.25.
    Cancelling the credit note puts both back."""
    handle, _ = three_chairs(site)
    with handle.tx() as ctx:
        paid = sales_invoice(ctx, "Asha Traders", [("CHAIR", 2, 500)], taxes=False,
                             redeem_loyalty_points=1, loyalty_points=30)
        note = sales_invoice(ctx, "Asha Traders", [("CHAIR", -1, 500)], taxes=False,
                             is_return=1, return_against=paid.name)
        assert [(t, p) for t, p, v in entries(ctx, "Asha Traders") if v == note.name] \
            == [("Restored", 15), ("Reversed", -5)]
        assert gl_lines(ctx, note.name) == [
            ("Debtors - PF", D("0.00"), D("500.00")),
            ("Debtors - PF", D("3.75"), D("0.00")),
            (LIABILITY, D("0.00"), D("3.75")),
            (LIABILITY, D("1.25"), D("0.00")),
            (DEFERRED, D("0.00"), D("1.25")),
            ("Sales - PF", D("500.00"), D("0.00")),
        ]
        assert query.get_value(ctx, "Sales Invoice", paid.name,
                               "outstanding_amount") == D("496.25")
        assert balance(ctx, "Asha Traders") == 24
        assert account_balances(ctx, CO)[LIABILITY] == D("-6.00")
        assert_books_in_step(ctx)
    with handle.tx() as ctx:
        lifecycle.cancel(ctx, "Sales Invoice", note.name)
        assert balance(ctx, "Asha Traders") == 14
        assert account_balances(ctx, CO)[LIABILITY] == D("-3.50")
        assert query.get_value(ctx, "Sales Invoice", paid.name,
                               "outstanding_amount") == D("992.50")
        assert_books_in_step(ctx)
