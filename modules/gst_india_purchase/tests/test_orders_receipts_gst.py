"""GST on purchase orders and receipts of Pune Furniture (Maharashtra, 27): the figures
of a purchase invoice, posted by neither; the receipt's goods enter stock net of GST
(input credit is claimed on the bill, it is not part of the cost).

    Deccan Transport (unregistered GTA), reverse charge: freight 10,000.00 at 5%
      lines show CGST 2.5% 250.00 + SGST 2.5% 250.00; rows Input Tax ... RCM +250.00
      and Output Tax ... RCM -250.00 each; total taxes 0.00; grand total 10,000.00;
      its bill is under reverse charge too and posts both sides
    Bengaluru Tools (29): 10 x Oak Plank @ 1,000.00 = 10,000.00 at 18%
      IGST 1,800.00; grand total 11,800.00; stock value 10,000.00
      bill: Stock Received But Not Billed Dr 10,000.00 + Input Tax IGST Dr 1,800.00,
      Creditors Cr 11,800.00
"""

import pytest
from sqlalchemy import func, select

from core.db import query
from modules.accounting.tests.builders import gl_lines
from modules.gst_india.tests.builders import (
    BENGALURU_GSTIN,
    CO,
    D,
    insert,
    item,
    make_gst_company,
    supplier,
)
from modules.inventory.tests.builders import assert_books_in_step
from modules.purchase.billing import make_purchase_invoice
from modules.purchase.ordering import make_purchase_receipt
from tests.fixtures import make_tenant


@pytest.fixture
def buyer(site):
    handle = make_tenant(site, modules=["gst_india", "purchase"])
    with handle.tx() as ctx:
        assert "gst_india_purchase" in ctx.tenant.modules
        make_gst_company(ctx)
        insert(ctx, "Item", {"item_code": "OAK", "item_name": "Oak Plank",
                             "item_group": "Products", "is_stock_item": 1,
                             "gst_hsn_code": "44079990"})
        insert(ctx, "GST Rate", {"item_code": "OAK", "gst_rate": "18",
                                 "valid_from": "2025-04-01"})
        item(ctx, "FREIGHT", "996511", [("2025-04-01", "5")], group="Services")
    return handle


def taxes(doc):
    return [(t.account_head, t.tax_amount) for t in doc.children("taxes")]


def test_purchase_order_under_reverse_charge_shows_both_sides_and_nets_to_zero(buyer):
    with buyer.tx() as ctx:
        supplier(ctx, "Deccan Transport")
        order = insert(ctx, "Purchase Order", {
            "supplier": "Deccan Transport", "company": CO, "transaction_date": "2025-06-12",
            "is_reverse_charge": 1, "docstatus": 1,
            "items": [{"item_code": "FREIGHT", "qty": 1, "rate": "10000"}]})
        assert (order.gst_category, order.supplier_gstin, order.place_of_supply,
                order.is_reverse_charge) == ("Unregistered", None, "27-Maharashtra", 1)
        (line,) = order.children("items")
        assert (line.gst_hsn_code, line.gst_rate, line.taxable_value, line.cgst_amount,
                line.sgst_amount, line.igst_amount) == (
            "996511", D("5"), D("10000.00"), D("250.00"), D("250.00"), D("0"))
        assert taxes(order) == [("Input Tax CGST RCM - PF", D("250.00")),
                                ("Output Tax CGST RCM - PF", D("-250.00")),
                                ("Input Tax SGST RCM - PF", D("250.00")),
                                ("Output Tax SGST RCM - PF", D("-250.00"))]
        assert (order.total_cgst, order.total_sgst, order.total_taxes_and_charges,
                order.grand_total, order.base_grand_total) == (
            D("250.00"), D("250.00"), D("0.00"), D("10000.00"), D("10000.00"))
        assert gl_lines(ctx, order.name) == []
        draft = make_purchase_invoice(ctx, order.name)
        draft["items"][0]["expense_account"] = "Freight and Forwarding Charges - PF"
        bill = insert(ctx, "Purchase Invoice", draft | {
            "posting_date": "2025-06-13", "docstatus": 1})   # reverse charge comes along
        assert (bill.is_reverse_charge, bill.total_cgst, bill.grand_total) == (
            1, D("250.00"), D("10000.00"))
        assert gl_lines(ctx, bill.name) == [
            ("Creditors - PF", D("0"), D("10000.00")),
            ("Freight and Forwarding Charges - PF", D("10000.00"), D("0")),
            ("Input Tax CGST RCM - PF", D("250.00"), D("0")),
            ("Input Tax SGST RCM - PF", D("250.00"), D("0")),
            ("Output Tax CGST RCM - PF", D("0"), D("250.00")),
            ("Output Tax SGST RCM - PF", D("0"), D("250.00"))]


def stock_ledger_value(ctx, voucher_no):
    sle = query.view(ctx, "Stock Ledger Entry")
    total = ctx.conn.execute(select(func.sum(sle.c.stock_value_difference)).where(
        sle.c.voucher_no == voucher_no)).scalar()
    return D(str(total)).quantize(D("0.01"))


def test_purchase_receipt_values_stock_net_of_gst_and_its_bill_claims_it(buyer):
    with buyer.tx() as ctx:
        supplier(ctx, "Bengaluru Tools", BENGALURU_GSTIN)
        order = insert(ctx, "Purchase Order", {
            "supplier": "Bengaluru Tools", "company": CO, "transaction_date": "2025-06-09",
            "docstatus": 1, "items": [{"item_code": "OAK", "qty": 10, "rate": "1000"}]})
        assert (order.total_igst, order.grand_total) == (D("1800.00"), D("11800.00"))
        draft = make_purchase_receipt(ctx, order.name) | {"posting_date": "2025-06-10",
                                                          "docstatus": 1}
        receipt = insert(ctx, "Purchase Receipt", draft)
        (line,) = receipt.children("items")
        assert (receipt.place_of_supply, receipt.supplier_gstin, line.taxable_value,
                line.igst_amount, line.cgst_amount) == (
            "27-Maharashtra", BENGALURU_GSTIN, D("10000.00"), D("1800.00"), D("0"))
        assert taxes(receipt) == [("Input Tax IGST - PF", D("1800.00"))]
        assert (receipt.total, receipt.total_taxes_and_charges, receipt.grand_total) == (
            D("10000.00"), D("1800.00"), D("11800.00"))
        assert stock_ledger_value(ctx, receipt.name) == D("10000.00")
        assert gl_lines(ctx, receipt.name) == [
            ("Stock In Hand - PF", D("10000.00"), D("0.00")),
            ("Stock Received But Not Billed - PF", D("0.00"), D("10000.00"))]
        bill = make_purchase_invoice(ctx, receipt.name) | {"posting_date": "2025-06-11",
                                                           "docstatus": 1}
        invoice = insert(ctx, "Purchase Invoice", bill)
        assert (invoice.total_igst, invoice.grand_total) == (D("1800.00"), D("11800.00"))
        assert gl_lines(ctx, invoice.name) == [
            ("Creditors - PF", D("0"), D("11800.00")),
            ("Input Tax IGST - PF", D("1800.00"), D("0")),
            ("Stock Received But Not Billed - PF", D("10000.00"), D("0"))]
        assert_books_in_step(ctx, CO)
