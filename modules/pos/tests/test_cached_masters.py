"""A counter reads its masters from the process's cache (items and their accounts and
units, the profile and its taxes, pricing rules): a change to any of them is sold with
from the very next sale after its commit.

    Pen listed at 25.00. Sale 1: 1 Pen, no taxes, the company's Sales account.
    Then the profile gets a 5% tax row, the Pen its own income account and a 10% pricing
    rule: sale 2 prices it at 22.50, taxed 1.13 (5% of 22.50 = 1.125, half up), total
    23.63, booked to the Pen's account.
"""

from core import lifecycle
from modules.inventory.tests.builders import CO
from modules.pos.tests.builders import (
    PROFILE,
    D,
    make_profile,
    open_session,
    pos_books,
    sale,
    stocked_item,
)


def test_changed_masters_are_sold_with_from_the_next_sale(site):
    handle = pos_books(site)
    with handle.tx() as ctx:
        stocked_item(ctx, "PEN", 100, 10, 25)
        make_profile(ctx)
        open_session(ctx)
    with handle.tx() as ctx:
        first = sale(ctx, [{"item_code": "PEN", "qty": 1}], [("Cash", 25)])
    assert (first.grand_total, first.children("taxes"),
            first.children("items")[0].income_account) == (D("25.00"), [], "Sales - PF")
    with handle.tx() as ctx:
        profile = lifecycle.get_doc(ctx, "POS Profile", PROFILE)
        profile.append("taxes", {"charge_type": "On Net Total", "rate": 5,
                                 "account_head": "Output Tax CGST - PF",
                                 "description": "Tax"}, ctx)
        lifecycle.save(ctx, profile)
        pen = lifecycle.get_doc(ctx, "Item", "PEN")
        pen.append("item_defaults", {"company": CO, "income_account": "Service - PF"}, ctx)
        lifecycle.save(ctx, pen)
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Pricing Rule", {
            "title": "Pens 10% off", "apply_on": "Item Code", "item_code": "PEN",
            "rate_or_discount": "Discount Percentage", "discount_percentage": 10}))
    with handle.tx() as ctx:
        second = sale(ctx, [{"item_code": "PEN", "qty": 1}], [("Cash", 30)])
    line = second.children("items")[0]
    assert (line.rate, line.income_account) == (D("22.50"), "Service - PF")
    assert [(t.account_head, t.tax_amount) for t in second.children("taxes")] == [
        ("Output Tax CGST - PF", D("1.13"))]
    assert second.grand_total == D("23.63")
