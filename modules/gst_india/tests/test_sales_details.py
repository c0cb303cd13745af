"""Sales details: the billing address decides the place of supply, manual GST rows are
replaced, a credit note reverses at the invoice's rate, reverse charge and exports
without an LUT, and a draft that changes customer."""

import pytest

from core import lifecycle
from core.errors import ValidationError
from modules.accounting.tests.builders import gl_lines
from modules.gst_india.errors import InvalidGSTIN
from modules.gst_india.tests.builders import (
    CO,
    MUMBAI_GSTIN,
    D,
    customer,
    gst_tenant,
    insert,
    item,
    make_gst_company,
    sales_invoice,
)


@pytest.fixture
def shop(site):
    handle = gst_tenant(site)
    with handle.tx() as ctx:
        make_gst_company(ctx)
        item(ctx, "TABLE", "9403", [("2025-04-01", "12"), ("2025-09-22", "5")])
        customer(ctx, "Mumbai Traders", MUMBAI_GSTIN)
    return handle


def test_an_unregistered_buyer_is_taxed_where_the_billing_address_is(shop):
    """A Surat consumer: 1 x Table @ 10,000.00 at 12%, IGST 1,200.00 (Gujarat, 24)."""
    with shop.tx() as ctx:
        address = insert(ctx, "Address", {"address_title": "Mehta", "city": "Surat",
                                          "address_line1": "Ring Road", "state": "Gujarat"})
        customer(ctx, "Mr Mehta", gst_category="Consumer",
                 customer_primary_address=address.name)
        invoice = sales_invoice(ctx, "Mr Mehta", "2025-06-02", [("TABLE", 1, "10000")])
        assert (invoice.place_of_supply, invoice.billing_gstin, invoice.total_igst,
                invoice.grand_total) == ("24-Gujarat", None, D("1200.00"), D("11200.00"))


def test_goods_shipped_to_an_unregistered_buyer_are_supplied_where_they_arrive(shop):
    """A Pune consumer has a Table delivered to Surat: the supply is in Gujarat (24), IGST
    12% of 10,000.00 = 1,200.00. Mumbai Traders (registered, 27) has one shipped to the
    same Surat address: bill-to-ship-to, supplied at its registration, CGST + SGST 600.00
    each."""
    with shop.tx() as ctx:
        home = insert(ctx, "Address", {"address_title": "Joshi", "city": "Pune",
                                       "address_line1": "FC Road", "state": "Maharashtra"})
        surat = insert(ctx, "Address", {"address_title": "Joshi Surat", "city": "Surat",
                                        "address_line1": "Ring Road", "state": "Gujarat"})
        customer(ctx, "Mr Joshi", gst_category="Consumer", customer_primary_address=home.name)
        consumer = sales_invoice(ctx, "Mr Joshi", "2025-06-02", [("TABLE", 1, "10000")],
                                 shipping_address_name=surat.name)
        trader = sales_invoice(ctx, "Mumbai Traders", "2025-06-02", [("TABLE", 1, "10000")],
                               shipping_address_name=surat.name)
    assert (consumer.place_of_supply, consumer.total_igst, consumer.total_cgst) == (
        "24-Gujarat", D("1200.00"), D("0"))
    assert (trader.place_of_supply, trader.total_igst, trader.total_cgst,
            trader.total_sgst) == ("27-Maharashtra", D("0"), D("600.00"), D("600.00"))


def test_manual_rows_on_gst_accounts_are_replaced_by_the_computed_ones(shop):
    """A 9% + 9% row typed by hand on a 12% item becomes 6% + 6%; the freight row on a
    non-GST account stays: 10,000.00 + 600.00 + 600.00 + 500.00 = 11,700.00."""
    with shop.tx() as ctx:
        invoice = sales_invoice(ctx, "Mumbai Traders", "2025-06-02", [("TABLE", 1, "10000")],
                                taxes=[{"charge_type": "On Net Total", "rate": 9,
                                        "account_head": f"Output Tax {t} - PF"}
                                       for t in ("CGST", "SGST")] + [
                                    {"charge_type": "Actual", "tax_amount": "500",
                                     "account_head": "Freight and Forwarding Charges - PF",
                                     "description": "Delivery"}])
        assert [(t.account_head, t.tax_amount) for t in invoice.children("taxes")] == [
            ("Output Tax CGST - PF", D("600.00")), ("Output Tax SGST - PF", D("600.00")),
            ("Freight and Forwarding Charges - PF", D("500.00"))]
        assert invoice.grand_total == D("11700.00")


