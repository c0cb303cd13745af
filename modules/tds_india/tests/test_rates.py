"""Which rate a bill bears: the higher rate without a PAN (206AA), a lower deduction
certificate until its limit is used, and rates and thresholds that change by date.

    Lakshmi Works has no PAN: 194C at the higher of 2% (not an individual as far as we
    know) and 20%: a bill of 40,000.00 (above 30,000) bears 8,000.00, remarks C.

    Ravi Builders (individual, 194C 1%) holds certificate LDC/2025/001: 0.5% on up to
    50,000.00 from 1 April 2025 to 31 March 2026.
      bill 40,000.00: all under the certificate, 0.5% = 200.00 (remarks A)
      bill 40,000.00: 10,000.00 left under it: 50.00 + 1% of 30,000.00 = 300.00 -> 350.00
      bill 40,000.00: the certificate is used up: 1% = 400.00

    194H - Commission (dated rows): 5% to 30 September 2024, 2% from 1 October 2024;
    a year above 15,000 until March 2025, above 20,000 from April 2025.
      10 Sep 2024  20,000.00 > 15,000: 5% = 1,000.00
      10 Nov 2024  10,000.00 (year 30,000): 2% = 200.00
      15 Apr 2025  18,000.00: a new financial year, below 20,000: no TDS
"""

import pytest

from modules.accounting.tests.builders import (
    assert_ledger_balanced,
    assert_subledger_consistent,
    gl_lines,
    make_fiscal_year,
)
from modules.tds_india.errors import InvalidLowerDeductionCertificate
from modules.tds_india.tests.builders import (
    CO,
    CONTRACTOR,
    CREDITORS,
    RAVI_PAN,
    TDS_PAYABLE,
    D,
    bill,
    insert,
    make_company,
    supplier,
    tds_tenant,
)

COMMISSION = "194H - Commission or Brokerage"


@pytest.fixture
def buyer(site):
    handle = tds_tenant(site)
    with handle.tx() as ctx:
        make_company(ctx)
    return handle


def test_a_supplier_without_pan_bears_20_percent(buyer):
    with buyer.tx() as ctx:
        supplier(ctx, "Lakshmi Works", CONTRACTOR)
        work = bill(ctx, "Lakshmi Works", "2025-06-10", "40000")
        assert (work.tds_rate, work.tds_amount, work.tds_reason, work.grand_total) == (
            D("20"), D("8000.00"), "C", D("32000.00"))
        assert gl_lines(ctx, work.name) == [("Cost of Goods Sold - PF", D("40000.00"), D("0")),
                                            (CREDITORS, D("0"), D("32000.00")),
                                            (TDS_PAYABLE, D("0"), D("8000.00"))]
        assert_ledger_balanced(ctx, CO)


def test_lower_deduction_certificate_applies_until_its_limit(buyer):
    with buyer.tx() as ctx:
        supplier(ctx, "Ravi Builders", CONTRACTOR, RAVI_PAN)
        insert(ctx, "Lower Deduction Certificate", {
            "certificate_no": "LDC/2025/001", "company": CO, "supplier": "Ravi Builders",
            "tax_withholding_category": CONTRACTOR, "valid_from": "2025-04-01",
            "valid_upto": "2026-03-31", "rate": "0.5", "certificate_limit": "50000"})
        first, second, third = (bill(ctx, "Ravi Builders", date, "40000") for date in (
            "2025-05-10", "2025-06-10", "2025-07-10"))
        assert (first.tds_amount, first.lower_deduction_certificate,
                first.certificate_taxable_amount, first.tds_reason) == (
            D("200.00"), "LDC/2025/001", D("40000.00"), "A")
        assert (second.tds_amount, second.certificate_taxable_amount) == (
            D("350.00"), D("10000.00"))
        assert (third.tds_amount, third.lower_deduction_certificate, third.tds_reason) == (
            D("400.00"), None, None)
        assert gl_lines(ctx, second.name) == [
            ("Cost of Goods Sold - PF", D("40000.00"), D("0")),
            (CREDITORS, D("0"), D("39650.00")), (TDS_PAYABLE, D("0"), D("350.00"))]
        assert_subledger_consistent(ctx)
        assert_ledger_balanced(ctx, CO)


def test_a_certificate_needs_a_valid_pan_and_writes_nothing_when_refused(buyer):
    with buyer.tx() as ctx:
        supplier(ctx, "Lakshmi Works", CONTRACTOR)
        with pytest.raises(InvalidLowerDeductionCertificate) as refused:
            insert(ctx, "Lower Deduction Certificate", {
                "certificate_no": "LDC/2025/002", "company": CO, "supplier": "Lakshmi Works",
                "tax_withholding_category": CONTRACTOR, "valid_from": "2025-04-01",
                "valid_upto": "2026-03-31", "rate": "0.5", "certificate_limit": "50000"})
        assert refused.value.field == "pan"
        from core.db import query
        assert query.count(ctx, "Lower Deduction Certificate") == 0


def test_rates_and_thresholds_follow_the_bill_date(buyer):
    with buyer.tx() as ctx:
        make_fiscal_year(ctx, "2024-2025", "2024-04-01", "2025-03-31")
        supplier(ctx, "Mehta Agencies", COMMISSION, "AAFFM4321Q")
        september = bill(ctx, "Mehta Agencies", "2024-09-10", "20000")
        november = bill(ctx, "Mehta Agencies", "2024-11-10", "10000")
        april = bill(ctx, "Mehta Agencies", "2025-04-15", "18000")
        assert [(b.tds_rate, b.tds_amount) for b in (september, november, april)] == [
            (D("5"), D("1000.00")), (D("2"), D("200.00")), (D("0"), D("0"))]
        assert_ledger_balanced(ctx, CO)
