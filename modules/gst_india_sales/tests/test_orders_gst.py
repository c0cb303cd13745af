"""GST on quotations, sales orders and delivery notes of Pune Furniture (Maharashtra, 27):
the same figures as on an invoice, at the rates of the document's date, posted by none
of them; the invoice made from them works its GST out again on its own date.

    2 x Chair @ 500.00 = 1,000.00;  1 x Stool @ 250.00 = 250.00;  taxable 1,250.00 at 18%
    Mumbai (27, same state):  CGST 9% 112.50 + SGST 9% 112.50;  grand total 1,475.00
    Bengaluru (29):           IGST 18% 225.00;                  grand total 1,475.00
"""

import pytest

from core import lifecycle
from modules.accounting.tests.builders import assert_ledger_balanced, gl_lines
from modules.gst_india.tests.builders import (
    BENGALURU_GSTIN,
    CO,
    MUMBAI_GSTIN,
    PUNE_GSTIN,
    D,
    customer,
    insert,
    item,
    make_gst_company,
)
from modules.inventory.tests.builders import assert_books_in_step
from modules.sales.invoicing import make_sales_invoice
from modules.sales.quoting import make_sales_order
from tests.fixtures import make_tenant

ITEMS = [{"item_code": "CHAIR", "qty": 2, "rate": "500"},
         {"item_code": "STOOL", "qty": 1, "rate": "250"}]


@pytest.fixture
def shop(site):
    """Selling and GST India installed: the bridge comes with them."""
    handle = make_tenant(site, modules=["gst_india", "sales"])
    with handle.tx() as ctx:
        assert "gst_india_sales" in ctx.tenant.modules
        make_gst_company(ctx)
        item(ctx, "CHAIR", "94017100", [("2025-04-01", "18")])
        item(ctx, "STOOL", "9401", [("2025-04-01", "18")])
        item(ctx, "TABLE", "9403", [("2025-04-01", "12"), ("2025-09-22", "5")])
    return handle


def taxes(doc):
    return [(t.account_head, t.description, t.tax_amount) for t in doc.children("taxes")]


def test_intra_state_sales_order_splits_gst_and_posts_nothing(shop):
    with shop.tx() as ctx:
        customer(ctx, "Mumbai Traders", MUMBAI_GSTIN)
        order = insert(ctx, "Sales Order", {
            "customer": "Mumbai Traders", "company": CO, "transaction_date": "2025-06-02",
            "items": ITEMS, "docstatus": 1})
        assert (order.place_of_supply, order.gst_category, order.is_reverse_charge,
                order.company_gstin, order.billing_gstin) == (
            "27-Maharashtra", "Registered Regular", 0, PUNE_GSTIN, MUMBAI_GSTIN)
        chair, stool = order.children("items")
        assert (chair.gst_hsn_code, chair.gst_rate, chair.taxable_value, chair.cgst_amount,
                chair.sgst_amount, chair.igst_amount, chair.cess_amount) == (
            "94017100", D("18"), D("1000.00"), D("90.00"), D("90.00"), D("0"), D("0"))
        assert (stool.taxable_value, stool.cgst_amount, stool.sgst_amount) == (
            D("250.00"), D("22.50"), D("22.50"))
        assert (order.total_taxable_value, order.total_cgst, order.total_sgst,
                order.total_igst, order.total_cess) == (
            D("1250.00"), D("112.50"), D("112.50"), D("0"), D("0"))
        assert taxes(order) == [("Output Tax CGST - PF", "CGST", D("112.50")),
                                ("Output Tax SGST - PF", "SGST", D("112.50"))]
        assert (order.total, order.total_taxes_and_charges, order.grand_total) == (
            D("1250.00"), D("225.00"), D("1475.00"))
        assert gl_lines(ctx, order.name) == []   # an order posts nothing


def test_inter_state_quotation_bears_igst(shop):
    with shop.tx() as ctx:
        customer(ctx, "Bengaluru Interiors", BENGALURU_GSTIN)
        quotation = insert(ctx, "Quotation", {
            "customer": "Bengaluru Interiors", "company": CO,
            "transaction_date": "2025-06-02", "items": ITEMS, "docstatus": 1})
        assert (quotation.place_of_supply, quotation.billing_gstin) == (
            "29-Karnataka", BENGALURU_GSTIN)
        assert [(r.igst_amount, r.cgst_amount, r.sgst_amount)
                for r in quotation.children("items")] == [
            (D("180.00"), D("0"), D("0")), (D("45.00"), D("0"), D("0"))]
        assert taxes(quotation) == [("Output Tax IGST - PF", "IGST", D("225.00"))]
        assert (quotation.total_igst, quotation.grand_total) == (D("225.00"),
                                                                 D("1475.00"))


def test_quotation_to_an_unregistered_buyer_is_taxed_where_its_address_is(shop):
    """No GSTIN and no address: an unregistered buyer at the company's state (CGST +
    SGST 112.50 each). With a billing address in Karnataka the supply is inter-state:
    IGST 225.00, and so is the order made from the quotation."""
    with shop.tx() as ctx:
        customer(ctx, "Walk-in Buyer")
        local = insert(ctx, "Quotation", {
            "customer": "Walk-in Buyer", "company": CO, "transaction_date": "2025-06-02",
            "items": ITEMS})
        assert (local.gst_category, local.billing_gstin, local.place_of_supply,
                local.total_cgst, local.total_sgst, local.grand_total) == (
            "Unregistered", None, "27-Maharashtra", D("112.50"), D("112.50"),
            D("1475.00"))
        address = insert(ctx, "Address", {
            "address_title": "Buyer Bengaluru", "address_line1": "MG Road",
            "city": "Bengaluru", "state": "Karnataka", "country": "India"}).name
        local.customer_address = address
        moved = lifecycle.save(ctx, local)
        assert (moved.place_of_supply, moved.total_cgst, moved.total_igst,
                moved.grand_total) == ("29-Karnataka", D("0"), D("225.00"), D("1475.00"))
        lifecycle.submit(ctx, moved)
        order = insert(ctx, "Sales Order", make_sales_order(ctx, moved.name) | {
            "transaction_date": "2025-06-03"})   # the billing address comes along
        assert (order.customer_address, order.place_of_supply, order.total_igst) == (
            address, "29-Karnataka", D("225.00"))


