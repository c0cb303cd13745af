"""A whole day at a till with coupons and loyalty, sent the way terminals send it.

    Pens sell at 25.00 (cost 10.00, 300 in stock), notebooks at 40.00 (cost 20.00, 100
    in stock). The counter opens with 2,000.00 cash. Shop Rewards: Silver earns a point
    per 100.00 spent, a point is worth 0.25. Coupon FESTIVE10: 10% off the bill.

    50 sales through pos.submit_invoice. Sale k buys (k mod 3) + 1 pens and, when k is
    even, a notebook; k mod 3 = 0 pays by card, 1 in cash rounded up to the next 50.00
    (change back), 2 by UPI. Except:
      sale 10 and sale 20: Asha (a member) buys 10 notebooks more, paying by card;
        sale 10 = 2 pens + 11 notebooks = 490.00 -> 4 points; sale 20 = 3 pens + 11
        notebooks = 515.00 -> 5 points. 9 points earned: 2.25 deferred.
      sale 30: Asha redeems her 9 points (2.25) on 1 pen + 1 notebook = 65.00, the
        rest (62.75) by card; 0 points earned (62.75 < 100).
      sale 40: FESTIVE10 on 2 pens + 1 notebook = 90.00 -> 81.00, cash 100.00, change
        19.00.
    2 returns: 1 pen of sale 5 (25.00) and 1 notebook of sale 8 (40.00), refunded in
    cash. Closing: cash counted 50.00 short.

    The day: 101 pens and 45 notebooks sold, 1 of each back; sales 4,251.00 net of the
    returns = cash 1,150.00 taken - 79.00 change - 65.00 refunded = 1,006.00 + card
    1,722.75 + UPI 1,520.00 + points 2.25. Cost of goods 100 x 10 + 44 x 20 = 1,880.00.
    Points: 9 earned (Dr Loyalty Revenue Deferred 2.25 / Cr Liability) and 9 redeemed
    (the closing debits the liability with the points payment): the liability is back
    to zero, and revenue net of the deferral is 4,251.00 - 2.25 = 4,248.75, what the
    customers paid in money.

    Every expected figure below is added up from that list, sale by sale, in plain
    arithmetic (`day`), never read back from the product.
"""

from __future__ import annotations

import math
from decimal import Decimal as D

from core.db import query
from modules.accounting.tests.builders import (
    account_balances,
    assert_ledger_balanced,
    assert_subledger_consistent,
    gl_lines,
)
from modules.discounts.tests.builders import coupon, scheme
from modules.inventory.tests.builders import CO, assert_books_in_step
from modules.loyalty.tests.builders import (
    DEFERRED,
    LIABILITY,
    balance,
    make_program,
    member,
    points_profile,
)
from modules.pos.tests.builders import (
    PROFILE,
    bin_of,
    close_session,
    make_profile,
    open_session,
    pos_books,
    stocked_item,
)

SUBMIT = "/api/method/pos.submit_invoice"
ASHA = "Asha Traders"
PEN, NOTEBOOK = D("25.00"), D("40.00")
MODES = {0: "Card", 1: "Cash", 2: "UPI"}


