"""Taxes typed on a sales order, in a tenant without any country's tax module: the order
totals them, posts nothing, and the invoices made from it carry them.

    Order: 4 x Installation @ 500.00 = 2,000.00 (net total)
      Sales Tax 10% on net total              200.00   running 2,200.00
      Freight (Actual)                        150.00   running 2,350.00
    total taxes 350.00; grand total 2,350.00
    Invoice 1 bills 2: 1,000.00 + 10% 100.00 + freight 150.00 = 1,250.00
    Invoice 2 bills the other 2: 1,000.00 + 10% 100.00 = 1,100.00 (the freight was
    charged once, on the first invoice)
"""

from decimal import Decimal as D

import pytest

from core import lifecycle
from modules.accounting.tests.builders import gl_lines
from modules.inventory.tests.builders import (
    CO,
    assert_books_in_step,
    make_item,
    make_party,
    stock_books,
)
from modules.sales.errors import CreditLimitExceeded
from modules.sales.invoicing import make_sales_invoice
from modules.sales.quoting import make_sales_order

CUSTOMER = "Rao Traders"
TAXES = [{"charge_type": "On Net Total", "account_head": "Sales Tax - PF", "rate": 10,
          "description": "Sales Tax"},
         {"charge_type": "Actual", "account_head": "Freight and Forwarding Charges - PF",
          "tax_amount": 150, "description": "Freight"}]


def submit(ctx, doctype, values):
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, doctype, values | {"docstatus": 1}))


@pytest.fixture
def books(site):
    handle = stock_books(site, ("sales",))
    with handle.tx() as ctx:
        assert "gst_india" not in ctx.tenant.modules
        make_item(ctx, "INSTALL", group="Services", is_stock_item=0)
        make_party(ctx, "Customer", CUSTOMER)
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Account", {
            "account_name": "Sales Tax", "company": CO,
            "parent_account": "Duties and Taxes - PF", "account_type": "Tax"}))
    return handle


def order_values(**extra):
    return {"customer": CUSTOMER, "company": CO, "transaction_date": "2026-05-03",
            "items": [{"item_code": "INSTALL", "qty": 4, "rate": 500}], "taxes": TAXES,
            **extra}


def rows(doc):
    return [(t.account_head, t.tax_amount, t.total) for t in doc.children("taxes")]


def test_manual_taxes_on_an_order_total_and_carry_into_its_invoices(books):
    with books.tx() as ctx:
        order = submit(ctx, "Sales Order", order_values())
        assert rows(order) == [("Sales Tax - PF", D("200.00"), D("2200.00")),
                               ("Freight and Forwarding Charges - PF", D("150.00"),
                                D("2350.00"))]
        assert (order.total, order.total_taxes_and_charges, order.grand_total) == (
            D("2000.00"), D("350.00"), D("2350.00"))
        assert gl_lines(ctx, order.name) == []
        draft = make_sales_invoice(ctx, order.name, source_doctype="Sales Order")
        draft["items"][0]["qty"] = 2
        first = submit(ctx, "Sales Invoice", draft | {"posting_date": "2026-05-04"})
        assert rows(first) == [("Sales Tax - PF", D("100.00"), D("1100.00")),
                               ("Freight and Forwarding Charges - PF", D("150.00"),
                                D("1250.00"))]
        assert gl_lines(ctx, first.name) == [
            ("Debtors - PF", D("1250.00"), D("0")),
            ("Freight and Forwarding Charges - PF", D("0"), D("150.00")),
            ("Sales - PF", D("0"), D("1000.00")),
            ("Sales Tax - PF", D("0"), D("100.00"))]
        rest = make_sales_invoice(ctx, order.name, source_doctype="Sales Order")
        second = submit(ctx, "Sales Invoice", rest | {"posting_date": "2026-05-05"})
        assert (rows(second), second.grand_total) == (
            [("Sales Tax - PF", D("100.00"), D("1100.00"))], D("1100.00"))
        assert lifecycle.get_doc(ctx, "Sales Order", order.name).per_billed == D("100")
        assert_books_in_step(ctx)


def test_quotation_taxes_carry_into_the_order(books):
    with books.tx() as ctx:
        quotation = submit(ctx, "Quotation", order_values() | {"transaction_date":
                                                                 "2026-05-01"})
        assert quotation.grand_total == D("2350.00")
        draft = make_sales_order(ctx, quotation.name)
        order = submit(ctx, "Sales Order", draft | {"transaction_date": "2026-05-02"})
        assert (rows(order), order.grand_total) == (rows(quotation), D("2350.00"))


def test_an_orders_taxes_count_in_the_credit_exposure(books):
    """Limit 2,300.00: the order's net 2,000.00 would pass, its 2,350.00 with taxes (what
    its invoices will charge) does not."""
    with books.tx() as ctx:
        customer = lifecycle.get_doc(ctx, "Customer", CUSTOMER)
        customer.append("credit_limits", {"company": CO, "credit_limit": 2300}, ctx)
        lifecycle.save(ctx, customer)
    with books.tx() as ctx, pytest.raises(CreditLimitExceeded,
                                          match=r"unbilled orders 2350\.00"):
        submit(ctx, "Sales Order", order_values())


def test_the_order_form_and_print_show_its_taxes_and_grand_total(books):
    with books.tx() as ctx:
        order = submit(ctx, "Sales Order", order_values())
    with books.client(headers=books.auth) as api:
        form = api.get(f"/app/Sales Order/{order.name}").text
        printed = api.get(f"/printview/Sales Order/{order.name}").text
    for html in (form, printed):
        assert "Taxes and Charges" in html and "Sales Tax - PF" in html
        assert "Grand Total" in html and ("2,350.00" in html or "2350.00" in html)
