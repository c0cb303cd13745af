"""Schemes and coupons at the counter, through the terminal API.

    Notebooks 10% off (automatic); TILL5 gives 5.00 off the bill on top (stackable).
    2 Notebooks at 60.00 - 10% = 54.00 = 108.00; 3 Pens at 25.00 = 75.00; 183.00
    5.00 off, by amount: Notebooks 5 x 108 / 183 = 2.95 -> 105.05 / 2 = 52.53 (105.06,
    0.01 short); Pens 2.05 + 0.01 -> 72.94, which 3 units cannot make at one rate:
    2 at 24.31 = 48.62 and 1 at 24.32.   105.06 + 48.62 + 24.32 = 178.00
    Paid 200.00 cash: change 22.00. Cost at once: 2 x 30.00 + 3 x 10.00 = 90.00.
    A return of 1 Notebook refunds it at the sale's rate, 52.53; the coupon stays used.
    Closing, cash counted 1,125.47: Cash 125.47 (200.00 in, 22.00 change, 52.53
    refunded) / Sales 125.47.
"""

from core import lifecycle
from modules.accounting.tests.builders import gl_lines
from modules.discounts.tests.builders import (
    COGS,
    STOCK,
    D,
    counter,
    coupon,
    insert,
    pos_sale,
    scheme,
    shop,
    stock_of,
    used,
)
from modules.inventory.tests.builders import assert_books_in_step
from modules.pos.tests.builders import close_session

SUBMIT = "/api/method/pos.submit_invoice"


def test_a_coupon_sent_by_the_terminal_discounts_the_sale(site):
    handle = shop(site)
    with handle.tx() as ctx:
        notebooks = scheme(ctx, "Notebooks 10%", items=["NOTEBOOK"],
                           discount_percentage=10)
        till = scheme(ctx, "Till 5 off", apply_on="Transaction", stackable=1,
                      coupon_only=1, discount_type="Discount Amount", discount_amount=5)
        coupon(ctx, "TILL5", till)
        counter(ctx)
    sale = pos_sale([("NOTEBOOK", 2), ("PEN", 3)], 200, uuid="till1-0001",
                    coupon_code="till5")
    with handle.client(headers=handle.auth) as api:
        response = api.post(SUBMIT, json={"invoice": sale})
    assert response.status_code == 200, response.text
    answer = response.json()["message"]
    assert (answer["grand_total"], answer["change_amount"]) == (178.0, 22.0)
    with handle.tx() as ctx:
        stored = lifecycle.get_doc(ctx, "POS Invoice", answer["name"])
        assert stored.coupon_code == "TILL5" and used(ctx, "TILL5") == 1
        both = f"{notebooks}, {till}"
        assert [(r.item_code, r.qty, r.rate, r.amount, r.promotional_scheme)
                for r in stored.items] == [
            ("NOTEBOOK", D("2"), D("52.53"), D("105.06"), both),
            ("PEN", D("2"), D("24.31"), D("48.62"), till),
            ("PEN", D("1"), D("24.32"), D("24.32"), till)]
        assert gl_lines(ctx, stored.name) == [(COGS, D("90.00"), D("0.00")),
                                              (STOCK, D("0.00"), D("90.00"))]
        assert (stock_of(ctx, "NOTEBOOK"), stock_of(ctx, "PEN")) == (D("48"), D("47"))
        back = insert(ctx, "POS Invoice", pos_sale(
            [("NOTEBOOK", -1)], 0, is_return=1, return_against=stored.name,
            docstatus=1) | {"payments": []})
        assert [(r.rate, r.amount, r.promotional_scheme) for r in back.items] == [
            (D("52.53"), D("-52.53"), None)]
        assert back.coupon_code is None and used(ctx, "TILL5") == 1
        closing = close_session(ctx, stored.pos_opening_entry, {"Cash": "1125.47"})
        assert gl_lines(ctx, closing.name) == [("Cash - PF", D("125.47"), D("0.00")),
                                               ("Sales - PF", D("0.00"), D("125.47"))]
        assert_books_in_step(ctx)


def test_an_offline_batch_uses_a_single_use_coupon_once(site):
    """Two queued sales both carry ONCE (10% off): the first posts at 22.50, the second
    is refused for the coupon and moves no stock; the third, without it, posts at 25.00."""
    handle = shop(site)
    with handle.tx() as ctx:
        offer = scheme(ctx, "Once 10%", apply_on="Transaction", discount_percentage=10,
                       coupon_only=1)
        coupon(ctx, "ONCE", offer)
        counter(ctx)
    batch = [pos_sale([("PEN", 1)], 25, uuid="b-1", coupon_code="once"),
             pos_sale([("PEN", 1)], 25, uuid="b-2", coupon_code="once"),
             pos_sale([("PEN", 1)], 25, uuid="b-3")]
    with handle.client(headers=handle.auth) as api:
        answer = api.post("/api/method/pos.submit_batch", json={"invoices": batch})
    assert answer.status_code == 200, answer.text
    results = answer.json()["message"]
    assert [r.get("grand_total") for r in results] == [22.5, None, 25.0]
    assert (results[1]["code"], results[1]["field"]) == (
        "DISC-COUPON-EXHAUSTED", "coupon_code")
    with handle.tx() as ctx:
        assert stock_of(ctx, "PEN") == D("48") and used(ctx, "ONCE") == 1
        assert_books_in_step(ctx)
