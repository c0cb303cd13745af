"""Promotional schemes written on a selling document's lines, after selling's pricing
rules and before the document computes its amounts (``before_validate``).

Each save of a draft works the schemes out afresh: ``undo`` first takes back what the
last save gave (free lines, split units, rates the schemes set), judged by the stored
copy of each line, so a form or client that does not send the hidden fields back cannot
make a discount count twice. Lines made from an earlier document (an order's line on an
invoice, a quotation's on an order) keep the price agreed there, as with pricing rules.
A document saved after submit and a return are left as they are: a return reverses its
sale at the sale's own rates.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core.document import Document
from core.meta.fieldtypes import quantize
from modules.accounting.companies import company_settings, currency_precision
from modules.discounts import coupons, loading
from modules.discounts.errors import CouponNotApplicable
from modules.discounts.schemes import FreeLine, Line, Outcome, choose
from modules.discounts.spread import Split, spread
from modules.sales.lines import saved_after_submit
from modules.sales.pricing.apply import price_list_rates

if TYPE_CHECKING:
    from core.context import Context

ZERO, HUNDRED = Decimal(0), Decimal(100)
# doctype -> the line fields that link a line to the line it was made from
SOURCES = {"Sales Order": ("quotation_item",), "Sales Invoice": ("so_detail", "dn_detail"),
           "POS Invoice": ()}
SCHEME_FIELDS = ("promotional_scheme", "scheme_base_rate", "scheme_rate")


def apply_schemes(ctx: Context, doc: Document) -> None:
    """Set the rates, free lines and schemes of the document's lines."""
    if saved_after_submit(doc) or doc.get("is_return") or doc.get("is_debit_note"):
        return
    undo(doc)
    coupon = coupons.resolve(ctx, doc)
    if not doc.get("customer") or not doc.get("company"):
        return
    coupon_scheme = coupon["promotional_scheme"] if coupon else None
    date = coupons.document_date(ctx, doc)
    schemes = loading.load_schemes(ctx, doc.company, date, coupon_scheme)
    company_currency = company_settings(ctx, doc.company)["default_currency"]
    currency = doc.get("currency") or company_currency
    if currency != company_currency:  # amounts are in the company's currency
        schemes = [s for s in schemes if s.discount_type != "Discount Amount"]
    rows = _priced_rows(doc)
    outcome, precision, free_prices = Outcome(), 0, {}
    if schemes and rows:  # most sales: no scheme in force, nothing more to read
        precision = currency_precision(ctx, currency)
        free_prices = price_list_rates(ctx, doc.get("selling_price_list"),
                                       [s.free_item for s in schemes if s.free_item], date)
        outcome = choose(schemes, _lines(ctx, rows), loading.party(ctx, doc.customer),
                         precision, free_prices, coupon_scheme)
    if coupon and coupon_scheme not in outcome.applied and not coupons.carried(ctx, doc):
        raise CouponNotApplicable(f"Coupon {coupon['name']} gives nothing on this "
                                  "document: its scheme's items, customer or minimums do "
                                  "not fit", field="coupon_code")
    _write(ctx, doc, rows, outcome, precision, free_prices)


def _priced_rows(doc: Document) -> list[Document]:
    """The lines schemes may discount: priced, and not made from an earlier document."""
    return [r for r in doc.children("items") if r.item_code and r.rate is not None
            and (r.qty or ZERO) > 0 and not any(r.get(f) for f in SOURCES[doc.doctype])]


def _lines(ctx: Context, rows: list[Document]) -> list[Line]:
    groups = loading.item_groups(ctx, [r.item_code for r in rows])
    return [Line(i, r.item_code, groups.get(r.item_code, ()), r.qty, r.rate,
                 bool(r.get("pricing_rule"))) for i, r in enumerate(rows)]


def undo(doc: Document) -> None:
    """Take back what the schemes gave on the last save."""
    stored = {r["name"]: r for r in (doc.previous or {}).get("items", []) if r.get("name")}
    kept: list[Document] = []
    for row in doc.children("items"):
        was = stored.get(row.name) or row.values
        if was.get("is_free_item"):
            continue
        if was.get("scheme_split") and kept and kept[-1].item_code == row.item_code:
            kept[-1].qty = (kept[-1].qty or ZERO) + (row.qty or ZERO)
            continue
        if was.get("promotional_scheme") and row.rate == was.get("scheme_rate"):
            row.rate = was.get("scheme_base_rate")
            if not row.get("pricing_rule"):
                row.discount_percentage = row.discount_amount = ZERO
        for fieldname in SCHEME_FIELDS:
            row.set(fieldname, None)
        row.is_free_item = row.scheme_split = 0
        kept.append(row)
    doc.children("items")[:] = kept


def _write(ctx: Context, doc: Document, rows: list[Document], outcome: Outcome,
           precision: int, free_prices: dict[str, Decimal]) -> None:
    for key, rate in outcome.rates.items():
        _discount(rows[key], rate, outcome.schemes[key])
    split = None
    if outcome.bill_discount:
        spread_out = spread(outcome.bill_discount, [
            (k, rows[k].qty, rows[k].rate) for k in outcome.bill_lines], precision)
        for key, rate in spread_out.rates.items():
            _discount(rows[key], rate, outcome.schemes.get(key, []) + outcome.bill_schemes)
        split = spread_out.split
    for free in outcome.free:
        doc.append("items", _free_line(free, rows[free.after], free_prices), ctx)
    if split is not None:
        _split(ctx, doc, rows[split.key], split)


def _discount(row: Document, rate: Decimal, schemes: list[str]) -> None:
    if row.scheme_base_rate is None:
        row.scheme_base_rate = row.rate
    row.rate = row.scheme_rate = rate
    row.promotional_scheme = ", ".join(dict.fromkeys(schemes))
    listed = row.price_list_rate or row.scheme_base_rate
    row.discount_amount = max(listed - rate, ZERO)
    row.discount_percentage = quantize(row.discount_amount * HUNDRED / listed, 2) \
        if listed else ZERO


def _free_line(free: FreeLine, earner: Document, prices: dict[str, Decimal]
               ) -> dict[str, Any]:
    listed = prices.get(free.item_code)
    return {"item_code": free.item_code, "qty": free.qty, "rate": ZERO,
            "price_list_rate": listed, "discount_amount": listed or ZERO,
            "discount_percentage": HUNDRED if listed else ZERO, "is_free_item": 1,
            "promotional_scheme": free.scheme, "warehouse": earner.get("warehouse")}


def _split(ctx: Context, doc: Document, row: Document, split: Split) -> None:
    """One unit of ``row`` becomes its own line, right below it, at its own rate."""
    unit = Document(ctx.meta(row.doctype), {
        k: v for k, v in row.values.items() if k not in ("name", "idx")})
    schemes = row.promotional_scheme.split(", ")
    row.qty -= 1
    _discount(row, split.rate, schemes)
    unit.qty, unit.scheme_split = Decimal(1), 1
    _discount(unit, split.unit_rate, schemes)
    items = doc.children("items")
    items.insert(items.index(row) + 1, unit)
