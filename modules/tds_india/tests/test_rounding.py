"""TDS rounded to the rupee: the shipped categories round off their tax (Round Off Tax
Amount on), half up, from the exact amount. Ravi Builders is an individual: 194C at 1%,
a single bill above 30,000 or a year above 1,00,000.

    2 June  bill 1,00,050.00: above 30,000 by itself, 1% = 1,000.50
            rounded: 1,001.00 (half up);          to the paisa: 1,000.50
    9 June  bill 12,345.67: the year (1,12,395.67) is above 1,00,000, the first bill is
            taxed already: 1% = 123.4567
            rounded: 123.00, owed 12,222.67;       to the paisa: 123.46, owed 12,222.21

Catch-up: 3, 10 and 17 May bills of 28,000.10, 29,000.20 and 27,500.30 (84,500.60,
below both thresholds: no TDS); 24 May bill 20,149.40 takes the year to 1,04,650.00:
1% of 20,149.40 + 84,500.60 = 1,046.50 -> rounded 1,047.00, to the paisa 1,046.50.
"""

from decimal import Decimal as D

import pytest

from core import lifecycle
from modules.accounting.tests.builders import (
    assert_ledger_balanced,
    assert_subledger_consistent,
    gl_lines,
)
from modules.tds_india.amounts import Certificate, withhold
from modules.tds_india.tests.builders import (
    CO,
    CONTRACTOR,
    CREDITORS,
    RAVI_PAN,
    TDS_PAYABLE,
    bill,
    covered,
    make_company,
    supplier,
    tds_tenant,
)

ROUNDED, TO_THE_PAISA = 1, 0


@pytest.fixture(params=[ROUNDED, TO_THE_PAISA], ids=["rounded", "to-the-paisa"])
def buyer(site, request):
    """The tenant, and whether 194C rounds off (as installed) or not (switched off)."""
    handle = tds_tenant(site)
    with handle.tx() as ctx:
        make_company(ctx)
        supplier(ctx, "Ravi Builders", CONTRACTOR, RAVI_PAN)
        category = lifecycle.get_doc(ctx, "Tax Withholding Category", CONTRACTOR)
        assert category.round_off_tax_amount == 1  # categories.json ships it on
        if request.param == TO_THE_PAISA:
            category.round_off_tax_amount = 0
            lifecycle.save(ctx, category)
    return handle, request.param


def test_a_194c_bill_deducts_whole_rupees_when_the_category_rounds_off(buyer):
    handle, rounding = buyer
    first_tds, second_tds, owed = (D("1001.00"), D("123.00"), D("12222.67")) \
        if rounding == ROUNDED else (D("1000.50"), D("123.46"), D("12222.21"))
    with handle.tx() as ctx:
        first = bill(ctx, "Ravi Builders", "2025-06-02", "100050")
        assert (first.tds_taxable_amount, first.tds_amount) == (D("100050.00"), first_tds)
        second = bill(ctx, "Ravi Builders", "2025-06-09", "12345.67")
        assert (second.tds_taxable_amount, second.tds_amount, second.grand_total) == (
            D("12345.67"), second_tds, owed)
        assert covered(second) == []
        assert gl_lines(ctx, second.name) == [
            ("Cost of Goods Sold - PF", D("12345.67"), D("0")),
            (CREDITORS, D("0"), owed), (TDS_PAYABLE, D("0"), second_tds)]
        assert_ledger_balanced(ctx, CO)
        assert_subledger_consistent(ctx)


def test_the_catch_up_is_rounded_with_the_bill_that_makes_it(buyer):
    handle, rounding = buyer
    tds = D("1047.00") if rounding == ROUNDED else D("1046.50")
    with handle.tx() as ctx:
        earlier = [bill(ctx, "Ravi Builders", date, amount) for date, amount in (
            ("2025-05-03", "28000.10"), ("2025-05-10", "29000.20"),
            ("2025-05-17", "27500.30"))]
        assert [b.tds_amount for b in earlier] == [D("0"), D("0"), D("0")]
        crossing = bill(ctx, "Ravi Builders", "2025-05-24", "20149.40")
        assert (crossing.tds_taxable_amount, crossing.tds_amount) == (D("104650.00"), tds)
        assert covered(crossing) == [(earlier[0].name, None, D("28000.10")),
                                     (earlier[1].name, None, D("29000.20")),
                                     (earlier[2].name, None, D("27500.30"))]
        assert gl_lines(ctx, crossing.name) == [
            ("Cost of Goods Sold - PF", D("20149.40"), D("0")),
            (CREDITORS, D("0"), D("20149.40") - tds), (TDS_PAYABLE, D("0"), tds)]
        assert_ledger_balanced(ctx, CO)


def test_rounding_starts_from_the_exact_tax_not_the_paisa():
    """1% of 12,349.50 = 123.495: 123.50 to the paisa, but 123 to the rupee (rounding
    123.50 again would give 124). Under a certificate of 0.5% on 10,000.50 = 50.0025
    plus 1% on 2,349.00 = 23.49, the exact 73.4925 rounds to 73 (50.00 + 23.49 = 73.49
    to the paisa)."""
    assert withhold(D("12349.50"), D(1), has_pan=True, no_pan_rate=D(20)).amount == \
        D("123.50")
    assert withhold(D("12349.50"), D(1), has_pan=True, no_pan_rate=D(20),
                    whole_rupees=True).amount == D("123.00")
    certificate = Certificate("LDC/2025/001", D("0.5"), D("10000.50"))
    assert [withhold(D("12349.50"), D(1), has_pan=True, no_pan_rate=D(20),
                     certificate=certificate, whole_rupees=whole).amount
            for whole in (False, True)] == [D("73.49"), D("73.00")]
