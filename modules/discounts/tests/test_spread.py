"""An amount off the bill spread over the lines, exactly to the paisa."""

from decimal import Decimal as D

from modules.discounts.spread import Split, spread


def amounts(lines, result):
    rates = result.rates
    return [(q * rates[k]).quantize(D("0.01")) for k, q, _ in lines]


def test_shares_follow_the_line_amounts():
    """300.00 off 1,000.00 + 500.00 + 1,500.00 (3,000.00): 100.00, 50.00, 150.00."""
    lines = [(0, D("1"), D("1000.00")), (1, D("2"), D("250.00")), (2, D("3"), D("500.00"))]
    result = spread(D("300"), lines, 2)
    assert result.rates == {0: D("900.00"), 1: D("225.00"), 2: D("450.00")}
    assert result.split is None


def test_a_line_of_quantity_one_takes_what_the_others_cannot():
    """100.00 off 1 x 40.00 and 3 x 100.00 (340.00); the single unit goes last.

    3 units: share 100 x 300 / 340 = 88.24, 211.76 / 3 = 70.59 -> 211.77 (0.01 short)
    1 unit: share 11.76 + 0.01 carried: 40.00 - 11.77 = 28.23;  211.77 + 28.23 = 240.00
    """
    lines = [(0, D("1"), D("40.00")), (1, D("3"), D("100.00"))]
    result = spread(D("100"), lines, 2)
    assert result.rates == {1: D("70.59"), 0: D("28.23")}
    assert sum(amounts(lines, result)) == D("240.00")
    assert result.split is None


def test_without_a_single_unit_one_unit_is_split_off():
    """100.00 off 3 Chairs at 100.00: 2 at 66.67 + 1 at 66.66 = 200.00."""
    result = spread(D("100"), [(0, D("3"), D("100.00"))], 2)
    assert result.split == Split(0, D("66.67"), D("66.66"))


def test_never_more_than_the_bill():
    result = spread(D("500"), [(0, D("2"), D("100.00"))], 2)
    assert result.rates == {0: D("0.00")} and result.split is None


def test_a_tiny_remainder_never_makes_a_negative_rate():
    """9.95 off 10 units at 1.00: 0.05 left for 10 units. 0.005 a unit would round up
    to 0.01 (0.09 for 9 units, more than 0.05): 9 at 0.00 and 1 at 0.05."""
    result = spread(D("9.95"), [(0, D("10"), D("1.00"))], 2)
    assert result.split == Split(0, D("0.00"), D("0.05"))
