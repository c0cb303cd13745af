"""Credit limits: what Rao Traders owes Pune Furniture plus what they ordered and were
not billed for may not pass 30,000.00.

    An invoice for design work: 12,000.00 owed.
    Order 1: 5 Chairs @ 3,000.00 = 15,000.00; exposure 27,000.00: accepted.
    Order 2: 2 Chairs @ 3,000.00 = 6,000.00; exposure 33,000.00: refused, nothing kept.
    Invoice for more design work, 4,000.00: exposure 31,000.00: refused.
    A credit controller (the role named in Selling Settings) may pass the limit.
    Over the API the refusal is a 422 naming the customer, the limit and the exposure.
"""

import datetime as dt
from decimal import Decimal as D

import pytest

from core import lifecycle
from core.db import query
from core.singles import get_single
from modules.accounting.subledger import party_balance
from modules.inventory.tests.builders import (
    CO,
    assert_books_in_step,
    make_item,
    make_party,
    receive,
    stock_books,
)
from modules.sales.credit import unbilled_orders
from modules.sales.errors import CreditLimitExceeded
from modules.sales.invoicing import make_sales_invoice

CUSTOMER = "Rao Traders"


def submit(ctx, doctype, values):
    return lifecycle.insert(ctx, lifecycle.new_doc(ctx, doctype, values | {"docstatus": 1}))


def order(chairs):
    return {"customer": CUSTOMER, "company": CO, "transaction_date": "2026-05-03",
            "items": [{"item_code": "CHAIR", "qty": chairs, "rate": 3000}]}


def design_invoice(amount):
    return {"customer": CUSTOMER, "company": CO, "posting_date": "2026-05-02",
            "items": [{"item_code": "DESIGN", "qty": 1, "rate": amount}]}


def books_with_limit(site, bypass_at_order=0):
    handle = stock_books(site, ("sales",))
    with handle.tx() as ctx:
        make_item(ctx, "CHAIR")
        make_item(ctx, "DESIGN", group="Services", is_stock_item=0)
        make_party(ctx, "Customer", CUSTOMER)
        customer = lifecycle.get_doc(ctx, "Customer", CUSTOMER)
        customer.append("credit_limits", {
            "company": CO, "credit_limit": 30000,
            "bypass_credit_limit_check_at_sales_order": bypass_at_order}, ctx)
        lifecycle.save(ctx, customer)
        receive(ctx, "CHAIR", 10, 1500)
        submit(ctx, "Sales Invoice", design_invoice(12000))
    return handle


def test_orders_and_invoices_stop_at_the_credit_limit(site):
    handle = books_with_limit(site)
    with handle.tx() as ctx:
        ctx.now = dt.datetime(2026, 5, 3, 10, 0)
        submit(ctx, "Sales Order", order(5))
        assert party_balance(ctx, CO, "Customer", CUSTOMER) == D("12000")
        assert unbilled_orders(ctx, CUSTOMER, CO) == D("15000")
    with pytest.raises(CreditLimitExceeded, match=(
            r"credit limit of 30000\.00 for customer Rao Traders in Pune Furniture exceeded"
            r": exposure 33000\.00 \(outstanding 12000\.00 \+ unbilled orders 21000\.00\)")), \
            handle.tx() as ctx:
        submit(ctx, "Sales Order", order(2))
    with pytest.raises(CreditLimitExceeded, match=(
            r"exposure 31000\.00 \(outstanding 16000\.00 \+ unbilled orders 15000\.00\)")), \
            handle.tx() as ctx:
        submit(ctx, "Sales Invoice", design_invoice(4000))
    with handle.tx() as ctx:  # nothing of the refused documents was kept
        assert query.count(ctx, "Sales Order") == 1
        assert query.count(ctx, "Sales Invoice") == 1
        assert query.get_value(ctx, "Bin", {"item_code": "CHAIR"}, "reserved_qty") == D("5")
        assert party_balance(ctx, CO, "Customer", CUSTOMER) == D("12000")
        assert_books_in_step(ctx)


def test_an_invoice_billing_an_accepted_order_is_not_held_back(site):
    """Billing the accepted order moves 15,000.00 from ordered to owed: exposure stays
    27,000.00, and the invoice only bills order lines, so it passes."""
    handle = books_with_limit(site)
    with handle.tx() as ctx:
        ctx.now = dt.datetime(2026, 5, 3, 10, 0)
        accepted = submit(ctx, "Sales Order", order(5))
        draft = make_sales_invoice(ctx, accepted.name, "Sales Order")
        submit(ctx, "Sales Invoice", draft | {"posting_date": "2026-05-03"})
        assert party_balance(ctx, CO, "Customer", CUSTOMER) == D("27000")
        assert unbilled_orders(ctx, CUSTOMER, CO) == D("0")


def test_a_limit_bypassed_at_order_is_checked_on_the_invoice_alone(site):
    handle = books_with_limit(site, bypass_at_order=1)
    with handle.tx() as ctx:
        ctx.now = dt.datetime(2026, 5, 3, 10, 0)
        submit(ctx, "Sales Order", order(7))  # 21,000.00 ordered: not checked
        submit(ctx, "Sales Invoice", design_invoice(18000))  # owed 30,000.00: at the limit
    with pytest.raises(CreditLimitExceeded, match=r"exposure 30000\.01 \(outstanding "
                                                  r"30000\.01 \+ unbilled orders 0\.00\)"), \
            handle.tx() as ctx:
        submit(ctx, "Sales Invoice", design_invoice(D("0.01")))


def test_the_credit_controller_may_pass_the_limit(site):
    handle = books_with_limit(site)
    with handle.tx() as ctx:
        settings = get_single(ctx, "Selling Settings")
        settings.credit_controller = "Sales Manager"
        lifecycle.save(ctx, settings)
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "User", {
            "login": "meera", "full_name": "Meera Iyer", "password": "long-enough-pw",
            "roles": [{"role": "Sales User"}, {"role": "Sales Manager"}]}))
    with pytest.raises(CreditLimitExceeded), handle.tx() as ctx:
        submit(ctx, "Sales Order", order(7))  # the administrator is no credit controller
    with handle.tx("meera") as ctx:
        ctx.now = dt.datetime(2026, 5, 3, 10, 0)
        passed = submit(ctx, "Sales Order", order(7))
        assert unbilled_orders(ctx, CUSTOMER, CO) == D("21000")
        assert query.get_value(ctx, "Sales Order", passed.name, "status") \
            == "To Deliver and Bill"


def test_the_api_refuses_an_order_past_the_limit_with_the_exposure(site):
    handle = books_with_limit(site)
    with handle.client(headers=handle.auth) as api:
        response = api.post("/api/resource/Sales Order", json=order(7) | {"docstatus": 1})
        assert response.status_code == 422
        body = response.json()
        assert body["exc_type"] == "CreditLimitExceeded"
        assert "customer Rao Traders" in body["message"]
        assert "credit limit of 30000.00" in body["message"]
        assert "exposure 33000.00" in body["message"]
    with handle.tx() as ctx:
        assert query.count(ctx, "Sales Order") == 0
