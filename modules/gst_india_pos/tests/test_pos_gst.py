"""GST on counter sales: a POS invoice carries the same GST figures as a sales invoice,
and the closing books them to the output tax accounts."""

import pytest

from core import lifecycle
from core.db import query
from modules.accounting.tests.builders import assert_ledger_balanced, gl_lines
from modules.gst_india.einvoice.errors import InvalidInvoiceNumber
from modules.gst_india.tests.builders import BENGALURU_GSTIN, PUNE_GSTIN, customer
from modules.inventory.tests.builders import CO, assert_books_in_step
from modules.pos.tests.builders import (
    GST,
    D,
    close_session,
    make_profile,
    open_session,
    pos_books,
    sale,
    stocked_item,
)


def gst_counter(site):
    """Pune Furniture registered in Maharashtra; Pens at 18% and Notebooks at 5% (dated
    rates), 100 of each in Stores; the counter profile still lists 9% + 9% taxes of its
    own, which GST replaces."""
    handle = pos_books(site, ("gst_india",))
    with handle.tx() as ctx:
        assert "gst_india_pos" in ctx.tenant.modules  # installed with both its modules
        company = lifecycle.get_doc(ctx, "Company", CO)
        company.gstin = PUNE_GSTIN
        lifecycle.save(ctx, company)
        for code, hsn, rate, cost, price in (("PEN", "9608", "18", 10, 100),
                                             ("NOTEBOOK", "4820", "5", 20, 50)):
            stocked_item(ctx, code, 100, cost, price, gst_hsn_code=hsn)
            lifecycle.insert(ctx, lifecycle.new_doc(ctx, "GST Rate", {
                "item_code": code, "gst_rate": rate, "valid_from": "2025-09-22"}))
        make_profile(ctx, taxes=GST)
    return handle


def test_a_counter_sale_carries_gst_per_line_and_the_closing_books_it(site):
    """Sale 1: 2 Pens @ 100 + 1 Notebook @ 50 to the walk-in customer, intra-state:
    CGST = SGST = 200 x 9% + 50 x 2.5% = 18.00 + 1.25 = 19.25; total 250 + 38.50 =
    288.50, paid 300 cash, change 11.50.
    Sale 2: 1 Pen to a Bengaluru company, entered without a payment: IGST 18.00, paid
    exactly 118.00 in the default mode (cash).
    Return of 1 Pen of sale 1: CGST = SGST = -9.00, refund -118.00.
    Closing: Sales 250 + 100 - 100 = 250.00; CGST 19.25 - 9 = 10.25, SGST the same,
    IGST 18.00; cash 300 - 11.50 + 118 - 118 = 288.50 counted exactly."""
    handle = gst_counter(site)
    with handle.tx() as ctx:
        customer(ctx, "Bengaluru Traders", BENGALURU_GSTIN)
        opening = open_session(ctx)
        first = sale(ctx, [{"item_code": "PEN", "qty": 2}, {"item_code": "NOTEBOOK",
                                                             "qty": 1}], [("Cash", 300)])
        assert (first.company_gstin, first.place_of_supply, first.gst_category) == (
            PUNE_GSTIN, "27-Maharashtra", "Unregistered")
        assert [(r.gst_rate, r.taxable_value, r.cgst_amount, r.sgst_amount, r.igst_amount)
                for r in first.children("items")] == [
            (D("18"), D("200.00"), D("18.00"), D("18.00"), D("0.00")),
            (D("5"), D("50.00"), D("1.25"), D("1.25"), D("0.00"))]
        assert (first.total_taxable_value, first.total_cgst, first.total_sgst,
                first.total_igst) == (D("250.00"), D("19.25"), D("19.25"), D("0.00"))
        assert sorted((r.account_head, r.tax_amount, r.gst_tax_type)
                      for r in first.children("taxes")) == [
            ("Output Tax CGST - PF", D("19.25"), "CGST"),
            ("Output Tax SGST - PF", D("19.25"), "SGST")]
        assert (first.grand_total, first.paid_amount, first.change_amount) == (
            D("288.50"), D("300.00"), D("11.50"))

        second = sale(ctx, [{"item_code": "PEN", "qty": 1}], [],
                      customer="Bengaluru Traders")
        assert (second.billing_gstin, second.place_of_supply, second.total_igst) == (
            BENGALURU_GSTIN, "29-Karnataka", D("18.00"))
        assert [(r.mode_of_payment, r.amount) for r in second.children("payments")] == [
            ("Cash", D("118.00"))]
        assert (second.grand_total, second.change_amount) == (D("118.00"), D("0.00"))

        back = sale(ctx, [{"item_code": "PEN", "qty": -1}], [], is_return=1,
                    return_against=first.name)
        assert (back.total_taxable_value, back.total_cgst, back.total_sgst) == (
            D("-100.00"), D("-9.00"), D("-9.00"))
        assert back.grand_total == D("-118.00")

        closing = close_session(ctx, opening, {"Cash": "2288.50"})
        assert gl_lines(ctx, closing.name) == [
            ("Cash - PF", D("288.50"), D("0.00")),
            ("Output Tax CGST - PF", D("0.00"), D("10.25")),
            ("Output Tax IGST - PF", D("0.00"), D("18.00")),
            ("Output Tax SGST - PF", D("0.00"), D("10.25")),
            ("Sales - PF", D("0.00"), D("250.00"))]
        assert_ledger_balanced(ctx, CO)
        assert_books_in_step(ctx)