def test_delivery_note_lines_carry_gst_and_its_invoice_posts_it(shop):
    """5 Desks received @ 1,200.00, delivered 3 @ 2,000.00 to Mumbai on 2 June 2025:
    taxable 6,000.00 at 12%: CGST 6% 360.00 + SGST 6% 360.00, grand total 6,720.00.
    The delivery posts its cost only (COGS 3,600.00 / Stock In Hand); the invoice made
    from it posts the GST."""
    with shop.tx() as ctx:
        customer(ctx, "Mumbai Traders", MUMBAI_GSTIN)
        insert(ctx, "Item", {"item_code": "DESK", "item_name": "Desk",
                             "item_group": "Products", "is_stock_item": 1,
                             "gst_hsn_code": "94033010"})
        insert(ctx, "GST Rate", {"item_code": "DESK", "gst_rate": "12",
                                 "valid_from": "2025-04-01"})
        insert(ctx, "Stock Entry", {
            "stock_entry_type": "Material Receipt", "company": CO,
            "posting_date": "2025-06-01", "docstatus": 1,
            "items": [{"item_code": "DESK", "qty": 5, "basic_rate": 1200,
                       "t_warehouse": "Stores - PF"}]})
        note = insert(ctx, "Delivery Note", {
            "customer": "Mumbai Traders", "company": CO, "posting_date": "2025-06-02",
            "items": [{"item_code": "DESK", "qty": 3, "rate": "2000"}], "docstatus": 1})
        (line,) = note.children("items")
        assert (line.gst_hsn_code, line.gst_rate, line.taxable_value, line.cgst_amount,
                line.sgst_amount, line.igst_amount) == (
            "94033010", D("12"), D("6000.00"), D("360.00"), D("360.00"), D("0"))
        assert taxes(note) == [("Output Tax CGST - PF", "CGST", D("360.00")),
                               ("Output Tax SGST - PF", "SGST", D("360.00"))]
        assert (note.total_taxable_value, note.grand_total) == (D("6000.00"),
                                                                D("6720.00"))
        assert gl_lines(ctx, note.name) == [
            ("Cost of Goods Sold - PF", D("3600.00"), D("0.00")),
            ("Stock In Hand - PF", D("0.00"), D("3600.00"))]
        draft = make_sales_invoice(ctx, note.name) | {"posting_date": "2025-06-03",
                                                      "docstatus": 1}
        invoice = insert(ctx, "Sales Invoice", draft)
        assert (invoice.total_cgst, invoice.total_sgst, invoice.grand_total) == (
            D("360.00"), D("360.00"), D("6720.00"))
        assert gl_lines(ctx, invoice.name) == [
            ("Debtors - PF", D("6720.00"), D("0")),
            ("Output Tax CGST - PF", D("0"), D("360.00")),
            ("Output Tax SGST - PF", D("0"), D("360.00")),
            ("Sales - PF", D("0"), D("6000.00"))]
        assert_books_in_step(ctx, CO)


def test_order_before_the_rate_change_is_invoiced_at_the_invoice_dates_rate(shop):
    """Tables went from 12% to 5% on 22 September 2025. Ordered on 15 September:
    1 x Table @ 10,000.00, CGST 6% 600.00 + SGST 6% 600.00, grand total 11,200.00.
    Invoiced on 23 September: CGST 2.5% 250.00 + SGST 2.5% 250.00, grand total
    10,500.00 (the order's own rows are replaced, not added)."""
    with shop.tx() as ctx:
        customer(ctx, "Mumbai Traders", MUMBAI_GSTIN)
        order = insert(ctx, "Sales Order", {
            "customer": "Mumbai Traders", "company": CO, "transaction_date": "2025-09-15",
            "items": [{"item_code": "TABLE", "qty": 1, "rate": "10000"}], "docstatus": 1})
        assert (order.children("items")[0].gst_rate, order.total_cgst, order.total_sgst,
                order.grand_total) == (D("12"), D("600.00"), D("600.00"), D("11200.00"))
        draft = make_sales_invoice(ctx, order.name, source_doctype="Sales Order")
        invoice = insert(ctx, "Sales Invoice", draft | {"posting_date": "2025-09-23",
                                                        "docstatus": 1})
        assert (invoice.children("items")[0].gst_rate, invoice.total_cgst,
                invoice.total_sgst, invoice.grand_total) == (
            D("5"), D("250.00"), D("250.00"), D("10500.00"))
        assert taxes(invoice) == [("Output Tax CGST - PF", "CGST", D("250.00")),
                                  ("Output Tax SGST - PF", "SGST", D("250.00"))]
        assert gl_lines(ctx, invoice.name) == [
            ("Debtors - PF", D("10500.00"), D("0")),
            ("Output Tax CGST - PF", D("0"), D("250.00")),
            ("Output Tax SGST - PF", D("0"), D("250.00")),
            ("Sales - PF", D("0"), D("10000.00"))]
        assert_ledger_balanced(ctx, CO)
