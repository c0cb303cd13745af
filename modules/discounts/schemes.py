"""Which promotional schemes apply to a document and what they give: pure functions over
plain values, like selling's ``pricing/rules.py``, so they are tested without a database.

A scheme *covers* a line when the line's item (or a group above the item) is one of the
scheme's, or every line when it applies on the transaction. It *applies* to a document
when it is in force on the date (and, if coupon only, its coupon was given), its
customer fits, and the lines it covers reach its minimum quantity and amount together,
counted at their rates before any scheme.

Exclusive schemes (not stackable) are "not valid with other offers": they cover only the
lines no pricing rule priced, and of those that apply only one gives its discount. The
scheme of the document's coupon wins (the customer asked for it), then the highest
priority, then the largest discount, then the first name. Stackable schemes then apply
on top of the pricing rules and the exclusive scheme, highest priority first, each on
the rates left by the one before. Amounts off the whole bill come last and are spread
over the lines they cover (``spread.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal

from core.meta.fieldtypes import quantize

ZERO, HUNDRED = Decimal(0), Decimal(100)


@dataclass(frozen=True)
class Scheme:
    """A promotional scheme, as read from its document."""

    name: str
    apply_on: str                    # "Item Code", "Item Group" or "Transaction"
    items: frozenset[str]            # the item codes or item groups it covers
    discount_type: str               # "Discount Percentage", "Discount Amount", "Free Item"
    value: Decimal = ZERO            # the percentage, or the amount (per unit or per bill)
    applicable_for: str = ""         # "", "Customer Group" or "Customer"
    party: str = ""
    priority: int = 0
    min_qty: Decimal = ZERO
    min_amount: Decimal = ZERO
    valid_from: dt.date | None = None
    valid_upto: dt.date | None = None
    free_item: str = ""
    free_qty: Decimal = ZERO
    recurse: bool = False
    stackable: bool = False
    coupon_only: bool = False


@dataclass(frozen=True)
class Line:
    """A document line a scheme may discount; ``key`` is its place in the document."""

    key: int
    item_code: str
    item_groups: tuple[str, ...]     # the item's group, then each group above it
    qty: Decimal
    rate: Decimal                    # after the pricing rules, before any scheme
    ruled: bool = False              # a pricing rule priced it


@dataclass(frozen=True)
class Party:
    customer: str
    customer_groups: tuple[str, ...]  # the customer's group, then each above it


@dataclass(frozen=True)
class FreeLine:
    scheme: str
    item_code: str
    qty: Decimal
    after: int                       # the key of the last line that earned it


@dataclass
class Outcome:
    """What the applied schemes give: new rates and the schemes behind them per line,
    free lines, and an amount off the bill to spread over ``bill_lines``."""

    rates: dict[int, Decimal] = field(default_factory=dict)
    schemes: dict[int, list[str]] = field(default_factory=dict)
    free: list[FreeLine] = field(default_factory=list)
    bill_discount: Decimal = ZERO
    bill_schemes: list[str] = field(default_factory=list)
    bill_lines: list[int] = field(default_factory=list)

    @property
    def applied(self) -> set[str]:
        names = {n for names in self.schemes.values() for n in names}
        return names | {f.scheme for f in self.free} | set(self.bill_schemes)


def in_force(scheme: Scheme, date: dt.date, coupon_scheme: str | None) -> bool:
    """Within its dates, and given its coupon when it is coupon only."""
    return (scheme.valid_from is None or scheme.valid_from <= date) \
        and (scheme.valid_upto is None or date <= scheme.valid_upto) \
        and (not scheme.coupon_only or scheme.name == coupon_scheme)


def for_party(scheme: Scheme, party: Party) -> bool:
    if scheme.applicable_for == "Customer":
        return scheme.party == party.customer
    if scheme.applicable_for == "Customer Group":
        return scheme.party in party.customer_groups
    return True


def covered(scheme: Scheme, lines: Sequence[Line]) -> list[Line]:
    """The lines the scheme covers; an exclusive one leaves lines a rule priced."""
    return [line for line in lines if (scheme.stackable or not line.ruled) and (
        scheme.apply_on == "Transaction"
        or (scheme.apply_on == "Item Code" and line.item_code in scheme.items)
        or (scheme.apply_on == "Item Group" and not scheme.items.isdisjoint(
            line.item_groups)))]


def reached(scheme: Scheme, lines: Sequence[Line]) -> bool:
    """The covered lines, together, reach the minimum quantity and amount."""
    qty = sum((line.qty for line in lines), ZERO)
    amount = sum((line.qty * line.rate for line in lines), ZERO)
    return bool(lines) and qty >= scheme.min_qty and amount >= scheme.min_amount


def free_quantity(scheme: Scheme, lines: Sequence[Line]) -> Decimal:
    """The free quantity, once or per multiple of the minimum quantity (buy 2 get 1)."""
    if not scheme.recurse or not scheme.min_qty:
        return scheme.free_qty
    bought = sum((line.qty for line in lines), ZERO)
    return scheme.free_qty * (bought / scheme.min_qty).to_integral_value(ROUND_FLOOR)


def new_rates(scheme: Scheme, lines: Sequence[Line], rates: dict[int, Decimal],
              precision: int) -> dict[int, Decimal]:
    """The rates a percentage or per-unit amount sets on the lines, from their current
    rates; a rate never goes below zero."""
    if scheme.discount_type == "Discount Percentage":
        return {line.key: quantize(rates[line.key] * (HUNDRED - scheme.value) / HUNDRED,
                                   precision) for line in lines}
    if scheme.discount_type == "Discount Amount" and scheme.apply_on != "Transaction":
        return {line.key: max(rates[line.key] - scheme.value, ZERO) for line in lines}
    return {}


def worth(scheme: Scheme, lines: Sequence[Line], rates: dict[int, Decimal],
          precision: int, free_prices: dict[str, Decimal]) -> Decimal:
    """What the scheme gives the customer on these lines, to rank exclusive schemes."""
    if scheme.discount_type == "Free Item":
        return free_quantity(scheme, lines) * free_prices.get(scheme.free_item, ZERO)
    if scheme.apply_on == "Transaction" and scheme.discount_type == "Discount Amount":
        return min(scheme.value, sum((line.qty * rates[line.key] for line in lines), ZERO))
    lowered = new_rates(scheme, lines, rates, precision)
    return sum((line.qty * (rates[line.key] - lowered[line.key]) for line in lines), ZERO)


def choose(schemes: Sequence[Scheme], lines: Sequence[Line], party: Party,
           precision: int, free_prices: dict[str, Decimal],
           coupon_scheme: str | None = None) -> Outcome:
    """The outcome of the schemes in force (see the module docstring for the order)."""
    fitting = [(s, covered(s, lines)) for s in sorted(schemes, key=lambda s: s.name)
               if for_party(s, party)]
    fitting = [(s, cover) for s, cover in fitting if reached(s, cover)]
    rates = {line.key: line.rate for line in lines}
    outcome = Outcome()
    exclusive = [(s, cover) for s, cover in fitting if not s.stackable]
    if exclusive:
        best = max(exclusive, key=lambda pair: (
            pair[0].name == coupon_scheme, pair[0].priority,
            worth(pair[0], pair[1], rates, precision, free_prices)))
        _give(best[0], best[1], rates, precision, outcome)
    stackable = sorted(((s, cover) for s, cover in fitting if s.stackable),
                       key=lambda pair: -pair[0].priority)
    for scheme, cover in stackable:
        _give(scheme, cover, rates, precision, outcome)
    return outcome


def _give(scheme: Scheme, lines: list[Line], rates: dict[int, Decimal], precision: int,
          outcome: Outcome) -> None:
    if scheme.discount_type == "Free Item":
        qty = free_quantity(scheme, lines)
        if qty > 0:
            outcome.free.append(FreeLine(scheme.name, scheme.free_item, qty,
                                         max(line.key for line in lines)))
        return
    if scheme.apply_on == "Transaction" and scheme.discount_type == "Discount Amount":
        outcome.bill_discount += scheme.value
        outcome.bill_schemes.append(scheme.name)
        outcome.bill_lines = sorted(set(outcome.bill_lines) | {ln.key for ln in lines})
        return
    for key, rate in new_rates(scheme, lines, rates, precision).items():
        rates[key] = outcome.rates[key] = rate
        outcome.schemes.setdefault(key, []).append(scheme.name)