def day():
    """Each sale as (pens, notebooks, customer or None, extra fields, payments, net
    total, change, points earned), with what the day adds up to."""
    sales = []
    for k in range(1, 51):
        pens, notebooks = k % 3 + 1, 1 if k % 2 == 0 else 0
        extra, customer = {}, None
        if k in (10, 20):
            notebooks, customer = notebooks + 10, ASHA
        total = pens * PEN + notebooks * NOTEBOOK
        if k == 40:
            extra = {"coupon_code": "FESTIVE10"}
            total = total * D("0.9")
        mode = "Card" if customer else MODES[k % 3]
        if k == 30:
            customer = ASHA
            extra = {"redeem_loyalty_points": 1, "loyalty_points": 9}
            payments = [("Card", total - D("2.25"))]
        elif mode == "Cash":
            payments = [("Cash", D(math.ceil(total / 50) * 50))]
        else:
            payments = [(mode, total)]
        paid = sum(a for _, a in payments) + (D("2.25") if k == 30 else 0)
        earned = int(total // 100) if customer and k != 30 else 0
        sales.append((pens, notebooks, customer, extra, payments, total, paid - total,
                      earned))
    return sales


def terminal_sale(k, pens, notebooks, customer, extra, payments):
    items = [{"item_code": "PEN", "qty": pens}]
    if notebooks:
        items.append({"item_code": "NOTEBOOK", "qty": notebooks})
    invoice = {"uuid": f"till-1-{k:03d}", "pos_profile": PROFILE,
               "posting_date": "2026-05-04", "items": items,
               "payments": [{"mode_of_payment": m, "amount": str(a)} for m, a in payments],
               **extra}
    if customer:
        invoice["customer"] = customer
    return invoice


def test_a_terminal_day_with_returns_a_coupon_and_loyalty_points(site):
    handle = pos_books(site, ("loyalty", "discounts"))
    with handle.tx() as ctx:
        stocked_item(ctx, "PEN", 300, 10, 25)
        stocked_item(ctx, "NOTEBOOK", 100, 20, 40)
        make_program(ctx)
        member(ctx, ASHA)
        festive = scheme(ctx, "Festive 10", apply_on="Transaction", coupon_only=1,
                         discount_type="Discount Percentage", discount_percentage=10)
        coupon(ctx, "FESTIVE10", festive)
        make_profile(ctx)
        points_profile(ctx)
        opening = open_session(ctx, cash=2000)

    sales = day()
    names = {}
    with handle.client(headers=handle.auth) as api:
        for k, (pens, notebooks, customer, extra, payments, total, change, _) in \
                enumerate(sales, start=1):
            answer = api.post(SUBMIT, json={"invoice": terminal_sale(
                k, pens, notebooks, customer, extra, payments)})
            assert answer.status_code == 200, (k, answer.text)
            message = answer.json()["message"]
            assert (D(str(message["grand_total"])), D(str(message["change_amount"]))) == (
                total, change), k
            names[k] = message["name"]
        # a terminal retrying sale 7 after a timeout posts nothing new
        again = api.post(SUBMIT, json={"invoice": terminal_sale(7, *sales[6][:5])})
        assert (again.json()["message"]["name"], again.json()["message"]["duplicate"]) \
            == (names[7], True)
        for k, item, price in ((5, "PEN", PEN), (8, "NOTEBOOK", NOTEBOOK)):
            answer = api.post(SUBMIT, json={"invoice": {
                "uuid": f"till-1-return-{k}", "pos_profile": PROFILE,
                "posting_date": "2026-05-04", "is_return": 1, "return_against": names[k],
                "items": [{"item_code": item, "qty": -1}],
                "payments": [{"mode_of_payment": "Cash", "amount": str(-price)}]}})
            assert answer.status_code == 200, answer.text

    revenue = sum(s[5] for s in sales) - PEN - NOTEBOOK
    cash_in = sum(a for s in sales for m, a in s[4] if m == "Cash") \
        - sum(s[6] for s in sales) - PEN - NOTEBOOK
    card = sum(a for s in sales for m, a in s[4] if m == "Card")
    upi = sum(a for s in sales for m, a in s[4] if m == "UPI")
    pens_sold = sum(s[0] for s in sales) - 1
    notebooks_sold = sum(s[1] for s in sales) - 1
    # the hand figures of the docstring's story
    assert (len(sales), sum(s[7] for s in sales)) == (50, 9)
    assert (revenue, cash_in, card, upi) == (D("4251.00"), D("1006.00"), D("1722.75"),
                                             D("1520.00"))
    assert (pens_sold, notebooks_sold) == (100, 44)  # 101 pens and 45 notebooks sold

    with handle.tx() as ctx:
        assert query.count(ctx, "POS Invoice") == 52
        assert query.get_value(ctx, "Coupon Code", "FESTIVE10", "used") == 1
        assert balance(ctx, ASHA) == 0
        assert account_balances(ctx, CO)[DEFERRED] == D("2.25")
        assert bin_of(ctx, "PEN") == (D(300 - pens_sold), D((300 - pens_sold) * 10))
        assert bin_of(ctx, "NOTEBOOK") == (D(100 - notebooks_sold),
                                           D((100 - notebooks_sold) * 20))

        counted = {"Cash": D(2000) + cash_in - 50, "Card": card, "UPI": upi}
        closing = close_session(ctx, opening, {m: str(a) for m, a in counted.items()})
        assert gl_lines(ctx, closing.name) == sorted([
            ("Card Clearing - PF", card, D("0.00")),
            ("Cash - PF", cash_in, D("0.00")),
            ("Cash - PF", D("0.00"), D("50.00")),
            (LIABILITY, D("2.25"), D("0.00")),
            ("Sales - PF", D("0.00"), revenue),
            ("UPI Clearing - PF", upi, D("0.00")),
            ("Write Off - PF", D("50.00"), D("0.00"))])
        assert closing.invoice_count == 52
        balances = account_balances(ctx, CO)
        assert balances["Sales - PF"] == -revenue
        assert balances["Cost of Goods Sold - PF"] == pens_sold * 10 + notebooks_sold * 20
        assert balances["Cash - PF"] == cash_in - 50
        assert LIABILITY not in balances  # 9 points earned, 9 redeemed
        assert balances[DEFERRED] == D("2.25")
        assert query.get_value(ctx, "POS Opening Entry", opening, "status") == "Closed"
        assert {r["status"] for r in query.select_rows(
            ctx, "POS Invoice", fields=["status"])} == {"Consolidated"}
        assert_ledger_balanced(ctx, CO)
        assert_subledger_consistent(ctx)
        assert_books_in_step(ctx)
