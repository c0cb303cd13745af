"""Documents of one category submitted at once on PostgreSQL: the second waits for the
first, so it sees the first's catch-up and never takes the same earlier bill again.

    Ravi Builders: bill of 20,000.00 (untaxed), then two drafts of 90,000.00 submitted
    at once. The first crosses 1,00,000: 1% of 90,000 + 20,000 = 1,100.00; the second
    waits, and once the first is committed it is taxed on its own 90,000.00: 900.00.
"""

import threading
import time

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from core import lifecycle
from modules.tds_india.tests.builders import (
    CO,
    CONTRACTOR,
    RAVI_PAN,
    D,
    bill,
    covered,
    make_company,
    supplier,
    tds_tenant,
)


def submit(ctx, name: str):
    return lifecycle.submit(ctx, lifecycle.get_doc(ctx, "Purchase Invoice", name))


def test_bills_of_one_category_submit_one_at_a_time(postgres_site):
    handle = tds_tenant(postgres_site)
    with handle.tx() as ctx:
        make_company(ctx)
        supplier(ctx, "Ravi Builders", CONTRACTOR, RAVI_PAN)
        early = bill(ctx, "Ravi Builders", "2025-05-10", "20000")
        drafts = [bill(ctx, "Ravi Builders", date, "90000", submit=False).name
                  for date in ("2025-06-10", "2025-06-11")]
    with handle.tx() as first:
        crossing = submit(first, drafts[0])
        assert (crossing.tds_amount, covered(crossing)) == (
            D("1100.00"), [(early.name, None, D("20000.00"))])
        with pytest.raises(OperationalError, match="lock timeout"), handle.tx() as second:
            second.conn.execute(text("SET LOCAL lock_timeout = '300ms'"))
            submit(second, drafts[1])
    with handle.tx() as ctx:
        later = submit(ctx, drafts[1])
        assert (later.tds_amount, covered(later)) == (D("900.00"), [])


def test_an_advance_submitted_while_a_bill_crosses_the_threshold_is_refused(postgres_site):
    """The advance draft of 20,000.00 deducted nothing. While it is being submitted, a bill
    of 90,000.00 is submitted and holds the category: the advance waits, then finds the
    year at 1,10,000 and its TDS 200.00, and is refused rather than paid with figures the
    user did not see (409). Saved again, it shows them."""
    from modules.tds_india.errors import WithholdingChanged

    handle = tds_tenant(postgres_site)
    with handle.tx() as ctx:
        make_company(ctx)
        supplier(ctx, "Ravi Builders", CONTRACTOR, RAVI_PAN)
        draft = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Payment Entry", {
            "payment_type": "Pay", "party_type": "Supplier", "party": "Ravi Builders",
            "company": CO, "posting_date": "2025-06-05", "paid_amount": "20000",
            "tax_withholding_category": CONTRACTOR}))
    outcome: list[BaseException] = []

    def pay() -> None:
        try:
            with handle.tx() as second:
                lifecycle.submit(second, lifecycle.get_doc(second, "Payment Entry",
                                                           draft.name))
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            outcome.append(exc)

    with handle.tx() as first:
        bill(first, "Ravi Builders", "2025-06-01", "90000")
        paying = threading.Thread(target=pay)
        paying.start()
        time.sleep(1)  # the payment reaches the category lock and waits for this bill
    paying.join(timeout=30)
    assert len(outcome) == 1 and isinstance(outcome[0], WithholdingChanged)
    with handle.tx() as ctx:
        saved = lifecycle.save(ctx, lifecycle.get_doc(ctx, "Payment Entry", draft.name))
        assert (saved.docstatus, saved.tds_amount, saved.paid_amount) == (
            0, D("200.00"), D("19800.00"))
