"""Points earned on sales invoices and counter sales, their deferred revenue, and the
tier a customer's spend reaches.

    Shop Rewards: a point is worth 0.25; Silver 1 point per 100.00, Gold (from 10,000.00
    spent) 1 point per 50.00; points expire 90 days after the sale.
"""

from core.db import query
from modules.accounting.tests.builders import account_balances, gl_lines
from modules.inventory.tests.builders import assert_books_in_step, make_item, make_party
from modules.loyalty.tests.builders import (
    DEFERRED,
    LIABILITY,
    PROGRAM,
    D,
    balance,
    entries,
    loyalty_books,
    make_program,
    member,
    sales_invoice,
    tier_of,
)
from modules.pos.tests.builders import (
    GST,
    close_session,
    make_profile,
    open_session,
    sale,
    stocked_item,
)


def test_a_sales_invoice_earns_points_and_defers_their_value(site):
    """3 Chair @ 1,000.00 = 3,000.00; CGST 9% 270.00, SGST 9% 270.00; grand total
    3,540.00. Silver: floor(3,540 / 100) = 35 points, worth 35 x 0.25 = 8.75, deferred:
    Dr Loyalty Revenue Deferred 8.75 / Cr Loyalty Points Liability 8.75."""
    handle = loyalty_books(site)
    with handle.tx() as ctx:
        make_item(ctx, "CHAIR")
        make_program(ctx)
        member(ctx, "Asha Traders")
        invoice = sales_invoice(ctx, "Asha Traders", [("CHAIR", 3, 1000)])
        assert invoice.loyalty_program == PROGRAM
        assert gl_lines(ctx, invoice.name) == [
            ("Debtors - PF", D("3540.00"), D("0.00")),
            (LIABILITY, D("0.00"), D("8.75")),
            (DEFERRED, D("8.75"), D("0.00")),
            ("Output Tax CGST - PF", D("0.00"), D("270.00")),
            ("Output Tax SGST - PF", D("0.00"), D("270.00")),
            ("Sales - PF", D("0.00"), D("3000.00")),
        ]
        assert entries(ctx, "Asha Traders") == [("Earned", 35, invoice.name)]
        assert query.get_value(ctx, "Sales Invoice", invoice.name,
                               "loyalty_points_earned") == 35
        assert query.get_value(ctx, "Sales Invoice", invoice.name,
                               "outstanding_amount") == D("3540.00")
        assert balance(ctx, "Asha Traders") == 35
        # 90 days: valid through 2026-08-02, gone on the 3rd
        assert balance(ctx, "Asha Traders", "2026-08-02") == 35
        assert balance(ctx, "Asha Traders", "2026-08-03") == 0
        assert tier_of(ctx, "Asha Traders") == "Silver"
        assert_books_in_step(ctx)


def test_a_counter_sale_earns_points_when_submitted(site):
    """2 Lamp @ 1,250.00 = 2,500.00; CGST 9% 225.00, SGST 9% 225.00; grand total
    2,950.00, paid in cash. Silver: floor(2,950 / 100) = 29 points = 7.25 deferred when
    the sale is submitted; the lamps cost 2 x 400.00 = 800.00. The closing then posts
    the revenue: Cash 2,950.00 Dr, Sales 2,500.00 Cr, taxes 225.00 Cr each."""
    handle = loyalty_books(site)
    with handle.tx() as ctx:
        stocked_item(ctx, "LAMP", 10, 400, 1250)
        make_program(ctx)
        member(ctx, "Ravi Kumar")
        make_profile(ctx, taxes=GST)
        opening = open_session(ctx)
        counter = sale(ctx, [{"item_code": "LAMP", "qty": 2}], [("Cash", "2950")],
                       customer="Ravi Kumar")
        assert gl_lines(ctx, counter.name) == [
            ("Cost of Goods Sold - PF", D("800.00"), D("0.00")),
            (LIABILITY, D("0.00"), D("7.25")),
            (DEFERRED, D("7.25"), D("0.00")),
            ("Stock In Hand - PF", D("0.00"), D("800.00")),
        ]
        assert entries(ctx, "Ravi Kumar") == [("Earned", 29, counter.name)]
        close_session(ctx, opening, {"Cash": "4950"})
        balances = account_balances(ctx, "Pune Furniture")
        assert {a: balances.get(a) for a in (
            "Sales - PF", "Output Tax CGST - PF", LIABILITY, DEFERRED)} == {
            "Sales - PF": D("-2500.00"), "Output Tax CGST - PF": D("-225.00"),
            LIABILITY: D("-7.25"), DEFERRED: D("7.25")}
        assert_books_in_step(ctx)


def test_spend_past_the_gold_minimum_lifts_the_tier_for_later_sales(site):
    """10 Chair @ 1,000.00 = 10,000.00 (no tax), still at Silver: 100 points (25.00).
    Spend is now 10,000.00: Gold. 1 Chair @ 1,000.00 at Gold: 1,000 / 50 = 20 points
    (5.00)."""
    handle = loyalty_books(site)
    with handle.tx() as ctx:
        make_item(ctx, "CHAIR")
        make_program(ctx)
        member(ctx, "Asha Traders")
        first = sales_invoice(ctx, "Asha Traders", [("CHAIR", 10, 1000)], taxes=False)
        assert tier_of(ctx, "Asha Traders") == "Gold"
        second = sales_invoice(ctx, "Asha Traders", [("CHAIR", 1, 1000)], taxes=False)
        assert entries(ctx, "Asha Traders") == [("Earned", 100, first.name),
                                                 ("Earned", 20, second.name)]
        assert query.get_value(ctx, "Loyalty Point Entry", {"voucher_no": second.name},
                               "loyalty_tier") == "Gold"
        assert gl_lines(ctx, second.name)[1:3] == [(LIABILITY, D("0.00"), D("5.00")),
                                                   (DEFERRED, D("5.00"), D("0.00"))]
        assert account_balances(ctx, "Pune Furniture")[LIABILITY] == D("-30.00")
        assert_books_in_step(ctx)


def test_a_customer_is_enrolled_by_the_one_automatic_program(site):
    """A Commercial customer without a program buys 1 Chair @ 500.00: the program that
    enrols Commercial customers automatically takes them; 5 points. An Individual buyer
    is not taken and earns nothing."""
    handle = loyalty_books(site)
    with handle.tx() as ctx:
        make_item(ctx, "CHAIR")
        make_program(ctx, auto_opt_in=1, customer_group="Commercial")
        make_party(ctx, "Customer", "Mehta Stores")
        invoice = sales_invoice(ctx, "Mehta Stores", [("CHAIR", 1, 500)], taxes=False)
        assert query.get_value(ctx, "Customer", "Mehta Stores", "loyalty_program") \
            == PROGRAM
        assert entries(ctx, "Mehta Stores") == [("Earned", 5, invoice.name)]
        walk_in = sales_invoice(ctx, "Walk-in Customer", [("CHAIR", 1, 500)], taxes=False)
        assert walk_in.loyalty_program is None
        assert entries(ctx, "Walk-in Customer") == []
        assert_books_in_step(ctx)
