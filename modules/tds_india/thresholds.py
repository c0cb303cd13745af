"""Which part of a bill is taxed, given what the same deductee was billed earlier in the
financial year: a pure function of the amounts, so every rule reads as arithmetic.

- No threshold at all: the whole bill is taxed.
- The year's total (earlier bills + this one) above the annual threshold: this bill is
  taxed, and so is every earlier bill of the year not taxed yet (the catch-up).
- Else a bill above the single-transaction threshold: this bill alone is taxed.
- ``tax_on_excess`` (194Q): only the part of the year's total above the annual threshold
  is taxed, and nothing is caught up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from modules.tds_india.categories import Rate

ZERO = Decimal(0)


@dataclass(frozen=True)
class Prior:
    """An earlier submitted bill of the year: its amount and whether tax was taken on it."""

    name: str
    base: Decimal
    taxed: bool


@dataclass(frozen=True)
class Decision:
    own: Decimal                   # the part of this bill that is taxed
    caught_up: tuple[Prior, ...]   # earlier untaxed bills taxed with it

    @property
    def taxable(self) -> Decimal:
        return self.own + sum((p.base for p in self.caught_up), ZERO)


def decide(base: Decimal, priors: Sequence[Prior], rate: Rate, *,
           tax_on_excess: bool, extra_total: Decimal = ZERO) -> Decision:
    """``extra_total``: amounts that count towards the annual total without being bills
    (advances already taxed and not yet set against a bill).

    >>> from modules.tds_india.categories import Rate
    >>> thirty, lakh = Decimal(30000), Decimal(100000)
    >>> earlier = [Prior("A", Decimal(25000), False), Prior("B", Decimal(25000), False)]
    >>> decide(Decimal(60000), earlier, Rate(Decimal(1), thirty, lakh),
    ...        tax_on_excess=False).taxable
    Decimal('110000')
    """
    total_after = sum((p.base for p in priors), ZERO) + extra_total + base
    limit = rate.cumulative_threshold
    if tax_on_excess:
        own = base if not limit else max(ZERO, min(base, total_after - limit))
        return Decision(own, ())
    if limit and total_after > limit:
        return Decision(base, tuple(p for p in priors if not p.taxed))
    if rate.single_threshold and base > rate.single_threshold:
        return Decision(base, ())
    if not limit and not rate.single_threshold:
        return Decision(base, ())
    return Decision(ZERO, ())
