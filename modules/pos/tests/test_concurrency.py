"""Two tills at once, on PostgreSQL (SQLite runs one writer at a time).

- The last Pen sold by two cashiers at the same moment: one sale wins, the other is
  refused for want of stock, and the shelf shows 0 (not -1).
- A terminal's retry racing its own first attempt: one sale is stored, and the retry
  answers it as a duplicate.
"""

import threading
import time

from sqlalchemy import text

from core import lifecycle
from core.db import query
from core.errors import AppError
from modules.inventory.tests.builders import assert_books_in_step
from modules.pos import terminal
from modules.pos.tests.builders import (
    PROFILE,
    D,
    bin_of,
    make_profile,
    open_session,
    pos_books,
    stocked_item,
)

LAST_PEN = {"pos_profile": PROFILE, "posting_date": "2026-05-04",
            "items": [{"item_code": "PEN", "qty": 1}],
            "payments": [{"mode_of_payment": "Cash", "amount": 25}]}


def shop(site, cashiers):
    handle = pos_books(site)
    with handle.tx() as ctx:
        stocked_item(ctx, "PEN", 1, 10, 25)
        for user in cashiers:
            if user != "admin":
                lifecycle.insert(ctx, lifecycle.new_doc(ctx, "User", {
                    "login": user, "roles": [{"role": "Sales User"}]}))
        make_profile(ctx, users=cashiers)
        for user in cashiers:
            open_session(ctx, user=user)
    return handle


def test_two_cashiers_selling_the_last_unit_one_wins(postgres_site):
    handle = shop(postgres_site, ("admin", "ravi"))
    start, outcomes = threading.Barrier(2), {}

    def sell(user):
        start.wait()
        try:
            with handle.tx(user) as ctx:
                outcomes[user] = terminal.submit_sale(ctx, LAST_PEN | {"uuid": user})
        except AppError as exc:
            outcomes[user] = exc.code

    threads = [threading.Thread(target=sell, args=(u,)) for u in ("admin", "ravi")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    won = [u for u, o in outcomes.items() if isinstance(o, dict)]
    assert len(won) == 1, outcomes
    assert [o for o in outcomes.values() if not isinstance(o, dict)] == ["STK-NEGATIVE"]
    with handle.tx() as ctx:
        assert [r["uuid"] for r in query.select_rows(ctx, "POS Invoice",
                                                     fields=["uuid"])] == won
        assert bin_of(ctx, "PEN") == (D("0"), D("0.00"))
        assert_books_in_step(ctx)


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


def test_a_retry_racing_its_first_attempt_answers_the_stored_sale(postgres_site):
    handle = shop(postgres_site, ("admin",))
    inserted, results = threading.Event(), {}
    sale = LAST_PEN | {"uuid": "till1-0042"}

    def first():
        with handle.tx() as ctx:
            results["first"] = terminal.submit_sale(ctx, sale)
            inserted.set()
            _wait_for_a_blocked_session(ctx)  # commit while the retry waits on us

    def retry():
        inserted.wait()
        with handle.tx() as ctx:
            results["retry"] = terminal.submit_sale(ctx, sale)

    threads = [threading.Thread(target=first), threading.Thread(target=retry)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results["first"]["duplicate"] is False
    assert results["retry"] == results["first"] | {"duplicate": True}
    with handle.tx() as ctx:
        assert query.count(ctx, "POS Invoice") == 1
        assert bin_of(ctx, "PEN") == (D("0"), D("0.00"))
        assert_books_in_step(ctx)
