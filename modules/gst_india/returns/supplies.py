"""The supplies of a period, read for a return: one row per document and GST rate.

One joined, grouped query per source doctype gives each submitted invoice, credit note or
debit note of the company's GSTIN in the period with its lines summed by rate and
treatment (no query per invoice), and, for a note, the value and date of the invoice it
returns or raises.
Line amounts are in the invoice currency; they are converted at the invoice's exchange
rate and rounded to the paisa per rate row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Subquery, func, literal, select

from core.db import query
from core.meta.fieldtypes import quantize
from modules.gst_india.extends.item_returns import NIL_RATED
from modules.gst_india.returns.period import Period
from modules.gst_india.returns.sources import Source
from modules.gst_india.states import state_from_text

if TYPE_CHECKING:
    from core.context import Context

ZERO = Decimal(0)
Skip = Callable[[Subquery], ColumnElement[bool]]  # documents summed elsewhere
TAXES = ("taxable_value", "igst_amount", "cgst_amount", "sgst_amount", "cess_amount")


@dataclass(frozen=True)
class Amounts:
    taxable: Decimal = ZERO
    igst: Decimal = ZERO
    cgst: Decimal = ZERO
    sgst: Decimal = ZERO
    cess: Decimal = ZERO

    def __add__(self, other: Amounts) -> Amounts:
        return Amounts(self.taxable + other.taxable, self.igst + other.igst,
                       self.cgst + other.cgst, self.sgst + other.sgst,
                       self.cess + other.cess)

    def __neg__(self) -> Amounts:
        return Amounts(-self.taxable, -self.igst, -self.cgst, -self.sgst, -self.cess)

    @property
    def tax(self) -> Decimal:
        return self.igst + self.cgst + self.sgst + self.cess


@dataclass(frozen=True)
class RateRow:
    """A document's lines at one GST rate; ``treatment`` tells a 0% line's kind."""

    rate: Decimal
    treatment: str
    amounts: Amounts
    ineligible: bool = False  # purchases: blocked credit (section 17(5))
    is_service: bool = False  # purchases: SAC code (chapter 99)


@dataclass(frozen=True)
class Supply:
    """One submitted invoice, credit note or debit note, amounts in rupees (signed as in
    the books: a credit note's are negative, a debit note's positive)."""

    doctype: str
    name: str
    posting_date: dt.date
    is_return: bool
    is_debit_note: bool
    party_gstin: str
    category: str
    pos: str  # the place of supply's two-digit state code
    reverse_charge: bool
    with_payment: bool
    value: Decimal
    original: str | None
    original_date: dt.date | None
    original_value: Decimal | None
    bill_no: str | None
    bill_date: dt.date | None
    rows: tuple[RateRow, ...]


def read_supplies(ctx: Context, source: Source, company: str, gstin: str,
                  period: Period, skip: Skip | None = None, precision: int = 2
                  ) -> list[Supply]:
    """Submitted documents of ``source`` dated in ``period`` for ``gstin``, oldest first,
    but those ``skip`` selects (summed in SQL elsewhere)."""
    inv = query.view(ctx, source.doctype)
    where = _filters(inv, company, gstin, period) + ([~skip(inv)] if skip else [])
    lines = _rate_rows(ctx, source, inv, where, precision)
    orig = inv.element.subquery("original_invoice")
    extra = [inv.c.bill_no, inv.c.bill_date] if "bill_no" in inv.c else []
    stmt = (select(inv.c.name, inv.c.posting_date, inv.c.is_return, inv.c.return_against,
                   inv.c[source.party_gstin], inv.c.gst_category, inv.c.place_of_supply,
                   inv.c.is_reverse_charge, inv.c.is_export_with_gst,
                   inv.c.base_grand_total, orig.c.posting_date,
                   orig.c.base_grand_total, debit_note_flag(inv), *extra)
            .outerjoin(orig, orig.c.name == inv.c.return_against)
            .where(*where)
            .order_by(inv.c.posting_date, inv.c.name))
    out = []
    for row in ctx.conn.execute(stmt).all():
        out.append(Supply(
            source.doctype, row[0], row[1], bool(row[2]), bool(row[12]),
            (row[4] or "").upper(), row[5] or "", _state_code(row[6]), bool(row[7]),
            bool(row[8]), _money(row[9], precision), row[3], row[10],
            None if row[11] is None else _money(row[11], precision),
            row[13] if extra else None, row[14] if extra else None,
            tuple(lines.get(row[0], ()))))
    return out


def debit_note_flag(inv: Subquery) -> ColumnElement[Any]:
    """1 for a debit note; documents without the field (purchases, POS) have none."""
    if "is_debit_note" in inv.c:
        return func.coalesce(inv.c.is_debit_note, 0)
    return literal(0)


def _filters(inv: Subquery, company: str, gstin: str, period: Period) -> list[Any]:
    """Submitted documents of the company's GSTIN dated in the period."""
    return [inv.c.company == company, inv.c.company_gstin == gstin, inv.c.docstatus == 1,
            inv.c.posting_date >= period.start, inv.c.posting_date <= period.end]


def _rate_rows(ctx: Context, source: Source, inv: Subquery, where: list[Any],
               precision: int) -> dict[str, list[RateRow]]:
    """parent -> its lines summed by rate, treatment (and, on purchases, eligibility),
    converted to rupees at the invoice's exchange rate."""
    item, it = query.view(ctx, "Item"), query.view(ctx, source.item_doctype)
    treatment = func.coalesce(item.c.gst_treatment, "")
    service = func.substr(func.coalesce(it.c.gst_hsn_code, ""), 1, 2) == "99"
    keys = [it.c.parent, it.c.gst_rate, treatment, service]
    if "is_ineligible_for_itc" in it.c:
        keys.append(func.coalesce(it.c.is_ineligible_for_itc, 0))
    stmt = (select(*keys, *in_rupees(inv, it))
            .select_from(it.join(inv, inv.c.name == it.c.parent)
                         .outerjoin(item, item.c.name == it.c.item_code))
            .where(it.c.parenttype == source.doctype, *where)
            .group_by(*keys))
    out: dict[str, list[RateRow]] = {}
    width = len(keys)
    for row in ctx.conn.execute(stmt).all():
        out.setdefault(row[0], []).append(RateRow(
            rate_of(row[1]), treatment_of(row[1], row[2]), amounts_of(row[width:], precision),
            bool(row[4]) if width > 4 else False, bool(row[3])))
    return out


def in_rupees(inv: Subquery, it: Subquery) -> list[Any]:
    """The line figures summed in rupees (lines are in the invoice currency)."""
    rate = func.coalesce(inv.c.conversion_rate, 1)
    return [func.sum(it.c[f] * rate) for f in TAXES]


def rate_of(value: Any) -> Decimal:
    return Decimal(str(value or 0)).normalize()


def treatment_of(rate: Any, item_treatment: str | None) -> str:
    """A 0% line is nil-rated unless its item says exempted or non-GST."""
    return (item_treatment or NIL_RATED) if not rate else ""


def amounts_of(values: Any, precision: int) -> Amounts:
    return Amounts(*(_exact(v, precision) for v in values))


def _exact(value: Any, precision: int) -> Decimal:
    # SQLite sums in binary floats (docs/decisions/0003-decimal-on-sqlite.md)
    number = value if isinstance(value, Decimal) else Decimal(str(value or 0))
    return quantize(number, precision)


def _money(value: Any, precision: int) -> Decimal:
    return quantize(Decimal(str(value or 0)), precision)


def _state_code(place_of_supply: str | None) -> str:
    state = state_from_text(place_of_supply)
    return state.code if state else ""
