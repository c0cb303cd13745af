"""Which pricing rule wins: ``best_rule`` over plain values, no database."""

import datetime as dt
from decimal import Decimal as D

from modules.sales.pricing.rules import Line, Price, Rule, best_rule, price

CHAIR = Line(item_code="CHAIR", item_groups=("Seating", "Furniture", "All Item Groups"),
             customer="Rao Traders", customer_groups=("Commercial", "All Customer Groups"),
             territories=("India", "All Territories"), company="Pune Furniture",
             date=dt.date(2026, 5, 10), qty=D("3"), amount=D("3148.50"))


def rule(name, **values):
    base = {"apply_on": "Item Group", "item": "Furniture", "applicable_for": "",
            "party": "", "rate_or_discount": "Discount Percentage", "value": D("10")}
    return Rule(name=name, **(base | values))


def test_best_rule__higher_priority_wins_over_a_more_specific_rule():
    general = rule("general", priority=2)
    specific = rule("specific", apply_on="Item Code", item="CHAIR", priority=1)
    assert best_rule([specific, general], CHAIR) is general


def test_best_rule__among_equal_priorities_the_most_specific_wins():
    group = rule("group")
    nearer = rule("nearer group", item="Seating")
    item = rule("item", apply_on="Item Code", item="CHAIR")
    assert best_rule([group, nearer], CHAIR) is nearer
    assert best_rule([group, nearer, item], CHAIR) is item
    anyone = rule("anyone", item="Seating")
    territory = rule("territory", item="Seating", applicable_for="Territory",
                     party="All Territories")
    customer_group = rule("group of customer", item="Seating",
                          applicable_for="Customer Group", party="All Customer Groups")
    customer = rule("customer", item="Seating", applicable_for="Customer",
                    party="Rao Traders")
    assert best_rule([anyone, territory], CHAIR) is territory
    assert best_rule([anyone, territory, customer_group], CHAIR) is customer_group
    assert best_rule([customer_group, customer, anyone], CHAIR) is customer


def test_best_rule__then_the_latest():
    older = rule("older", valid_from=dt.date(2026, 4, 1))
    newer = rule("newer", valid_from=dt.date(2026, 5, 1))
    assert best_rule([newer, older], CHAIR) is newer


def test_best_rule__conditions_that_do_not_fit_rule_it_out():
    assert best_rule([rule("other item", apply_on="Item Code", item="TABLE")], CHAIR) is None
    assert best_rule([rule("other customer", applicable_for="Customer",
                           party="Anand Stores")], CHAIR) is None
    assert best_rule([rule("bulk", min_qty=D("10"))], CHAIR) is None
    assert best_rule([rule("small orders", max_qty=D("2"))], CHAIR) is None
    assert best_rule([rule("big orders", min_amt=D("5000"))], CHAIR) is None
    assert best_rule([rule("june", valid_from=dt.date(2026, 6, 1))], CHAIR) is None
    assert best_rule([rule("april", valid_upto=dt.date(2026, 4, 30))], CHAIR) is None
    assert best_rule([rule("other company", company="Mumbai Traders")], CHAIR) is None


def test_price__discount_percentage_amount_and_rate_to_the_paisa():
    # 12.5% off 3,999.90 = 3,499.9125 -> 3,499.91
    assert price(rule("pct", value=D("12.5")), D("3999.90"), 2) == Price(
        D("3499.91"), D("12.5"), D("499.99"))
    assert price(rule("amt", rate_or_discount="Discount Amount", value=D("75")),
                 D("1049.50"), 2) == Price(D("974.50"), D("0"), D("75.00"))
    assert price(rule("rate", rate_or_discount="Rate", value=D("800")),
                 D("1049.50"), 2) == Price(D("800.00"), D("0"), D("249.50"))
