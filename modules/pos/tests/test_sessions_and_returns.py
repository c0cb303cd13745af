"""Sessions, pricing rules and returns at the counter."""

import pytest

from core import lifecycle
from core.db import query
from core.errors import ConflictError, ValidationError
from modules.accounting.tests.builders import account_balances, gl_lines
from modules.inventory.tests.builders import CO, assert_books_in_step, receive
from modules.pos.errors import NoOpenSession, SessionAlreadyOpen
from modules.pos.tests.builders import (
    D,
    bin_of,
    close_session,
    make_profile,
    open_session,
    pos_books,
    sale,
    stocked_item,
)


def test_a_cashier_has_one_open_session_per_profile_until_it_closes(site):
    handle = pos_books(site)
    with handle.tx() as ctx:
        stocked_item(ctx, "PEN", 10, 10, 25)
        make_profile(ctx)
        first = open_session(ctx)
    with handle.tx() as ctx, pytest.raises(SessionAlreadyOpen) as refused:
        open_session(ctx)
    assert refused.value.status == 409
    with handle.tx() as ctx:
        assert query.count(ctx, "POS Opening Entry") == 1
        close_session(ctx, first, {})
        with pytest.raises(NoOpenSession):  # the session is closed: no more sales in it
            sale(ctx, [{"item_code": "PEN", "qty": 1}], [("Cash", 25)])
        second = open_session(ctx, cash=500, date="2026-05-05")
        assert query.get_value(ctx, "POS Opening Entry", second, "status") == "Open"
        assert query.get_value(ctx, "POS Opening Entry", first, "status") == "Closed"
        assert_books_in_step(ctx)


def test_a_pricing_rule_prices_a_counter_sale(site):
    """Notebooks 10% off: 3 x (65.00 - 6.50) = 175.50, revenue at closing 175.50."""
    handle = pos_books(site)
    with handle.tx() as ctx:
        stocked_item(ctx, "NOTEBOOK", 10, 40, 65)
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Pricing Rule", {
            "title": "notebook week", "apply_on": "Item Code", "item_code": "NOTEBOOK",
            "discount_percentage": 10}))
        make_profile(ctx)
        opening = open_session(ctx)
        sold = sale(ctx, [{"item_code": "NOTEBOOK", "qty": 3}], [("UPI", "175.50")])
        row = sold.children("items")[0]
        assert (row.price_list_rate, row.rate, sold.grand_total) == (
            D("65.00"), D("58.50"), D("175.50"))
        closing = close_session(ctx, opening, {})
        assert gl_lines(ctx, closing.name) == [("Sales - PF", D("0.00"), D("175.50")),
                                               ("UPI Clearing - PF", D("175.50"),
                                                D("0.00"))]
        assert_books_in_step(ctx)


def test_a_return_brings_back_at_most_what_was_sold(site):
    handle = pos_books(site)
    with handle.tx() as ctx:
        stocked_item(ctx, "PEN", 10, 10, 25)
        make_profile(ctx)
        open_session(ctx)
        sold = sale(ctx, [{"item_code": "PEN", "qty": 2}], [("Cash", 50)])
        sale(ctx, [{"item_code": "PEN", "qty": -1}], [], is_return=1,
             return_against=sold.name)
    with handle.tx() as ctx, pytest.raises(ValidationError) as refused:
        sale(ctx, [{"item_code": "PEN", "qty": -2}], [], is_return=1,
             return_against=sold.name)
    assert refused.value.field == "items"
    with handle.tx() as ctx:
        assert query.count(ctx, "POS Invoice") == 2
        assert bin_of(ctx, "PEN") == (D("9"), D("90.00"))
        assert_books_in_step(ctx)


def test_a_return_next_day_restocks_at_the_cost_the_goods_left_with(site):
    """Day 1: 2 Pens @ 25.00 sold from the 10.00 layer (cost 20.00), session closed.
    Then 5 Pens arrive @ 12.00. Day 2: 1 Pen comes back at 10.00, refunded 25.00 in
    cash (the default mode); the day-2 closing debits Sales 25.00, credits Cash 25.00.
    Stock: 8 @ 10.00 + 5 @ 12.00 + 1 @ 10.00 -> 14 Pens worth 150.00."""
    handle = pos_books(site)
    with handle.tx() as ctx:
        stocked_item(ctx, "PEN", 10, 10, 25)
        make_profile(ctx)
        day1 = open_session(ctx)
        sold = sale(ctx, [{"item_code": "PEN", "qty": 2}], [("Cash", 50)])
        close_session(ctx, day1, {})
        receive(ctx, "PEN", 5, 12, date="2026-05-05")
        day2 = open_session(ctx, date="2026-05-05")
        back = sale(ctx, [{"item_code": "PEN", "qty": -1}], [], is_return=1,
                    return_against=sold.name, date="2026-05-05")
        assert [(p.mode_of_payment, p.amount) for p in back.children("payments")] == [
            ("Cash", D("-25.00"))]
        assert gl_lines(ctx, back.name) == [
            ("Cost of Goods Sold - PF", D("0.00"), D("10.00")),
            ("Stock In Hand - PF", D("10.00"), D("0.00"))]
        closing = close_session(ctx, day2, {}, date="2026-05-05")
        assert gl_lines(ctx, closing.name) == [("Cash - PF", D("0.00"), D("25.00")),
                                               ("Sales - PF", D("25.00"), D("0.00"))]
        assert bin_of(ctx, "PEN") == (D("14"), D("150.00"))
        balances = account_balances(ctx, CO)
        assert (balances["Sales - PF"], balances["Cash - PF"]) == (D("-25.00"),
                                                                    D("25.00"))
        assert_books_in_step(ctx)


