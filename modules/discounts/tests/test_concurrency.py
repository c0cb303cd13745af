"""The last use of a coupon claimed twice at once, on PostgreSQL (SQLite runs one writer
at a time).

- Two tills redeem a single-use coupon at the same moment: one sale posts, the other is
  refused with nothing written (no sale, no stock moved, no second redemption).
- A counter sale and a sales order race for it, the order checked while the sale is not
  yet committed: the order waits on the coupon's row, then finds it used and is refused.
"""

import threading
import time

from sqlalchemy import text

from core import lifecycle
from core.db import query
from core.errors import AppError
from modules.discounts.tests.builders import (
    ANAND,
    D,
    counter,
    coupon,
    insert,
    order,
    pos_sale,
    scheme,
    shop,
    stock_of,
    used,
)
from modules.inventory.tests.builders import assert_books_in_step
from modules.pos import terminal

EXHAUSTED = "DISC-COUPON-EXHAUSTED"


def one_coupon_shop(site, cashiers):
    handle = shop(site)
    with handle.tx() as ctx:
        for user in cashiers:
            if user != "admin":
                insert(ctx, "User", {"login": user, "roles": [{"role": "Sales User"}]})
        offer = scheme(ctx, "Last one 10%", apply_on="Transaction", discount_percentage=10,
                       coupon_only=1)
        coupon(ctx, "LASTONE", offer)
        counter(ctx, users=cashiers)
    return handle


def test_two_tills_redeeming_the_last_use_one_wins(postgres_site):
    handle = one_coupon_shop(postgres_site, ("admin", "ravi"))
    items = {"admin": "PEN", "ravi": "NOTEBOOK"}  # no shared stock row: the coupon decides
    start, outcomes = threading.Barrier(2), {}

    def sell(user):
        start.wait()
        try:
            with handle.tx(user) as ctx:
                outcomes[user] = terminal.submit_sale(ctx, pos_sale(
                    [(items[user], 1)], 100, uuid=user, coupon_code="LASTONE"))
        except AppError as exc:
            outcomes[user] = exc.code

    threads = [threading.Thread(target=sell, args=(u,)) for u in items]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    won = [u for u, o in outcomes.items() if isinstance(o, dict)]
    assert len(won) == 1, outcomes
    assert [o for o in outcomes.values() if not isinstance(o, dict)] == [EXHAUSTED]
    lost = next(u for u in items if u not in won)
    with handle.tx() as ctx:
        assert [r["uuid"] for r in query.select_rows(ctx, "POS Invoice",
                                                     fields=["uuid"])] == won
        assert used(ctx, "LASTONE") == 1
        assert query.count(ctx, "Coupon Redemption") == 1
        assert stock_of(ctx, items[won[0]]) == D("49")
        assert stock_of(ctx, items[lost]) == D("50")
        assert_books_in_step(ctx)


def _wait_for_a_blocked_session(ctx, seconds=10.0):
    """Until another session waits on a lock this transaction holds (or time is up)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if ctx.conn.execute(text(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                "AND datname = current_database()")).scalar_one():
            return
        time.sleep(0.05)


def test_an_order_checked_before_the_sale_commits_waits_and_is_refused(postgres_site):
    handle = one_coupon_shop(postgres_site, ("admin",))
    sold, outcomes = threading.Event(), {}

    def sell():
        with handle.tx() as ctx:
            outcomes["sale"] = terminal.submit_sale(ctx, pos_sale(
                [("PEN", 1)], 100, uuid="till1-0001", coupon_code="LASTONE"))
            sold.set()
            _wait_for_a_blocked_session(ctx)  # commit while the order waits on us

    def place_order():
        sold.wait()
        try:
            with handle.tx() as ctx:
                outcomes["order"] = order(ctx, [("NOTEBOOK", 1)], customer=ANAND,
                                          coupon_code="LASTONE").name
        except AppError as exc:
            outcomes["order"] = exc.code

    threads = [threading.Thread(target=sell), threading.Thread(target=place_order)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert outcomes["order"] == EXHAUSTED, outcomes
    with handle.tx() as ctx:
        assert query.count(ctx, "Sales Order") == 0
        assert used(ctx, "LASTONE") == 1
        assert [r["voucher_type"] for r in query.select_rows(
            ctx, "Coupon Redemption", fields=["voucher_type"])] == ["POS Invoice"]
        assert query.get_value(ctx, "Bin", {"item_code": "NOTEBOOK"}, "reserved_qty") == 0
        assert lifecycle.get_doc(ctx, "POS Invoice", outcomes["sale"]["name"]).grand_total \
            == D("22.50")
        assert_books_in_step(ctx)
