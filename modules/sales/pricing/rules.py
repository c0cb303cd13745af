"""Which pricing rule prices a line, and at what rate: pure functions over plain values,
so a promotions module can reuse them with rules of its own.

A rule matches a line when its item (or an item group above the item), its party (the
customer, a customer group or territory above the customer's, or anyone), company,
validity dates, minimum and maximum quantity and minimum amount all fit. Of the matching
rules the one with the highest priority wins; among equals the most specific one (an
item code before an item group, a nearer group before a farther one, a customer before a
customer group before a territory before anyone), and then the latest (valid from, then
last changed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from core.meta.fieldtypes import quantize

ZERO = Decimal(0)
HUNDRED = Decimal(100)
FAR = 10_000  # farther than any tree is deep: an unmatched level
PARTY_KINDS = ("Customer", "Customer Group", "Territory", "")  # most specific first


@dataclass(frozen=True)
class Rule:
    """A selling pricing rule, as read from its document."""

    name: str
    apply_on: str                # "Item Code" or "Item Group"
    item: str                    # the item code or item group it applies to
    applicable_for: str          # one of PARTY_KINDS ("" is anyone)
    party: str                   # the customer, customer group or territory, or ""
    rate_or_discount: str        # "Rate", "Discount Percentage" or "Discount Amount"
    value: Decimal               # the rate, the percentage or the amount per unit
    company: str = ""
    priority: int = 0
    min_qty: Decimal = ZERO
    max_qty: Decimal = ZERO      # zero: no maximum
    min_amt: Decimal = ZERO
    valid_from: dt.date | None = None
    valid_upto: dt.date | None = None
    modified: dt.datetime | None = None


@dataclass(frozen=True)
class Line:
    """What a rule is matched against: one document line and its party."""

    item_code: str
    item_groups: tuple[str, ...]       # the item's group, then each group above it
    customer: str
    customer_groups: tuple[str, ...]   # the customer's group, then each above it
    territories: tuple[str, ...]       # the customer's territory, then each above it
    company: str
    date: dt.date
    qty: Decimal
    amount: Decimal                    # quantity at the price list rate


@dataclass(frozen=True)
class Price:
    rate: Decimal
    discount_percentage: Decimal
    discount_amount: Decimal           # per unit: price list rate minus rate


def item_distance(rule: Rule, line: Line) -> int | None:
    """0 for the line's own item, 1 + the level for a group above it, None: no match."""
    if rule.apply_on == "Item Code":
        return 0 if rule.item == line.item_code else None
    if rule.item in line.item_groups:
        return 1 + line.item_groups.index(rule.item)
    return None


def party_distance(rule: Rule, line: Line) -> tuple[int, int] | None:
    """(kind, level): kind ranks customer, customer group, territory, anyone; the level
    is how far above the customer's own group or territory the rule's node is."""
    kind = PARTY_KINDS.index(rule.applicable_for)
    if rule.applicable_for == "":
        return kind, 0
    if rule.applicable_for == "Customer":
        return (kind, 0) if rule.party == line.customer else None
    chain = line.customer_groups if rule.applicable_for == "Customer Group" \
        else line.territories
    return (kind, chain.index(rule.party)) if rule.party in chain else None


def fits(rule: Rule, line: Line) -> bool:
    """The rule's conditions other than item and party."""
    return (not rule.company or rule.company == line.company) \
        and (rule.valid_from is None or rule.valid_from <= line.date) \
        and (rule.valid_upto is None or line.date <= rule.valid_upto) \
        and line.qty >= rule.min_qty \
        and (not rule.max_qty or line.qty <= rule.max_qty) \
        and line.amount >= rule.min_amt


def best_rule(rules: Iterable[Rule], line: Line) -> Rule | None:
    """The single rule that prices the line, or None when none matches."""
    ranked = []
    for rule in rules:
        item, party = item_distance(rule, line), party_distance(rule, line)
        if item is None or party is None or not fits(rule, line):
            continue
        latest = (rule.valid_from or dt.date.min, rule.modified or dt.datetime.min)
        ranked.append(((rule.priority, -item, -party[0], -party[1], latest, rule.name),
                       rule))
    return max(ranked, key=lambda pair: pair[0])[1] if ranked else None


def price(rule: Rule, price_list_rate: Decimal, precision: int) -> Price:
    """The rate a rule sets, from the line's price list rate, rounded to the currency."""
    if rule.rate_or_discount == "Rate":
        rate = quantize(rule.value, precision)
        percentage = ZERO
    elif rule.rate_or_discount == "Discount Percentage":
        rate = quantize(price_list_rate * (HUNDRED - rule.value) / HUNDRED, precision)
        percentage = rule.value
    else:
        rate = max(quantize(price_list_rate - rule.value, precision), ZERO)
        percentage = ZERO
    return Price(rate, percentage, max(price_list_rate - rate, ZERO))
