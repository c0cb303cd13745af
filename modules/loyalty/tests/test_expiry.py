"""Points that lapse: what is left of each earning expires the day after its expiry
date, and its liability becomes breakage revenue, once however often the run repeats.

    Shop Rewards: a point is worth 0.25; points expire 90 days after the sale.
    2026-05-04  3 Chair + GST = 3,540.00: 35 points, valid through 2026-08-02
    2026-06-01  1 Chair @ 1,000.00 pays 7.50 with 10 points; earns floor(992.50 / 100)
                = 9 points, valid through 2026-08-30
"""

import datetime as dt

from core.db import query
from core.jobs import enqueue
from core.scheduler import tick
from modules.accounting.tests.builders import account_balances, gl_lines
from modules.inventory.tests.builders import CO, assert_books_in_step, make_item
from modules.loyalty import expiry
from modules.loyalty.tests.builders import (
    BREAKAGE,
    LIABILITY,
    D,
    balance,
    loyalty_books,
    make_program,
    member,
    sales_invoice,
)

EXPIRY_DAY = dt.date(2026, 8, 3)


def test_expiry_releases_the_unspent_points_once(site):
    """On 2026-08-03 the first earning has 35 - 10 = 25 points left: they expire,
    Dr Liability 6.25 / Cr Loyalty Points Breakage 6.25. The 9 later points stay
    (2.25 of liability). A second run that day expires nothing and posts nothing."""
    handle = loyalty_books(site)
    with handle.tx() as ctx:
        make_item(ctx, "CHAIR")
        make_program(ctx)
        member(ctx, "Asha Traders")
        sales_invoice(ctx, "Asha Traders", [("CHAIR", 3, 1000)])
        sales_invoice(ctx, "Asha Traders", [("CHAIR", 1, 1000)], taxes=False,
                      date="2026-06-01", redeem_loyalty_points=1, loyalty_points=10)
        assert balance(ctx, "Asha Traders", "2026-08-02") == 34
        run = expiry.expire_points(ctx, EXPIRY_DAY)
        assert (run.points, len(run.vouchers)) == (25, 1)
        assert gl_lines(ctx, run.vouchers[0]) == [(BREAKAGE, D("0.00"), D("6.25")),
                                                  (LIABILITY, D("6.25"), D("0.00"))]
        assert query.select_rows(ctx, "Loyalty Point Entry", fields=[
            "entry_type", "loyalty_points", "posting_date"],
            filters={"voucher_no": run.vouchers[0]}) == [
            {"entry_type": "Expired", "loyalty_points": -25, "posting_date": EXPIRY_DAY}]
        assert balance(ctx, "Asha Traders", "2026-08-03") == 9
        assert account_balances(ctx, CO)[LIABILITY] == D("-2.25")
    with handle.tx() as ctx:
        again = expiry.expire_points(ctx, EXPIRY_DAY)
        assert (again.points, again.vouchers) == (0, [])
        assert query.count(ctx, "GL Entry", {"account": BREAKAGE}) == 1
        assert account_balances(ctx, CO)[BREAKAGE] == D("-6.25")
        assert_books_in_step(ctx)


def test_the_expiry_method_runs_for_a_manager_over_the_api(site):
    """POST /api/method/loyalty.expire_points {"on": "2026-08-03"}: the 35 points of
    the first sale expire (8.75 of breakage)."""
    handle = loyalty_books(site)
    with handle.tx() as ctx:
        make_item(ctx, "CHAIR")
        make_program(ctx)
        member(ctx, "Asha Traders")
        sales_invoice(ctx, "Asha Traders", [("CHAIR", 3, 1000)])
    with handle.client(headers=handle.auth) as api:
        answer = api.post("/api/method/loyalty.expire_points", json={"on": "2026-08-03"})
        bad = api.post("/api/method/loyalty.expire_points", json={"on": "someday"})
    assert answer.status_code == 200, answer.text
    assert answer.json()["message"]["expired_points"] == 35
    assert bad.status_code == 422
    with handle.tx() as ctx:
        assert account_balances(ctx, CO)[BREAKAGE] == D("-8.75")
        assert account_balances(ctx, CO).get(LIABILITY) is None
        assert_books_in_step(ctx)


def test_the_expiry_job_runs_after_its_transaction_commits(site):
    """Queued from a daily job: ``modules.loyalty.jobs.expire_points`` with the day as
    text. Without Redis it runs in the same process once the queueing transaction
    commits: the 35 points expire."""
    handle = loyalty_books(site)
    with handle.tx() as ctx:
        make_item(ctx, "CHAIR")
        make_program(ctx)
        member(ctx, "Asha Traders")
        sales_invoice(ctx, "Asha Traders", [("CHAIR", 3, 1000)])
    with handle.tx() as ctx:
        job = enqueue(ctx, "modules.loyalty.jobs.expire_points", on="2026-08-03")
    with handle.tx() as ctx:
        assert query.get_value(ctx, "Background Job", job, "status") == "finished"
        assert account_balances(ctx, CO)[BREAKAGE] == D("-8.75")
        assert_books_in_step(ctx)


def test_the_scheduler_runs_the_expiry_every_day(site):
    """The module's daily job (manifest "scheduled"): by today the May points have long
    lapsed, so the scheduler's run expires all 35 of them."""
    handle = loyalty_books(site)
    with handle.tx() as ctx:
        make_item(ctx, "CHAIR")
        make_program(ctx)
        member(ctx, "Asha Traders")
        sales_invoice(ctx, "Asha Traders", [("CHAIR", 3, 1000)])
    assert (handle.name, "modules.loyalty.jobs.expire_points") in tick(site)
    with handle.tx() as ctx:
        assert account_balances(ctx, CO)[BREAKAGE] == D("-8.75")
        assert LIABILITY not in account_balances(ctx, CO)
