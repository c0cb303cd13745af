"""TCS on the sale of scrap (206C(1), 1% of what the buyer pays, GST included; 5%
without a PAN). The category is installed disabled: a company that sells scrap enables it.

    Kolhapur Metals (GSTIN 27AABCR1234M1ZD): 1 x scrap 1,00,000.00 at 18% GST
      CGST 9,000.00 + SGST 9,000.00; TCS 1% of 1,18,000.00 = 1,180.00;
      the customer owes 1,19,180.00
    A walk-in scrap buyer without PAN: 10,000.00 + GST 1,800.00; TCS 5% of 11,800.00 =
      590.00
"""

import pytest

from core import lifecycle
from core.db import query
from modules.accounting.tests.builders import (
    assert_ledger_balanced,
    assert_subledger_consistent,
    gl_lines,
)
from modules.gst_india.tests.builders import MUMBAI_GSTIN, customer, item
from modules.tds_india.errors import WrongCategoryKind
from modules.tds_india.tests.builders import (
    CO,
    CONTRACTOR,
    SCRAP,
    TCS_PAYABLE,
    D,
    insert,
    make_company,
    tds_tenant,
)


@pytest.fixture
def seller(site):
    handle = tds_tenant(site)
    with handle.tx() as ctx:
        make_company(ctx)
        item(ctx, "SCRAP", "7204", [("2025-04-01", "18")])
        category = lifecycle.get_doc(ctx, "Tax Withholding Category", SCRAP)
        category.disabled = 0
        lifecycle.save(ctx, category)
    return handle


def sale(ctx, party: str, amount: str, **extra):
    return insert(ctx, "Sales Invoice", {
        "customer": party, "company": CO, "posting_date": "2025-06-10", "docstatus": 1,
        "items": [{"item_code": "SCRAP", "qty": 1, "rate": amount}], **extra})


def test_scrap_sale_collects_tcs_on_the_amount_with_gst(seller):
    with seller.tx() as ctx:
        customer(ctx, "Kolhapur Metals", MUMBAI_GSTIN, tax_collection_category=SCRAP)
        invoice = sale(ctx, "Kolhapur Metals", "100000")
        assert (invoice.tcs_base_amount, invoice.tcs_rate, invoice.tcs_amount,
                invoice.grand_total) == (D("118000.00"), D("1"), D("1180.00"),
                                         D("119180.00"))
        assert gl_lines(ctx, invoice.name) == [
            ("Debtors - PF", D("119180.00"), D("0")),
            ("Output Tax CGST - PF", D("0"), D("9000.00")),
            ("Output Tax SGST - PF", D("0"), D("9000.00")),
            ("Sales - PF", D("0"), D("100000.00")),
            (TCS_PAYABLE, D("0"), D("1180.00"))]
        assert_subledger_consistent(ctx)
        assert_ledger_balanced(ctx, CO)


def test_a_buyer_without_pan_pays_5_percent(seller):
    with seller.tx() as ctx:
        customer(ctx, "Walk-in Scrap Buyer", tax_collection_category=SCRAP)
        invoice = sale(ctx, "Walk-in Scrap Buyer", "10000")
        assert (invoice.tcs_base_amount, invoice.tcs_rate, invoice.tcs_amount,
                invoice.tcs_reason, invoice.grand_total) == (
            D("11800.00"), D("5"), D("590.00"), "C", D("12390.00"))


def test_a_tds_category_on_a_sale_is_refused_and_nothing_is_written(seller):
    with seller.tx() as ctx:
        customer(ctx, "Kolhapur Metals", MUMBAI_GSTIN)
        with pytest.raises(WrongCategoryKind) as refused:
            sale(ctx, "Kolhapur Metals", "1000", tax_collection_category=CONTRACTOR)
        assert refused.value.field == "tax_collection_category"
        assert query.count(ctx, "Sales Invoice") == 0
        assert query.count(ctx, "GL Entry") == 0
