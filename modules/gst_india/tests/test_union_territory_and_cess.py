"""A Chandigarh dealer (04, a union territory without legislature): the state half of
an intra-state supply is UTGST, and tobacco bears cess on top of GST. A composition
dealer issues bills of supply without tax.

    1 x Cigars @ 1,000.00 (HSN 2402, 28% + cess 21%) to a Chandigarh shop
        CGST 14% 140.00 + UTGST 14% 140.00 + cess 21% 210.00;  grand total 1,490.00
"""

import pytest

from modules.accounting.tests.builders import assert_ledger_balanced, gl_lines
from modules.gst_india.tests.builders import (
    D,
    customer,
    gst_tenant,
    insert,
    item,
)

CHANDIGARH_GSTIN = "04AAACC2345D1ZE"
CHANDIGARH_SHOP_GSTIN = "04AABCT6789H1Z0"
KOLHAPUR_GSTIN = "27AAACK4321L1ZL"


@pytest.fixture
def tenant_books(site):
    handle = gst_tenant(site)
    with handle.tx() as ctx:
        insert(ctx, "Fiscal Year", {"year": "2025-2026", "year_start_date": "2025-04-01",
                                    "year_end_date": "2026-03-31"})
        item(ctx, "CIGARS", "2402", [("2025-04-01", "28")], cess="21")
        customer(ctx, "Sector 17 Stores", CHANDIGARH_SHOP_GSTIN)
    return handle


def company(ctx, name, abbr, gstin, **extra):
    insert(ctx, "Company", {"company_name": name, "abbr": abbr, "gstin": gstin,
                            "chart_of_accounts": "India", **extra})
    return name


def sell(ctx, company_name, date="2025-06-02"):
    return insert(ctx, "Sales Invoice", {
        "customer": "Sector 17 Stores", "company": company_name, "posting_date": date,
        "docstatus": 1, "items": [{"item_code": "CIGARS", "qty": 1, "rate": "1000"}]})


def test_an_intra_ut_sale_bears_cgst_utgst_and_cess(tenant_books):
    with tenant_books.tx() as ctx:
        co = company(ctx, "Chandigarh Traders", "CT", CHANDIGARH_GSTIN)
        invoice = sell(ctx, co)
        assert invoice.place_of_supply == "04-Chandigarh"
        assert [(t.description, t.account_head, t.tax_amount)
                for t in invoice.children("taxes")] == [
            ("CGST", "Output Tax CGST - CT", D("140.00")),
            ("UTGST", "Output Tax SGST - CT", D("140.00")),
            ("Cess", "Output Tax Cess - CT", D("210.00"))]
        assert (invoice.total_cess, invoice.grand_total) == (D("210.00"), D("1490.00"))
        assert gl_lines(ctx, invoice.name) == [
            ("Debtors - CT", D("1490.00"), D("0")),
            ("Output Tax CGST - CT", D("0"), D("140.00")),
            ("Output Tax Cess - CT", D("0"), D("210.00")),
            ("Output Tax SGST - CT", D("0"), D("140.00")),
            ("Sales - CT", D("0"), D("1000.00"))]
        assert_ledger_balanced(ctx, co)


def test_a_composition_dealer_sells_without_tax(tenant_books):
    """Kolhapur (27) to Chandigarh: inter-state, but a composition dealer charges none."""
    with tenant_books.tx() as ctx:
        co = company(ctx, "Kolhapur Crafts", "KC", KOLHAPUR_GSTIN,
                     gst_category="Registered Composition")
        invoice = sell(ctx, co)
        assert (invoice.total_taxable_value, invoice.total_igst, invoice.grand_total) == (
            D("1000.00"), D("0"), D("1000.00"))
        assert gl_lines(ctx, invoice.name) == [("Debtors - KC", D("1000.00"), D("0")),
                                               ("Sales - KC", D("0"), D("1000.00"))]


def test_a_company_without_gstin_is_outside_gst(tenant_books):
    with tenant_books.tx() as ctx:
        co = company(ctx, "Small Shop", "SS", None)
        invoice = sell(ctx, co)
        assert (invoice.total_cgst, invoice.place_of_supply, invoice.grand_total) == (
            None, None, D("1000.00"))
        assert gl_lines(ctx, invoice.name) == [("Debtors - SS", D("1000.00"), D("0")),
                                               ("Sales - SS", D("0"), D("1000.00"))]
