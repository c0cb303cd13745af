"""Which schemes apply and what they give: the pure rules of ``schemes.py``."""

import datetime as dt
from decimal import Decimal as D

from modules.discounts.schemes import Line, Party, Scheme, choose, in_force

ANYONE = Party("Rao Traders", ("Commercial", "All Customer Groups"))
CHAIR = Line(0, "CHAIR", ("Seating", "Furniture"), D("2"), D("1000.00"))
PEN = Line(1, "PEN", ("Products",), D("4"), D("25.00"))


def percent(name, value, **extra):
    return Scheme(name, extra.pop("apply_on", "Item Group"),
                  frozenset(extra.pop("items", {"Furniture"})), "Discount Percentage",
                  D(value), **extra)


def test_in_force_from_the_first_to_the_last_day_inclusive():
    june = percent("june", 5, valid_from=dt.date(2026, 6, 1),
                   valid_upto=dt.date(2026, 6, 30))
    assert [in_force(june, dt.date(2026, 6, d), None) for d in (1, 30)] == [True, True]
    assert in_force(june, dt.date(2026, 5, 31), None) is False
    assert in_force(june, dt.date(2026, 7, 1), None) is False


def test_a_coupon_only_scheme_needs_its_coupon():
    vip = percent("vip", 5, coupon_only=True)
    assert in_force(vip, dt.date(2026, 5, 4), None) is False
    assert in_force(vip, dt.date(2026, 5, 4), "other") is False
    assert in_force(vip, dt.date(2026, 5, 4), "vip") is True


def test_minimum_quantity_and_amount_are_reached_at_the_boundary():
    """2 Chairs at 1,000.00 = 2,000.00: a minimum of 2 units or 2,000.00 is reached,
    2.001 units or 2,000.01 is not."""
    for extra, applies in (({"min_qty": D("2")}, True), ({"min_qty": D("2.001")}, False),
                           ({"min_amount": D("2000")}, True),
                           ({"min_amount": D("2000.01")}, False)):
        outcome = choose([percent("bulk", 10, **extra)], [CHAIR], ANYONE, 2, {})
        assert (outcome.rates == {0: D("900.00")}) is applies, extra


def test_the_highest_priority_exclusive_scheme_wins_then_the_larger_discount():
    """Of 10% (priority 1), 20% (priority 0) and 15% (priority 1): 15%."""
    schemes = [percent("ten", 10, priority=1), percent("twenty", 20),
               percent("fifteen", 15, priority=1)]
    outcome = choose(schemes, [CHAIR], ANYONE, 2, {})
    assert (outcome.rates, outcome.schemes) == ({0: D("850.00")}, {0: ["fifteen"]})


def test_the_coupon_scheme_wins_over_a_higher_priority_one():
    schemes = [percent("ten", 10, priority=5), percent("coupon", 5)]
    outcome = choose(schemes, [CHAIR], ANYONE, 2, {}, coupon_scheme="coupon")
    assert outcome.rates == {0: D("950.00")}


def test_stackable_schemes_apply_on_top_in_priority_order():
    """10% exclusive, then 50.00 a unit (priority 2), then 5% (priority 1):
    1,000.00 - 10% = 900.00; - 50.00 = 850.00; - 5% = 807.50."""
    schemes = [percent("ten", 10),
               Scheme("fifty off", "Item Code", frozenset({"CHAIR"}), "Discount Amount",
                      D("50"), priority=2, stackable=True),
               percent("five", 5, priority=1, stackable=True)]
    outcome = choose(schemes, [CHAIR], ANYONE, 2, {})
    assert outcome.rates == {0: D("807.50")}
    assert outcome.schemes == {0: ["ten", "fifty off", "five"]}


def test_an_exclusive_scheme_leaves_lines_a_pricing_rule_priced():
    ruled = Line(0, "CHAIR", ("Seating", "Furniture"), D("2"), D("1000.00"), ruled=True)
    assert choose([percent("ten", 10)], [ruled], ANYONE, 2, {}).rates == {}
    stacking = percent("ten", 10, stackable=True)
    assert choose([stacking], [ruled], ANYONE, 2, {}).rates == {0: D("900.00")}


def test_a_customer_group_scheme_covers_the_groups_below_it():
    commercial = percent("trade", 10, applicable_for="Customer Group",
                         party="All Customer Groups")
    individual = percent("trade", 10, applicable_for="Customer Group", party="Individual")
    assert choose([commercial], [CHAIR], ANYONE, 2, {}).rates == {0: D("900.00")}
    assert choose([individual], [CHAIR], ANYONE, 2, {}).rates == {}


def test_free_items_count_per_multiple_only_when_recursive():
    """4 Pens bought, buy 3 get 1: once, or 1 per 3 (still 1) — buy 2 get 1: 2."""
    def free(min_qty, recurse):
        scheme = Scheme("free", "Item Code", frozenset({"PEN"}), "Free Item",
                        min_qty=D(min_qty), free_item="NOTEBOOK", free_qty=D("1"),
                        recurse=recurse)
        return [(f.item_code, f.qty, f.after) for f in
                choose([scheme], [CHAIR, PEN], ANYONE, 2, {}).free]
    assert free(3, True) == [("NOTEBOOK", D("1"), 1)]
    assert free(2, True) == [("NOTEBOOK", D("2"), 1)]
    assert free(2, False) == [("NOTEBOOK", D("1"), 1)]


def test_an_amount_off_the_bill_is_left_to_spread_over_the_lines_it_covers():
    bill = Scheme("hundred off", "Transaction", frozenset(), "Discount Amount", D("100"),
                  min_amount=D("2100"))
    outcome = choose([bill], [CHAIR, PEN], ANYONE, 2, {})
    assert (outcome.bill_discount, outcome.bill_lines, outcome.rates) == (
        D("100"), [0, 1], {})
