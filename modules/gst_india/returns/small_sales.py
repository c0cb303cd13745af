"""Small sales to consumers, summed in SQL: the bulk of a shop's month, reported only as
sums (b2cs, nil, the 3.1 and 3.2 lines of GSTR-3B), so they are never read one by one.

A sale is certainly in b2cs when it is an invoice (not a credit or debit note: a note
follows the size of the invoice it amends), not under reverse
charge, to a buyer without a GSTIN who is not zero-rated (export, SEZ), and either
intra-state or worth no more than the lowest B2CL limit in force in the period. Every
other document is read one by one (``supplies.read_supplies`` with ``skip``) and sorted
by ``sections.section_of``, which gives these the same table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, Subquery, and_, func, or_, select

from core.db import query
from modules.gst_india.categories import ZERO_RATED
from modules.gst_india.returns.period import Period
from modules.gst_india.returns.sources import Source
from modules.gst_india.returns.supplies import (
    Amounts,
    Skip,
    amounts_of,
    debit_note_flag,
    in_rupees,
    rate_of,
    treatment_of,
)

if TYPE_CHECKING:
    from core.context import Context

Key = tuple[str, Decimal, str]  # (place of supply code, rate, treatment)


@dataclass
class SmallSales:
    sums: dict[Key, Amounts] = field(default_factory=dict)
    documents: int = 0


def small_sale(source: Source, home_state: str, limit: Decimal) -> Skip:
    def where(inv: Subquery) -> ColumnElement[bool]:
        return and_(func.coalesce(inv.c.is_return, 0) == 0, debit_note_flag(inv) == 0,
                    func.coalesce(inv.c.is_reverse_charge, 0) == 0,
                    func.coalesce(inv.c[source.party_gstin], "") == "",
                    func.coalesce(inv.c.gst_category, "").notin_(sorted(ZERO_RATED)),
                    or_(func.substr(inv.c.place_of_supply, 1, 2) == home_state,
                        inv.c.base_grand_total <= limit))
    return where


def small_sales(ctx: Context, sources: list[Source], company: str, gstin: str,
                period: Period, home_state: str, limit: Decimal) -> SmallSales:
    out = SmallSales()
    for source in sources:
        inv, it = query.view(ctx, source.doctype), query.view(ctx, source.item_doctype)
        item = query.view(ctx, "Item")
        where = [inv.c.company == company, inv.c.company_gstin == gstin,
                 inv.c.docstatus == 1, inv.c.posting_date >= period.start,
                 inv.c.posting_date <= period.end,
                 small_sale(source, home_state, limit)(inv)]
        state = func.substr(inv.c.place_of_supply, 1, 2)
        treatment = func.coalesce(item.c.gst_treatment, "")
        stmt = (select(state, it.c.gst_rate, treatment, *in_rupees(inv, it))
                .select_from(it.join(inv, inv.c.name == it.c.parent)
                             .outerjoin(item, item.c.name == it.c.item_code))
                .where(it.c.parenttype == source.doctype, *where)
                .group_by(state, it.c.gst_rate, treatment))
        for row in ctx.conn.execute(stmt).all():
            key = (row[0], rate_of(row[1]), treatment_of(row[1], row[2]))
            out.sums[key] = out.sums.get(key, Amounts()) + amounts_of(row[3:], 2)
        out.documents += ctx.conn.execute(
            select(func.count()).select_from(inv).where(*where)).scalar_one()
    return out
