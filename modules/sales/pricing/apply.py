"""Pricing the lines of a selling document from price lists and pricing rules.

Runs before the document computes its amounts. A line keeps its rate when the user asked
(``ignore_pricing_rule`` on the line or the document) and when it was made from a line of
an earlier document (a quotation, order or delivery): the price agreed there stands, even
if a later part-delivery would no longer reach a rule's minimum quantity.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from core import records
from core.db import query
from modules.accounting.companies import company_settings, currency_precision
from modules.base.items import item_rows
from modules.sales.doctypes.pricing_rule import PARTY_FIELDS, VALUE_FIELDS
from modules.sales.lines import saved_after_submit
from modules.sales.pricing.rules import Line, Rule, best_rule, price
from modules.sales.pricing.trees import lineage

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)
# doctype -> (its date field, the line fields that link a line to its source line)
PRICED = {"Quotation": ("transaction_date", ()),
          "Sales Order": ("transaction_date", ("quotation_item",)),
          "Delivery Note": ("posting_date", ("so_detail",)),
          "Sales Invoice": ("posting_date", ("so_detail", "dn_detail"))}


def price_list_rates(ctx: Context, price_list: str | None, codes: Sequence[str],
                     on: dt.date) -> dict[str, Decimal]:
    """Each item's latest price in the price list valid on the date."""
    if not price_list or not codes:
        return {}
    prices = query.select_rows(ctx, "Item Price", fields=[
        "item_code", "price_list_rate", "valid_from"], filters=[
        ["price_list", "=", price_list], ["item_code", "in", sorted(set(codes))]],
        order_by="valid_from asc")
    best: dict[str, Decimal] = {}
    for row in prices:  # oldest first: the latest valid price wins
        if row["valid_from"] is None or row["valid_from"] <= on:
            best[row["item_code"]] = row["price_list_rate"]
    return best


def load_rules(ctx: Context, codes: Sequence[str], groups: Sequence[str],
               company: str) -> list[Rule]:
    """The enabled rules on any of these items or item groups, of the company or any
    (Pricing Rule is a cached doctype: the enabled rules are read once per process)."""
    wanted = {("Item Code", c) for c in codes} | {("Item Group", g) for g in groups}
    return [rule for rule in _enabled_rules(ctx)
            if (rule.apply_on, rule.item) in wanted and rule.company in ("", company)]


def _enabled_rules(ctx: Context) -> tuple[Rule, ...]:
    return records.derived(ctx, "sales.pricing_rules", lambda: tuple(
        to_rule(dict(r)) for r in records.get_all(ctx, "Pricing Rule") if not r["disabled"]
        and r["apply_on"] in ("Item Code", "Item Group")))


def to_rule(row: dict) -> Rule:
    party_field = PARTY_FIELDS.get(row["applicable_for"] or "")
    item = row["item_code"] if row["apply_on"] == "Item Code" else row["item_group"]
    return Rule(name=row["name"], apply_on=row["apply_on"], item=item or "",
                applicable_for=row["applicable_for"] or "",
                party=(row[party_field] or "") if party_field else "",
                rate_or_discount=row["rate_or_discount"],
                value=row[VALUE_FIELDS[row["rate_or_discount"]]] or ZERO,
                company=row["company"] or "", priority=row["priority"] or 0,
                min_qty=row["min_qty"] or ZERO, max_qty=row["max_qty"] or ZERO,
                min_amt=row["min_amt"] or ZERO, valid_from=row["valid_from"],
                valid_upto=row["valid_upto"], modified=row["modified"])


def price_document(ctx: Context, doc: Document) -> None:
    """Price the lines of a quotation, order, delivery note or invoice (not when it is
    saved again after submit: its prices are part of what was submitted)."""
    if saved_after_submit(doc):
        return
    date_field, source_fields = PRICED[doc.doctype]
    apply_pricing(ctx, doc, date_field, source_fields)


def apply_pricing(ctx: Context, doc: Document, date_field: str,
                  source_fields: Sequence[str] = ()) -> None:
    """Set price list rate, discount, rate and the applied rule on each line that is
    priced here (see the module docstring for the lines that keep their rate); a line
    left without a rate takes its price list rate, rules or not."""
    if not doc.get("customer") or not doc.get("company"):
        return
    rows = [r for r in doc.children("items") if r.item_code
            and not any(r.get(f) for f in source_fields)]
    if not rows:
        return
    date = doc.get(date_field) or ctx.now.date()
    codes = sorted({r.item_code for r in rows})
    listed = price_list_rates(ctx, doc.get("selling_price_list"), codes, date)
    ruled = [] if doc.get("ignore_pricing_rule") else \
        [r for r in rows if not r.get("ignore_pricing_rule")]
    for row in rows:
        if row.item_code in listed and row not in ruled and row.rate is None:
            row.price_list_rate = row.rate = listed[row.item_code]
    if ruled:
        _apply_rules(ctx, doc, ruled, listed, date)


def _apply_rules(ctx: Context, doc: Document, rows: list[Document],
                 listed: dict[str, Decimal], date: dt.date) -> None:
    codes = sorted({r.item_code for r in rows})
    item_groups = {code: lineage(ctx, "Item Group", r["item_group"])
                   for code, r in item_rows(ctx, codes).items()}
    rules = load_rules(ctx, codes, [g for chain in item_groups.values() for g in chain],
                       doc.company)
    party = _party(ctx, doc.customer)
    precision = currency_precision(ctx, doc.get("currency") or
                                   company_settings(ctx, doc.company)["default_currency"])
    for row in rows:
        base = listed.get(row.item_code, row.price_list_rate or row.rate)
        row.price_list_rate = base
        line = Line(row.item_code, item_groups.get(row.item_code, ()), doc.customer,
                    party[0], party[1], doc.company, date, row.qty or ZERO,
                    (row.qty or ZERO) * (base or ZERO))
        _price_row(row, best_rule(rules, line), base, precision)


def _party(ctx: Context, customer: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    found = query.row(ctx, "Customer", customer)
    if not found:
        return (), ()
    return (lineage(ctx, "Customer Group", found["customer_group"]),
            lineage(ctx, "Territory", found["territory"]))


def _price_row(row: Document, rule: Rule | None, base: Decimal | None,
               precision: int) -> None:
    if rule is not None and (base is not None or rule.rate_or_discount == "Rate"):
        priced = price(rule, base if base is not None else rule.value, precision)
        row.rate, row.pricing_rule = priced.rate, rule.name
        row.discount_percentage = priced.discount_percentage
        row.discount_amount = priced.discount_amount
    elif row.pricing_rule:  # the rule no longer applies: back to the list price
        row.rate, row.pricing_rule = base, None
        row.discount_percentage = row.discount_amount = ZERO
    elif row.rate is None:
        row.rate = base
