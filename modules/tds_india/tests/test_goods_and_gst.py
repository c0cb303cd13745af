"""194Q on the part of the year's purchases above 50,00,000, and TDS computed on the
amount before GST.

    Deccan Steel (company, PAN AABCD1111E), 194Q 0.1%:
      bill 40,00,000.00  year 40,00,000: no TDS
      bill 20,00,000.00  year 60,00,000: 0.1% of the 10,00,000.00 above 50 lakh = 1,000.00
      bill  5,00,000.00  wholly above: 500.00
    Konkan Ores (no PAN), 194Q at 5% (206AA): bill 60,00,000.00 -> 5% of 10,00,000.00 =
      50,000.00

    Mumbai consultants (GSTIN 27AABCR1234M1ZD, a company), 194J(b) 10%: fees 60,000.00
    at 18% GST: CGST 5,400.00 + SGST 5,400.00; TDS 10% of 60,000.00 = 6,000.00 (not of
    70,800.00); the supplier is owed 60,000 + 10,800 - 6,000 = 64,800.00
"""

import pytest

from modules.accounting.tests.builders import (
    assert_ledger_balanced,
    assert_subledger_consistent,
    gl_lines,
)
from modules.gst_india.tests.builders import MUMBAI_GSTIN, item
from modules.tds_india.tests.builders import (
    CO,
    CREDITORS,
    GOODS,
    PROFESSIONAL,
    TDS_PAYABLE,
    D,
    bill,
    insert,
    make_company,
    supplier,
    tds_tenant,
)


@pytest.fixture
def buyer(site):
    handle = tds_tenant(site)
    with handle.tx() as ctx:
        make_company(ctx)
    return handle


def test_194q_taxes_only_what_the_year_buys_above_50_lakh(buyer):
    with buyer.tx() as ctx:
        supplier(ctx, "Deccan Steel", GOODS, "AABCD1111E")
        bills = [bill(ctx, "Deccan Steel", date, amount) for date, amount in (
            ("2025-05-10", "4000000"), ("2025-06-10", "2000000"), ("2025-07-10", "500000"))]
        assert [(b.tds_taxable_amount, b.tds_amount) for b in bills] == [
            (D("0"), D("0")), (D("1000000.00"), D("1000.00")), (D("500000.00"), D("500.00"))]
        assert [b.children("tds_vouchers") for b in bills] == [[], [], []]  # no catch-up
        assert gl_lines(ctx, bills[1].name) == [
            ("Cost of Goods Sold - PF", D("2000000.00"), D("0")),
            (CREDITORS, D("0"), D("1999000.00")), (TDS_PAYABLE, D("0"), D("1000.00"))]
        assert_ledger_balanced(ctx, CO)


def test_194q_without_pan_is_5_percent(buyer):
    with buyer.tx() as ctx:
        supplier(ctx, "Konkan Ores", GOODS)
        ores = bill(ctx, "Konkan Ores", "2025-05-10", "6000000")
        assert (ores.tds_taxable_amount, ores.tds_rate, ores.tds_amount, ores.tds_reason) == (
            D("1000000.00"), D("5"), D("50000.00"), "C")


def test_tds_is_computed_on_the_amount_before_gst(buyer):
    with buyer.tx() as ctx:
        item(ctx, "CONSULTING", "998311", [("2025-04-01", "18")], group="Services")
        insert(ctx, "Supplier", {"supplier_name": "Mumbai Consultants",
                                 "supplier_group": "Services", "gstin": MUMBAI_GSTIN,
                                 "tax_withholding_category": PROFESSIONAL})
        fees = insert(ctx, "Purchase Invoice", {
            "supplier": "Mumbai Consultants", "company": CO, "posting_date": "2025-06-10",
            "docstatus": 1, "items": [{"item_code": "CONSULTING", "qty": 1, "rate": "60000"}]})
        assert (fees.total_cgst, fees.total_sgst, fees.tds_base_amount, fees.tds_amount,
                fees.grand_total) == (D("5400.00"), D("5400.00"), D("60000.00"),
                                      D("6000.00"), D("64800.00"))
        assert [(t.account_head, t.tax_amount) for t in fees.children("taxes")] == [
            ("Input Tax CGST - PF", D("5400.00")), ("Input Tax SGST - PF", D("5400.00")),
            (TDS_PAYABLE, D("-6000.00"))]
        assert gl_lines(ctx, fees.name) == [
            ("Cost of Goods Sold - PF", D("60000.00"), D("0")),
            (CREDITORS, D("0"), D("64800.00")),
            ("Input Tax CGST - PF", D("5400.00"), D("0")),
            ("Input Tax SGST - PF", D("5400.00"), D("0")),
            (TDS_PAYABLE, D("0"), D("6000.00"))]
        assert_subledger_consistent(ctx)
        assert_ledger_balanced(ctx, CO)
