"""An amount off the whole bill, spread over the lines it covers, to the paisa.

The invoices have no document-level discount: an amount off the bill lowers the rates
of the lines, in proportion to their amounts, and the last line takes the rounding
remainder. A rate is kept to the paisa, so a line of quantity q moves in steps of q
paise; what a line cannot take is carried on to the next one. The last line is one of
quantity one or less when there is one (it reaches any amount); otherwise, when the
remainder still does not fit, one unit of the last line is split off at its own rate.
The customer gets exactly the amount the scheme gives (or the bill, if smaller).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from core.meta.fieldtypes import quantize

ZERO, ONE = Decimal(0), Decimal(1)


@dataclass(frozen=True)
class Split:
    """The last line keeps ``qty - 1`` at ``rate`` and one unit goes at ``unit_rate``."""

    key: int
    rate: Decimal
    unit_rate: Decimal


@dataclass(frozen=True)
class Spread:
    rates: dict[int, Decimal]
    split: Split | None = None


def spread(discount: Decimal, lines: Sequence[tuple[int, Decimal, Decimal]],
           precision: int) -> Spread:
    """New rates for ``lines`` (key, qty, rate) that take ``discount`` off their total."""
    amounts = {key: quantize(qty * rate, precision) for key, qty, rate in lines}
    total = sum(amounts.values(), ZERO)
    discount = min(discount, total)
    if not lines or discount <= 0:
        return Spread({})
    ordered = sorted(lines, key=lambda line: line[1] <= ONE)  # stable: small qty last
    shares = [quantize(discount * amounts[key] / total, precision)
              for key, _, _ in ordered[:-1]]
    shares.append(discount - sum(shares, ZERO))
    rates: dict[int, Decimal] = {}
    owed = ZERO
    for (key, qty, _), share in zip(ordered, shares, strict=True):
        target = amounts[key] - share - owed
        rates[key] = max(quantize(target / qty, precision), ZERO)
        owed = quantize(qty * rates[key], precision) - target
    key, qty, _ = ordered[-1]
    if owed == 0 or qty <= ONE:
        return Spread(rates)
    target = quantize(qty * rates[key], precision) - owed
    rate = quantize(target / qty, precision)
    if quantize((qty - ONE) * rate, precision) > target:  # tiny targets: round down
        rate = (target / qty).quantize(Decimal(1).scaleb(-precision), rounding=ROUND_DOWN)
    return Spread(rates, Split(key, rate, target - quantize((qty - ONE) * rate, precision)))
