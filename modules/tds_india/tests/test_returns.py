"""Debit notes: one against a taxed bill gives its TDS back; one against an untaxed bill
lowers the year's total and is caught up with that bill.

    Ravi Builders (individual, 194C 1%):
      bill 40,000.00 (above 30,000): TDS 400.00, owed 39,600.00
      debit note -10,000.00 against it: TDS -100.00 given back; the supplier's account is
        debited 9,900.00 and TDS payable 100.00
      bill 20,000.00: year 50,000: no TDS
      debit note -5,000.00 against it: no TDS; year 45,000
      bill 60,000.00: year 1,05,000 > 1,00,000: 1% of 60,000 + 20,000 - 5,000 = 750.00
"""

import pytest

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


def debit_note(ctx, against, date: str, amount: str):
    return bill(ctx, "Ravi Builders", date, amount, is_return=1, return_against=against,
                items=[{"item_name": "Work", "qty": -1, "rate": amount}])


def test_debit_notes_give_back_tds_or_lower_the_years_total(buyer):
    with buyer.tx() as ctx:
        taxed = bill(ctx, "Ravi Builders", "2025-05-10", "40000")
        back = debit_note(ctx, taxed.name, "2025-05-15", "10000")
        assert (back.tds_base_amount, back.tds_amount, back.grand_total) == (
            D("-10000.00"), D("-100.00"), D("-9900.00"))
        assert gl_lines(ctx, back.name) == [("Cost of Goods Sold - PF", D("0"), D("10000.00")),
                                            (CREDITORS, D("9900.00"), D("0")),
                                            (TDS_PAYABLE, D("100.00"), D("0"))]
        untaxed = bill(ctx, "Ravi Builders", "2025-06-01", "20000")
        lowered = debit_note(ctx, untaxed.name, "2025-06-05", "5000")
        assert (untaxed.tds_amount, lowered.tds_amount) == (D("0"), D("0"))
        crossing = bill(ctx, "Ravi Builders", "2025-07-01", "60000")
        assert (crossing.tds_taxable_amount, crossing.tds_amount) == (D("75000.00"),
                                                                      D("750.00"))
        assert covered(crossing) == [(untaxed.name, None, D("20000.00")),
                                     (lowered.name, None, D("-5000.00"))]
        assert_subledger_consistent(ctx)
        assert_ledger_balanced(ctx, CO)
