"""The billing desk and a till spending the same customer's last points at the same
moment, on PostgreSQL (SQLite runs one writer at a time). The desk's invoice is
submitted first and holds its transaction open; the till's sale, which counted 35
points when it was validated, waits for the customer's row, counts again once the desk
commits and is refused. The balance never goes below zero.

    Asha Traders holds 35 points (3 Chair + GST = 3,540.00), worth 8.75.
    Desk: 1 Chair @ 1,000.00 (no tax), all 35 points: releases 8.75 of liability and
          earns floor(991.25 / 100) = 9 points (2.25).
    Till: 1 Lamp @ 1,250.00, all 35 points + 1,241.25 in cash: refused.
"""

import threading
import time

from sqlalchemy import text

from core.db import query
from core.errors import AppError
from modules.accounting.tests.builders import account_balances
from modules.inventory.tests.builders import CO, assert_books_in_step, make_item
from modules.loyalty.tests.builders import (
    LIABILITY,
    D,
    balance,
    loyalty_books,
    make_program,
    member,
    points_profile,
    sales_invoice,
)
from modules.pos import terminal
from modules.pos.tests.builders import PROFILE, make_profile, open_session, stocked_item

TILL = {"uuid": "till-1", "pos_profile": PROFILE, "posting_date": "2026-05-04",
        "customer": "Asha Traders", "redeem_loyalty_points": 1, "loyalty_points": 35,
        "items": [{"item_code": "LAMP", "qty": 1}],
        "payments": [{"mode_of_payment": "Cash", "amount": "1241.25"}]}


def _wait_for_a_blocked_session(ctx, seconds=10.0):
    """Until another session waits on a lock this transaction holds (or time is up)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        waiting = ctx.conn.execute(text(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
            "AND datname = current_database()")).scalar_one()
        if waiting:
            return
        time.sleep(0.05)


def test_a_till_redeeming_points_an_invoice_is_spending_waits_and_is_refused(
        postgres_site):
    handle = loyalty_books(postgres_site)
    with handle.tx() as ctx:
        make_item(ctx, "CHAIR")
        stocked_item(ctx, "LAMP", 5, 400, 1250)
        make_program(ctx)
        member(ctx, "Asha Traders")
        sales_invoice(ctx, "Asha Traders", [("CHAIR", 3, 1000)])
        make_profile(ctx)
        points_profile(ctx)
        open_session(ctx)
    submitted, outcomes = threading.Event(), {}

    def desk():
        with handle.tx() as ctx:
            outcomes["desk"] = sales_invoice(
                ctx, "Asha Traders", [("CHAIR", 1, 1000)], taxes=False,
                redeem_loyalty_points=1, loyalty_points=35).name
            submitted.set()
            _wait_for_a_blocked_session(ctx)  # commit while the till waits on us

    def till():
        submitted.wait()
        try:
            with handle.tx() as ctx:
                outcomes["till"] = terminal.submit_sale(ctx, TILL)
        except AppError as exc:
            outcomes["till"] = exc.code

    threads = [threading.Thread(target=desk), threading.Thread(target=till)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert outcomes["till"] == "LOYALTY-INSUFFICIENT", outcomes
    with handle.tx() as ctx:
        assert query.count(ctx, "POS Invoice") == 0
        assert query.count(ctx, "Sales Invoice") == 2
        assert balance(ctx, "Asha Traders") == 9
        assert account_balances(ctx, CO)[LIABILITY] == D("-2.25")
        assert_books_in_step(ctx)
