"""Purchases by Pune Furniture (Maharashtra, 27): input credit, blocked credit and
reverse charge.

    Mumbai Timber (27): 10 x Oak Plank @ 1,000.00 = 10,000.00 at 18%
        CGST 9% 900.00 + SGST 9% 900.00 input credit;           grand total 11,800.00
      + staff lunch 2,000.00 at 5%, credit blocked: CGST 50.00 + SGST 50.00 join the
        lunch's cost (2,100.00);                                   grand total 13,900.00
    Bengaluru Tools (29): 1 x Lathe @ 40,000.00 at 18%: IGST 7,200.00; grand total 47,200.00
    Deccan Transport (unregistered GTA), reverse charge: freight 10,000.00 at 5%
        the supplier is owed 10,000.00; the company owes CGST 250.00 + SGST 250.00
        (Output Tax ... RCM) and claims the same as credit (Input Tax ... RCM)
"""

import pytest

from core import lifecycle
from core.db import query
from modules.accounting.tests.builders import (
    account_balances,
    assert_ledger_balanced,
    assert_subledger_consistent,
    gl_lines,
)
from modules.gst_india.tests.builders import (
    BENGALURU_GSTIN,
    CO,
    MUMBAI_GSTIN,
    D,
    gst_tenant,
    item,
    make_gst_company,
    purchase_invoice,
    supplier,
)


@pytest.fixture
def buyer(site):
    handle = gst_tenant(site)
    with handle.tx() as ctx:
        make_gst_company(ctx)
        item(ctx, "OAK", "44079990", [("2025-04-01", "18")])
        item(ctx, "LUNCH", "996334", [("2025-04-01", "5")], group="Services")
        item(ctx, "LATHE", "8458", [("2025-04-01", "18")])
        item(ctx, "FREIGHT", "996511", [("2025-04-01", "5")], group="Services")
    return handle


def test_intra_state_purchase_claims_credit_and_books_blocked_credit_as_cost(buyer):
    with buyer.tx() as ctx:
        supplier(ctx, "Mumbai Timber", MUMBAI_GSTIN)
        bill = purchase_invoice(ctx, "Mumbai Timber", "2025-06-10", [
            {"item_code": "OAK", "qty": 10, "rate": "1000"},
            {"item_code": "LUNCH", "qty": 1, "rate": "2000", "is_ineligible_for_itc": 1,
             "expense_account": "Administrative Expenses - PF"}])
        assert (bill.supplier_gstin, bill.place_of_supply) == (MUMBAI_GSTIN,
                                                               "27-Maharashtra")
        assert (bill.total_taxable_value, bill.total_cgst, bill.total_sgst,
                bill.grand_total) == (D("12000.00"), D("950.00"), D("950.00"),
                                      D("13900.00"))
        assert [(t.account_head, t.description, t.tax_amount)
                for t in bill.children("taxes")] == [
            ("Input Tax CGST - PF", "CGST", D("900.00")),
            ("Input Tax SGST - PF", "SGST", D("900.00")),
            ("Administrative Expenses - PF", "CGST (input credit not available)",
             D("50.00")),
            ("Administrative Expenses - PF", "SGST (input credit not available)",
             D("50.00"))]
        assert gl_lines(ctx, bill.name) == [
            ("Administrative Expenses - PF", D("2100.00"), D("0")),
            ("Cost of Goods Sold - PF", D("10000.00"), D("0")),
            ("Creditors - PF", D("0"), D("13900.00")),
            ("Input Tax CGST - PF", D("900.00"), D("0")),
            ("Input Tax SGST - PF", D("900.00"), D("0"))]
        assert_subledger_consistent(ctx)
        assert_ledger_balanced(ctx, CO)


def test_inter_state_purchase_claims_igst(buyer):
    with buyer.tx() as ctx:
        supplier(ctx, "Bengaluru Tools", BENGALURU_GSTIN)
        bill = purchase_invoice(ctx, "Bengaluru Tools", "2025-06-10", [
            {"item_code": "LATHE", "qty": 1, "rate": "40000"}])
        assert (bill.place_of_supply, bill.total_igst, bill.grand_total) == (
            "27-Maharashtra", D("7200.00"), D("47200.00"))
        assert gl_lines(ctx, bill.name) == [
            ("Cost of Goods Sold - PF", D("40000.00"), D("0")),
            ("Creditors - PF", D("0"), D("47200.00")),
            ("Input Tax IGST - PF", D("7200.00"), D("0"))]


def test_reverse_charge_purchase_posts_liability_and_credit(buyer):
    with buyer.tx() as ctx:
        supplier(ctx, "Deccan Transport")
        bill = purchase_invoice(ctx, "Deccan Transport", "2025-06-12", [
            {"item_code": "FREIGHT", "qty": 1, "rate": "10000",
             "expense_account": "Freight and Forwarding Charges - PF"}],
            is_reverse_charge=1)
        assert (bill.gst_category, bill.total_cgst, bill.total_sgst) == (
            "Unregistered", D("250.00"), D("250.00"))
        assert (bill.total_taxes_and_charges, bill.grand_total) == (D("0.00"),
                                                                   D("10000.00"))
        assert query.get_value(ctx, "Purchase Invoice", bill.name,
                               "outstanding_amount") == D("10000.00")
        assert gl_lines(ctx, bill.name) == [
            ("Creditors - PF", D("0"), D("10000.00")),
            ("Freight and Forwarding Charges - PF", D("10000.00"), D("0")),
            ("Input Tax CGST RCM - PF", D("250.00"), D("0")),
            ("Input Tax SGST RCM - PF", D("250.00"), D("0")),
            ("Output Tax CGST RCM - PF", D("0"), D("250.00")),
            ("Output Tax SGST RCM - PF", D("0"), D("250.00"))]
        assert_subledger_consistent(ctx)
        lifecycle.cancel(ctx, "Purchase Invoice", bill.name)
        assert account_balances(ctx, CO) == {}


def test_unregistered_supplier_charges_no_gst(buyer):
    with buyer.tx() as ctx:
        supplier(ctx, "Village Carpenter")
        bill = purchase_invoice(ctx, "Village Carpenter", "2025-06-12", [
            {"item_code": "OAK", "qty": 2, "rate": "1000"}])
        assert (bill.total_taxable_value, bill.total_cgst, bill.grand_total) == (
            D("2000.00"), D("0"), D("2000.00"))
        assert bill.children("taxes") == []
        assert gl_lines(ctx, bill.name) == [
            ("Cost of Goods Sold - PF", D("2000.00"), D("0")),
            ("Creditors - PF", D("0"), D("2000.00"))]
