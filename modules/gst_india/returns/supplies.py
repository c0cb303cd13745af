"""The supplies of a period, read for a return: one row per document and GST rate.

One joined, grouped query per source doctype gives each submitted invoice or credit note
of the company's GSTIN in the period with its lines summed by rate and treatment (no
query per invoice), and, for a credit note, the value and date of the invoice it returns.
Line amounts are in the invoice currency; they are converted at the invoice's exchange
rate and rounded to the paisa per rate row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import Subquery, func, select

from core.db import query
from core.meta.fieldtypes import quantize
from modules.gst_india.extends.item_returns import NIL_RATED
from modules.gst_india.returns.period import Period
from modules.gst_india.returns.sources import Source
from modules.gst_india.states import state_from_text

if TYPE_CHECKING:
    from core.context import Context

ZERO = Decimal(0)
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
    """One submitted invoice or credit note, amounts in rupees (signed as in the books:
    a credit note's are negative)."""

    doctype: str
    name: str
    posting_date: dt.date
    is_return: bool
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
                  period: Period, precision: int = 2) -> list[Supply]:
    """Submitted documents of ``source`` dated in ``period`` for ``gstin``, oldest first."""
    inv = query.view(ctx, source.doctype)
    lines = _rate_rows(ctx, source, inv, company, gstin, period)
    orig = inv.element.subquery("original_invoice")
    extra = [inv.c.bill_no, inv.c.bill_date] if "bill_no" in inv.c else []
    stmt = (select(inv.c.name, inv.c.posting_date, inv.c.is_return, inv.c.return_against,
                   inv.c[source.party_gstin], inv.c.gst_category, inv.c.place_of_supply,
                   inv.c.is_reverse_charge, inv.c.is_export_with_gst,
                   inv.c.base_grand_total, inv.c.conversion_rate, orig.c.posting_date,
                   orig.c.base_grand_total, *extra)
            .outerjoin(orig, orig.c.name == inv.c.return_against)
            .where(*_filters(inv, company, gstin, period))
            .order_by(inv.c.posting_date, inv.c.name))
    out = []
    for row in ctx.conn.execute(stmt):
        rate = Decimal(str(row[10] or 1))
        out.append(Supply(
            source.doctype, row[0], row[1], bool(row[2]), (row[4] or "").upper(),
            row[5] or "", _state_code(row[6]), bool(row[7]), bool(row[8]),
            _money(row[9], precision), row[3], row[11],
            None if row[12] is None else _money(row[12], precision),
            row[13] if extra else None, row[14] if extra else None,
            tuple(_converted(r, rate, precision) for r in lines.get(row[0], ()))))
    return out


def _filters(inv: Subquery, company: str, gstin: str, period: Period) -> list[Any]:
    return [inv.c.company == company, inv.c.company_gstin == gstin, inv.c.docstatus == 1,
            inv.c.posting_date >= period.start, inv.c.posting_date <= period.end]


def _rate_rows(ctx: Context, source: Source, inv: Subquery, company: str, gstin: str,
               period: Period) -> dict[str, list[RateRow]]:
    """parent -> its lines summed by rate, treatment (and, on purchases, eligibility)."""
    item, it = query.view(ctx, "Item"), query.view(ctx, source.item_doctype)
    treatment = func.coalesce(item.c.gst_treatment, "")
    service = func.substr(func.coalesce(it.c.gst_hsn_code, ""), 1, 2) == "99"
    keys = [it.c.parent, it.c.gst_rate, treatment, service]
    if "is_ineligible_for_itc" in it.c:
        keys.append(func.coalesce(it.c.is_ineligible_for_itc, 0))
    stmt = (select(*keys, *(func.sum(it.c[f]) for f in TAXES))
            .select_from(it.join(inv, inv.c.name == it.c.parent)
                         .outerjoin(item, item.c.name == it.c.item_code))
            .where(it.c.parenttype == source.doctype,
                   *_filters(inv, company, gstin, period))
            .group_by(*keys))
    out: dict[str, list[RateRow]] = {}
    width = len(keys)
    for row in ctx.conn.execute(stmt):
        sums = [Decimal(str(v or 0)) for v in row[width:]]
        out.setdefault(row[0], []).append(RateRow(
            Decimal(str(row[1] or 0)).normalize(), (row[2] or NIL_RATED) if not row[1]
            else "", Amounts(*sums), bool(row[4]) if width > 4 else False, bool(row[3])))
    return out


def _converted(row: RateRow, rate: Decimal, precision: int) -> RateRow:
    a = row.amounts
    return RateRow(row.rate, row.treatment, Amounts(
        *(quantize(v * rate, precision) for v in (a.taxable, a.igst, a.cgst, a.sgst,
                                                   a.cess))), row.ineligible, row.is_service)


def _money(value: Any, precision: int) -> Decimal:
    return quantize(Decimal(str(value or 0)), precision)


def _state_code(place_of_supply: str | None) -> str:
    state = state_from_text(place_of_supply)
    return state.code if state else ""
