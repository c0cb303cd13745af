"""Two supplier records with one PAN are one deductee: their bills count together.

    Ravi Builders and Ravi Builders (Nashik), PAN ABCPR1234K (individual, 194C 1%):
      Ravi Builders          60,000.00  above 30,000 by itself: 600.00
      Ravi Builders (Nashik) 25,000.00  year 85,000: no TDS
      Ravi Builders (Nashik) 20,000.00  year 1,05,000 > 1,00,000: 1% of 20,000 + 25,000
                                        = 450.00 (the Pune bill was taxed already)
    Sai Carriers (another PAN) 25,000.00: its own year, no TDS
"""

import pytest

from modules.accounting.tests.builders import assert_ledger_balanced, assert_subledger_consistent
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


@pytest.fixture
def buyer(site):
    handle = tds_tenant(site)
    with handle.tx() as ctx:
        make_company(ctx)
        supplier(ctx, "Ravi Builders", CONTRACTOR, RAVI_PAN)
        supplier(ctx, "Ravi Builders (Nashik)", CONTRACTOR, RAVI_PAN)
        supplier(ctx, "Sai Carriers", CONTRACTOR, "ABDPS9876M")
    return handle


def test_suppliers_sharing_a_pan_count_together(buyer):
    with buyer.tx() as ctx:
        pune = bill(ctx, "Ravi Builders", "2025-05-10", "60000")
        nashik = bill(ctx, "Ravi Builders (Nashik)", "2025-05-20", "25000")
        other = bill(ctx, "Sai Carriers", "2025-05-25", "25000")
        crossing = bill(ctx, "Ravi Builders (Nashik)", "2025-06-01", "20000")
        assert [b.tds_amount for b in (pune, nashik, other)] == [D("600.00"), D("0"), D("0")]
        assert (crossing.tds_taxable_amount, crossing.tds_amount) == (D("45000.00"),
                                                                      D("450.00"))
        assert covered(crossing) == [(nashik.name, None, D("25000.00"))]
        assert_subledger_consistent(ctx)
        assert_ledger_balanced(ctx, CO)