def test_a_credit_note_reverses_at_the_rate_of_the_invoice_it_returns(shop):
    """Sold on 21 September at 12%, returned on 25 September (5% by then): the credit
    note takes back 600.00 + 600.00, what the invoice charged."""
    with shop.tx() as ctx:
        sold = sales_invoice(ctx, "Mumbai Traders", "2025-09-21", [("TABLE", 1, "10000")])
        returned = sales_invoice(ctx, "Mumbai Traders", "2025-09-25",
                                 [("TABLE", -1, "10000")], is_return=1,
                                 return_against=sold.name)
        assert (returned.total_cgst, returned.total_sgst, returned.grand_total) == (
            D("-600.00"), D("-600.00"), D("-11200.00"))
        assert gl_lines(ctx, returned.name) == [
            ("Debtors - PF", D("0"), D("11200.00")),
            ("Output Tax CGST - PF", D("600.00"), D("0")),
            ("Output Tax SGST - PF", D("600.00"), D("0")),
            ("Sales - PF", D("10000.00"), D("0"))]


def test_a_reverse_charge_sale_shows_the_tax_but_charges_none(shop):
    with shop.tx() as ctx:
        invoice = sales_invoice(ctx, "Mumbai Traders", "2025-06-02", [("TABLE", 1, "10000")],
                                is_reverse_charge=1)
        assert (invoice.total_cgst, invoice.total_sgst) == (D("600.00"), D("600.00"))
        assert (invoice.children("taxes"), invoice.grand_total) == ([], D("10000.00"))


def test_without_an_lut_an_export_pays_igst(shop):
    """The company has no LUT: the export bears IGST 12% = 1,200.00 whatever the flag."""
    with shop.tx() as ctx:
        customer(ctx, "Dubai Homes", gst_category="Overseas")
        invoice = sales_invoice(ctx, "Dubai Homes", "2025-06-02", [("TABLE", 1, "10000")],
                                is_export_with_gst=0)
        assert (invoice.is_export_with_gst, invoice.total_igst) == (1, D("1200.00"))


def test_a_draft_given_another_customer_takes_its_place_of_supply(shop):
    with shop.tx() as ctx:
        customer(ctx, "Dubai Homes", gst_category="Overseas")
        draft = insert(ctx, "Sales Invoice", {
            "customer": "Mumbai Traders", "company": CO, "posting_date": "2025-06-02",
            "items": [{"item_code": "TABLE", "qty": 1, "rate": "10000"}]})
        assert (draft.place_of_supply, draft.total_cgst) == ("27-Maharashtra",
                                                             D("600.00"))
        draft = lifecycle.get_doc(ctx, "Sales Invoice", draft.name)
        draft.customer = "Dubai Homes"
        draft = lifecycle.save(ctx, draft)
        assert (draft.place_of_supply, draft.gst_category, draft.billing_gstin,
                draft.total_cgst, draft.total_igst) == (
            "96-Other Countries", "Overseas", None, D("0"), D("1200.00"))


def test_a_company_gstin_of_another_pan_is_refused(shop):
    with shop.tx() as ctx, pytest.raises(InvalidGSTIN) as error:
        sales_invoice(ctx, "Mumbai Traders", "2025-06-02", [("TABLE", 1, "10000")],
                      company_gstin=MUMBAI_GSTIN)
    assert error.value.field == "company_gstin"


def test_a_line_rate_that_is_no_gst_rate_is_refused_naming_the_row(shop):
    with shop.tx() as ctx, pytest.raises(ValidationError) as error:
        insert(ctx, "Sales Invoice", {
            "customer": "Mumbai Traders", "company": CO, "posting_date": "2025-06-02",
            "items": [{"item_code": "TABLE", "qty": 1, "rate": "100", "gst_rate": "13"}]})
    assert (error.value.field, error.value.message[:24]) == ("items",
                                                            "Items row 1: GST rate 13")
