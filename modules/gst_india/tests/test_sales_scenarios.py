"""Sales by Pune Furniture (Maharashtra, 27): where the buyer is decides the GST.

    2 x Chair @ 500.00 = 1,000.00;  1 x Stool @ 250.00 = 250.00;  taxable 1,250.00 at 18%
    Mumbai (27, same state):  CGST 9% 112.50 + SGST 9% 112.50;  grand total 1,475.00
    Bengaluru (29):           IGST 18% 225.00;                  grand total 1,475.00
    Export under LUT:         no tax;                           grand total 1,250.00
    Surat SEZ unit, paying:   IGST 18% 225.00;                  grand total 1,475.00
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
    SURAT_SEZ_GSTIN,
    D,
    customer,
    gst_tenant,
    item,
    make_gst_company,
    sales_invoice,
)


def outstanding(ctx, invoice):
    return query.get_value(ctx, invoice.doctype, invoice.name, "outstanding_amount")


ITEMS = [("CHAIR", 2, "500.00"), ("STOOL", 1, "250.00")]


@pytest.fixture
def shop(site):
    handle = gst_tenant(site)
    with handle.tx() as ctx:
        make_gst_company(ctx, gst_export_under_lut=1)
        item(ctx, "CHAIR", "94017100", [("2025-04-01", "18")])
        item(ctx, "STOOL", "9401", [("2025-04-01", "18")])
    return handle


def test_intra_state_sale_splits_gst_into_cgst_and_sgst(shop):
    with shop.tx() as ctx:
        customer(ctx, "Mumbai Traders", MUMBAI_GSTIN)
        invoice = sales_invoice(ctx, "Mumbai Traders", "2025-06-02", ITEMS)
        assert (invoice.place_of_supply, invoice.gst_category, invoice.company_gstin,
                invoice.billing_gstin) == ("27-Maharashtra", "Registered Regular",
                                           "27AAPFU0939F1ZV", MUMBAI_GSTIN)
        chair, stool = invoice.children("items")
        assert (chair.gst_hsn_code, chair.gst_rate, chair.taxable_value, chair.cgst_amount,
                chair.sgst_amount, chair.igst_amount) == (
            "94017100", D("18"), D("1000.00"), D("90.00"), D("90.00"), D("0"))
        assert (stool.cgst_amount, stool.sgst_amount) == (D("22.50"), D("22.50"))
        assert (invoice.total_taxable_value, invoice.total_cgst, invoice.total_sgst,
                invoice.total_igst, invoice.total_cess) == (
            D("1250.00"), D("112.50"), D("112.50"), D("0"), D("0"))
        assert [(t.account_head, t.description, t.tax_amount)
                for t in invoice.children("taxes")] == [
            ("Output Tax CGST - PF", "CGST", D("112.50")),
            ("Output Tax SGST - PF", "SGST", D("112.50"))]
        assert (invoice.grand_total, outstanding(ctx, invoice)) == (D("1475.00"),
                                                                    D("1475.00"))
        assert gl_lines(ctx, invoice.name) == [
            ("Debtors - PF", D("1475.00"), D("0")),
            ("Output Tax CGST - PF", D("0"), D("112.50")),
            ("Output Tax SGST - PF", D("0"), D("112.50")),
            ("Sales - PF", D("0"), D("1250.00"))]
        assert_subledger_consistent(ctx)
        lifecycle.cancel(ctx, "Sales Invoice", invoice.name)
        assert account_balances(ctx, CO) == {}   # the reversal nets every account to zero
        assert_ledger_balanced(ctx, CO)


def test_inter_state_sale_bears_igst(shop):
    with shop.tx() as ctx:
        customer(ctx, "Bengaluru Interiors", BENGALURU_GSTIN)
        invoice = sales_invoice(ctx, "Bengaluru Interiors", "2025-06-02", ITEMS)
        assert invoice.place_of_supply == "29-Karnataka"
        assert [(r.igst_amount, r.cgst_amount) for r in invoice.children("items")] == [
            (D("180.00"), D("0")), (D("45.00"), D("0"))]
        assert (invoice.total_igst, invoice.grand_total) == (D("225.00"), D("1475.00"))
        assert gl_lines(ctx, invoice.name) == [
            ("Debtors - PF", D("1475.00"), D("0")),
            ("Output Tax IGST - PF", D("0"), D("225.00")),
            ("Sales - PF", D("0"), D("1250.00"))]
        assert_ledger_balanced(ctx, CO)
        assert_subledger_consistent(ctx)


def test_export_under_lut_is_zero_rated_without_tax(shop):
    with shop.tx() as ctx:
        customer(ctx, "Dubai Homes", gst_category="Overseas")
        invoice = sales_invoice(ctx, "Dubai Homes", "2025-06-02", ITEMS)
        assert (invoice.place_of_supply, invoice.is_export_with_gst) == (
            "96-Other Countries", 0)
        assert [(r.gst_rate, r.taxable_value, r.igst_amount)
                for r in invoice.children("items")] == [
            (D("18"), D("1000.00"), D("0")), (D("18"), D("250.00"), D("0"))]
        assert invoice.children("taxes") == []
        assert (invoice.total_igst, invoice.grand_total) == (D("0"), D("1250.00"))
        assert gl_lines(ctx, invoice.name) == [("Debtors - PF", D("1250.00"), D("0")),
                                               ("Sales - PF", D("0"), D("1250.00"))]


def test_sez_supply_with_payment_bears_igst_even_within_a_state(shop):
    """The SEZ unit is in Gujarat; the rule would be IGST even for a Maharashtra SEZ."""
    with shop.tx() as ctx:
        customer(ctx, "Surat SEZ Works", SURAT_SEZ_GSTIN, gst_category="SEZ")
        invoice = sales_invoice(ctx, "Surat SEZ Works", "2025-06-02", ITEMS,
                                is_export_with_gst=1)
        assert (invoice.place_of_supply, invoice.is_export_with_gst) == ("24-Gujarat", 1)
        assert (invoice.total_igst, invoice.total_cgst, invoice.grand_total) == (
            D("225.00"), D("0"), D("1475.00"))
        assert gl_lines(ctx, invoice.name) == [
            ("Debtors - PF", D("1475.00"), D("0")),
            ("Output Tax IGST - PF", D("0"), D("225.00")),
            ("Sales - PF", D("0"), D("1250.00"))]
        assert_subledger_consistent(ctx)
