"""Reading what the scheme choice needs from the database: the company's schemes in
force, the lines' item groups and the customer's groups, and the free items' prices."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core import records
from core.db import query
from modules.base.items import item_rows
from modules.discounts.doctypes.promotional_scheme import PARTY_FIELDS, VALUE_FIELDS
from modules.discounts.schemes import Party, Scheme, in_force
from modules.sales.pricing.trees import lineage

if TYPE_CHECKING:
    from core.context import Context

ZERO = Decimal(0)


def load_schemes(ctx: Context, company: str, date: dt.date,
                 coupon_scheme: str | None) -> list[Scheme]:
    """The company's enabled schemes in force on the date (a coupon-only one only with
    its coupon). Schemes are cached records: a sale reads them without a query."""
    rows = [r for r in records.get_all(ctx, "Promotional Scheme")
            if r["company"] == company and not r["disabled"]]
    covered: dict[str, set[str]] = {}
    for item in records.get_all(ctx, "Promotional Scheme Item"):
        covered.setdefault(item["parent"], set()).add(
            item["item_code"] or item["item_group"])
    schemes = [to_scheme(r, covered.get(r["name"], set())) for r in rows]
    return [s for s in schemes if in_force(s, date, coupon_scheme)]


def to_scheme(row: Mapping[str, Any], items: set[str]) -> Scheme:
    party_field = PARTY_FIELDS.get(row["applicable_for"] or "")
    value = row[VALUE_FIELDS["Discount Percentage"]] \
        if row["discount_type"] == "Discount Percentage" \
        else row[VALUE_FIELDS["Discount Amount"]]
    return Scheme(
        name=row["name"], apply_on=row["apply_on"], items=frozenset(items),
        discount_type=row["discount_type"], value=value or ZERO,
        applicable_for=row["applicable_for"] or "",
        party=(row[party_field] or "") if party_field else "",
        priority=row["priority"] or 0, min_qty=row["min_qty"] or ZERO,
        min_amount=row["min_amount"] or ZERO, valid_from=row["valid_from"],
        valid_upto=row["valid_upto"], free_item=row["free_item"] or "",
        free_qty=row["free_qty"] or ZERO, recurse=bool(row["recurse"]),
        stackable=bool(row["stackable"]), coupon_only=bool(row["coupon_only"]))


def item_groups(ctx: Context, codes: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """Each item's group and the groups above it."""
    return {code: lineage(ctx, "Item Group", r["item_group"])
            for code, r in item_rows(ctx, codes).items()}


def party(ctx: Context, customer: str) -> Party:
    group = query.get_value(ctx, "Customer", customer, "customer_group")
    return Party(customer, lineage(ctx, "Customer Group", group))
