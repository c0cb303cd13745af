"""Taxes typed on a purchase order, in a tenant without any country's tax module: the
order and its receipt total them and post nothing of them, the goods enter stock at
their net value, and the bill carries the taxes and posts them.

    Order: 10 x Plank @ 100.00 = 1,000.00 (net total)
      Purchase Tax 10% on net total           100.00   running 1,100.00
      Freight (Actual)                        200.00   running 1,300.00
    grand total 1,300.00
    Receipt of the 10: the same rows and totals; stock value 1,000.00
      (Stock In Hand Dr 1,000.00 / Stock Received But Not Billed Cr 1,000.00)
    Bill of the receipt: Stock Received But Not Billed Dr 1,000.00, Purchase Tax Dr
      100.00, Freight Dr 200.00, Creditors Cr 1,300.00
"""

from decimal import Decimal as D

from core import lifecycle
from modules.accounting.tests.builders import gl_lines
from modules.inventory.tests.builders import (
    CO,
    assert_books_in_step,
    make_item,
    make_party,
    stock_books,
)
from modules.purchase.billing import make_purchase_invoice
from modules.purchase.ordering import make_purchase_receipt
from modules.purchase.tests.builders import SUPPLIER, stock_of, submit

TAXES = [{"charge_type": "On Net Total", "account_head": "Purchase Tax - PF", "rate": 10,
          "description": "Purchase Tax"},
         {"charge_type": "Actual", "account_head": "Freight and Forwarding Charges - PF",
          "tax_amount": 200, "description": "Freight"}]


def rows(doc):
    return [(t.account_head, t.tax_amount, t.total) for t in doc.children("taxes")]


def test_order_taxes_carry_to_receipt_and_bill_and_stock_stays_net(site):
    handle = stock_books(site, ("purchase",))
    with handle.tx() as ctx:
        assert "gst_india" not in ctx.tenant.modules
        make_item(ctx, "PLANK")
        make_party(ctx, "Supplier", SUPPLIER)
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Account", {
            "account_name": "Purchase Tax", "company": CO,
            "parent_account": "Duties and Taxes - PF", "account_type": "Tax"}))
        order = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Purchase Order", {
            "supplier": SUPPLIER, "company": CO, "transaction_date": "2026-05-02",
            "items": [{"item_code": "PLANK", "qty": 10, "rate": 100}], "taxes": TAXES,
            "docstatus": 1}))
        expected = [("Purchase Tax - PF", D("100.00"), D("1100.00")),
                    ("Freight and Forwarding Charges - PF", D("200.00"), D("1300.00"))]
        assert rows(order) == expected
        assert (order.total, order.total_taxes_and_charges, order.grand_total,
                order.base_grand_total) == (D("1000.00"), D("300.00"), D("1300.00"),
                                            D("1300.00"))
        receipt_name = submit(ctx, make_purchase_receipt(ctx, order.name),
                              posting_date="2026-05-03")
        receipt = lifecycle.get_doc(ctx, "Purchase Receipt", receipt_name)
        assert (rows(receipt), receipt.grand_total) == (expected, D("1300.00"))
        assert stock_of(ctx, "PLANK") == (D("10"), D("1000.00"))
        assert gl_lines(ctx, receipt_name) == [
            ("Stock In Hand - PF", D("1000.00"), D("0.00")),
            ("Stock Received But Not Billed - PF", D("0.00"), D("1000.00"))]
        bill_name = submit(ctx, make_purchase_invoice(ctx, receipt_name),
                           posting_date="2026-05-04")
        assert gl_lines(ctx, bill_name) == [
            ("Creditors - PF", D("0"), D("1300.00")),
            ("Freight and Forwarding Charges - PF", D("200.00"), D("0")),
            ("Purchase Tax - PF", D("100.00"), D("0")),
            ("Stock Received But Not Billed - PF", D("1000.00"), D("0"))]
        assert_books_in_step(ctx)