def test_a_session_over_midnight_posts_each_days_sales_on_their_date(site):
    """Opened 4 May: 1 Pen (25.00 cash) on 4 May, 2 Pens (50.00 card) on 5 May; closed
    on 5 May (not on 4 May, before a sale). A sale dated before the session opened is
    refused; a consolidated sale cannot be cancelled."""
    handle = pos_books(site)
    with handle.tx() as ctx:
        stocked_item(ctx, "PEN", 10, 10, 25)
        make_profile(ctx)
        opening = open_session(ctx)
        late = sale(ctx, [{"item_code": "PEN", "qty": 1}], [("Cash", 25)])
        sale(ctx, [{"item_code": "PEN", "qty": 2}], [("Card", 50)], date="2026-05-05")
    with handle.tx() as ctx, pytest.raises(ValidationError) as refused:
        sale(ctx, [{"item_code": "PEN", "qty": 1}], [("Cash", 25)], date="2026-05-03")
    assert refused.value.field == "posting_date"
    with handle.tx() as ctx, pytest.raises(ValidationError) as too_early:
        close_session(ctx, opening, {}, date="2026-05-04")  # before the 5 May sale
    assert too_early.value.field == "posting_date"
    with handle.tx() as ctx:
        closing = close_session(ctx, opening, {}, date="2026-05-05")
        rows = query.select_rows(ctx, "GL Entry", fields=[
            "posting_date", "account", "debit", "credit"], filters={
            "voucher_no": closing.name})
        assert sorted((str(r["posting_date"]), r["account"], r["debit"], r["credit"])
                      for r in rows) == [
            ("2026-05-04", "Cash - PF", D("25.00"), D("0.00")),
            ("2026-05-04", "Sales - PF", D("0.00"), D("25.00")),
            ("2026-05-05", "Card Clearing - PF", D("50.00"), D("0.00")),
            ("2026-05-05", "Sales - PF", D("0.00"), D("50.00"))]
    with handle.tx() as ctx, pytest.raises(ConflictError):
        lifecycle.cancel(ctx, "POS Invoice", late.name)
    with handle.tx() as ctx:
        assert query.get_value(ctx, "POS Invoice", late.name, "status") == "Consolidated"
        assert bin_of(ctx, "PEN") == (D("7"), D("70.00"))
        assert_books_in_step(ctx)


def test_refused_closings_and_refunds_write_nothing(site):
    """A negative count is refused, as is a return refunding 20.00 of its 25.00: the
    session stays open, nothing is consolidated or restocked."""
    handle = pos_books(site)
    with handle.tx() as ctx:
        stocked_item(ctx, "PEN", 10, 10, 25)
        make_profile(ctx)
        opening = open_session(ctx)
        sold = sale(ctx, [{"item_code": "PEN", "qty": 2}], [("Cash", 50)])
    with handle.tx() as ctx, pytest.raises(ValidationError) as bad_count:
        close_session(ctx, opening, {"Cash": -1})
    assert bad_count.value.field == "payment_reconciliation"
    with handle.tx() as ctx, pytest.raises(ValidationError) as bad_refund:
        sale(ctx, [{"item_code": "PEN", "qty": -1}], [("Cash", -20)], is_return=1,
             return_against=sold.name)
    assert bad_refund.value.field == "payments"
    with handle.tx() as ctx:
        assert query.count(ctx, "POS Closing Entry") == 0
        assert query.count(ctx, "POS Invoice") == 1
        assert query.get_value(ctx, "POS Opening Entry", opening, "status") == "Open"
        assert query.get_value(ctx, "POS Invoice", sold.name, "status") == "Paid"
        assert "Sales - PF" not in account_balances(ctx, CO)
        assert bin_of(ctx, "PEN") == (D("8"), D("80.00"))
        assert_books_in_step(ctx)
