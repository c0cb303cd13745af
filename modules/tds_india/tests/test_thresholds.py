"""Thresholds of 194C for Ravi Builders (an individual: 1%, single bill above 30,000,
year above 1,00,000), and the catch-up when the year's total crosses the annual one.

    10 May   bill 20,000.00   year 20,000   below both thresholds: no TDS
    20 May   bill 25,000.00   year 45,000   no TDS
    1 June   bill 15,000.00   year 60,000   no TDS
    10 June  bill 35,000.00   year 95,000; above 30,000 by itself: 1% of 35,000 = 350.00
    1 July   bill 10,000.00   year 1,05,000 > 1,00,000: 1% of (10,000 + the three untaxed
             bills 20,000 + 25,000 + 15,000 = 70,000) = 700.00; the 35,000 bill is not
             taxed twice
"""

import pytest

from core import lifecycle
from modules.accounting.tests.builders import (
    assert_ledger_balanced,
    assert_subledger_consistent,
    gl_lines,
)
from modules.tds_india.tests.builders import (
    CO,
    CONTRACTOR,
    CREDITORS,
    RAVI_PAN,
    TDS_PAYABLE,
    D,
    bill,
    covered,
    make_company,
    outstanding,
    supplier,
    tds_tenant,
)


@pytest.fixture
def buyer(site):
    handle = tds_tenant(site)
    with handle.tx() as ctx:
        make_company(ctx)
        supplier(ctx, "Ravi Builders", CONTRACTOR, RAVI_PAN)
    return handle


def test_bills_below_both_thresholds_deduct_nothing(buyer):
    with buyer.tx() as ctx:
        first = bill(ctx, "Ravi Builders", "2025-05-10", "20000")
        assert (first.tax_withholding_category, first.tds_base_amount, first.tds_amount,
                first.grand_total) == (CONTRACTOR, D("20000.00"), D("0"), D("20000.00"))
        assert covered(first) == []
        assert gl_lines(ctx, first.name) == [("Cost of Goods Sold - PF", D("20000.00"),
                                              D("0")),
                                             (CREDITORS, D("0"), D("20000.00"))]


def test_single_bill_above_30000_is_taxed_alone(buyer):
    with buyer.tx() as ctx:
        bill(ctx, "Ravi Builders", "2025-05-10", "20000")
        big = bill(ctx, "Ravi Builders", "2025-06-10", "35000")
        assert (big.tds_taxable_amount, big.tds_rate, big.tds_amount, big.grand_total) == (
            D("35000.00"), D("1"), D("350.00"), D("34650.00"))
        assert (big.tds_on_this_bill, covered(big)) == (D("35000.00"), [])
        assert gl_lines(ctx, big.name) == [("Cost of Goods Sold - PF", D("35000.00"), D("0")),
                                           (CREDITORS, D("0"), D("34650.00")),
                                           (TDS_PAYABLE, D("0"), D("350.00"))]
        assert outstanding(ctx, "Purchase Invoice", big.name) == D("34650.00")
        assert_subledger_consistent(ctx)
        assert_ledger_balanced(ctx, CO)


def test_crossing_the_annual_threshold_catches_up_earlier_untaxed_bills(buyer):
    with buyer.tx() as ctx:
        first = bill(ctx, "Ravi Builders", "2025-05-10", "20000")
        second = bill(ctx, "Ravi Builders", "2025-05-20", "25000")
        third = bill(ctx, "Ravi Builders", "2025-06-01", "15000")
        bill(ctx, "Ravi Builders", "2025-06-10", "35000")
        last = bill(ctx, "Ravi Builders", "2025-07-01", "10000")
        assert [b.tds_amount for b in (first, second, third)] == [D("0")] * 3
        assert (last.tds_taxable_amount, last.tds_amount, last.grand_total) == (
            D("70000.00"), D("700.00"), D("9300.00"))
        assert last.tds_on_this_bill == D("10000.00")
        assert covered(last) == [(first.name, None, D("20000.00")),
                                 (second.name, None, D("25000.00")),
                                 (third.name, None, D("15000.00"))]
        assert gl_lines(ctx, last.name) == [("Cost of Goods Sold - PF", D("10000.00"), D("0")),
                                            (CREDITORS, D("0"), D("9300.00")),
                                            (TDS_PAYABLE, D("0"), D("700.00"))]
        after = bill(ctx, "Ravi Builders", "2025-07-15", "5000")
        assert (after.tds_taxable_amount, after.tds_amount) == (D("5000.00"), D("50.00"))
        assert (after.tds_on_this_bill, covered(after)) == (D("5000.00"), [])
        assert_subledger_consistent(ctx)
        assert_ledger_balanced(ctx, CO)


def test_cancelling_the_catch_up_bill_lets_the_next_bill_catch_up_again(buyer):
    """The 1 July bill is cancelled: its rows no longer count, so the three early bills
    are untaxed again and the 15 July bill of 8,000.00 takes them: the year is
    20,000 + 25,000 + 15,000 + 35,000 + 8,000 = 1,03,000 > 1,00,000, TDS on
    8,000 + 60,000 = 68,000 at 1% = 680.00."""
    with buyer.tx() as ctx:
        early = [bill(ctx, "Ravi Builders", date, amount) for date, amount in (
            ("2025-05-10", "20000"), ("2025-05-20", "25000"), ("2025-06-01", "15000"))]
        bill(ctx, "Ravi Builders", "2025-06-10", "35000")
        catch_up = bill(ctx, "Ravi Builders", "2025-07-01", "10000")
        lifecycle.cancel(ctx, "Purchase Invoice", catch_up.name)
        assert gl_lines(ctx, catch_up.name).count((TDS_PAYABLE, D("700.00"), D("0"))) == 1
        again = bill(ctx, "Ravi Builders", "2025-07-15", "8000")
        assert (again.tds_taxable_amount, again.tds_amount) == (D("68000.00"), D("680.00"))
        assert [row[0] for row in covered(again)] == [b.name for b in early]
        assert_subledger_consistent(ctx)
        assert_ledger_balanced(ctx, CO)


def test_an_invoice_caught_up_cannot_be_cancelled_before_the_one_that_taxed_it(buyer):
    from core.errors import LinkExistsError

    with buyer.tx() as ctx:
        first = bill(ctx, "Ravi Builders", "2025-05-10", "20000")
        bill(ctx, "Ravi Builders", "2025-06-10", "90000")
        with pytest.raises(LinkExistsError):
            lifecycle.cancel(ctx, "Purchase Invoice", first.name)