def test_a_sale_through_the_terminal_api_gets_gst(site):
    handle = gst_counter(site)
    with handle.tx() as ctx:
        open_session(ctx)
    with handle.client(headers=handle.auth) as api:
        answer = api.post("/api/method/pos.submit_invoice", json={"invoice": {
            "uuid": "7f1c0a52-0000-4000-8000-000000000001", "pos_profile": "Counter 1",
            "posting_date": "2026-05-04", "items": [{"item_code": "NOTEBOOK", "qty": 2}],
            "payments": [{"mode_of_payment": "UPI", "amount": "105"}]}})
        assert answer.status_code == 200, answer.text
        assert answer.json()["message"]["grand_total"] == 105.0
        name = answer.json()["message"]["name"]
        stored = api.get(f"/api/resource/POS Invoice/{name}").json()["data"]
        assert (stored["total_cgst"], stored["total_sgst"]) == (2.5, 2.5)
        assert stored["items"][0]["gst_hsn_code"] == "4820"


def test_a_company_without_a_gstin_sells_without_gst(site):
    handle = pos_books(site, ("gst_india",))
    with handle.tx() as ctx:
        stocked_item(ctx, "PEN", 10, 10, 100, gst_hsn_code="9608")
        make_profile(ctx, taxes=GST)
        open_session(ctx)
        plain = sale(ctx, [{"item_code": "PEN", "qty": 1}], [("Cash", 118)])
        # outside GST the profile's own taxes stand, and no GST figures are set
        assert plain.grand_total == D("118.00")
        assert plain.total_cgst in (None, D("0"))
        assert query.count(ctx, "POS Invoice") == 1


def test_a_branch_counter_sells_under_the_branch_registration(site):
    """The profile names the Bengaluru branch (29AAPFU0939F1ZR): a walk-in sale of 1 Pen
    is supplied in Karnataka, CGST 9.00 + SGST 9.00, under the branch's GSTIN."""
    handle = gst_counter(site)
    with handle.tx() as ctx:
        branch = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Address", {
            "address_title": "PF Bengaluru", "city": "Bengaluru", "address_line1": "MG Road",
            "state": "Karnataka", "gstin": "29AAPFU0939F1ZR"})).name
        counter = lifecycle.get_doc(ctx, "POS Profile", "Counter 1")
        counter.company_address = branch
        lifecycle.save(ctx, counter)
        open_session(ctx)
        sold = sale(ctx, [{"item_code": "PEN", "qty": 1}], [("Cash", 118)])
        assert (sold.company_address, sold.company_gstin, sold.place_of_supply) == (
            branch, "29AAPFU0939F1ZR", "29-Karnataka")
        assert (sold.total_cgst, sold.total_sgst, sold.grand_total) == (
            D("9.00"), D("9.00"), D("118.00"))


def test_counter_sales_are_numbered_as_gst_invoices(site):
    """A POS sale is a tax invoice: at most 16 characters, restarting each financial
    year. Counter 1 takes GST Settings' POS series (PS-.FY.-.#####), counter 2 its own
    C2/.FY./.####; both dated 4 May 2026, in 2026-27."""
    handle = gst_counter(site)
    with handle.tx() as ctx:
        make_profile(ctx, name="Counter 2", naming_series="C2/.FY./.####")
        open_session(ctx)
        open_session(ctx, profile="Counter 2")
        first = sale(ctx, [{"item_code": "PEN", "qty": 1}], [("Cash", 118)])
        second = sale(ctx, [{"item_code": "PEN", "qty": 1}], [("Cash", 118)],
                      pos_profile="Counter 2")
    assert (first.name, second.name) == ("PS-2627-00001", "C2/2627/0001")


def test_a_counter_series_too_long_for_a_gst_invoice_is_refused(site):
    """PUNE-COUNTER-2526-00001 would have 23 characters."""
    handle = gst_counter(site)
    with pytest.raises(InvalidInvoiceNumber) as refused, handle.tx() as ctx:
        make_profile(ctx, name="Counter 2", naming_series="PUNE-COUNTER-.FY.-.#####")
    assert refused.value.field == "naming_series"
    assert "23 characters" in refused.value.message
