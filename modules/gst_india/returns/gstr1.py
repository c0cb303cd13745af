"""GSTR-1: a month's outward supplies in the JSON the GST portal's offline tool imports.

Supplies come from ``supplies.read_supplies`` (one grouped query per source), are sorted
into tables by ``sections.section_of`` under the B2CL limits of their dates, and written
by ``gstr1_tables``; the HSN summary and the documents issued are SQL aggregates of
their own. Empty tables are left out, as the offline tool writes them.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from modules.gst_india.returns import gstr1_tables as tables
from modules.gst_india.returns.company import ReturnCompany, return_company
from modules.gst_india.returns.doc_issue import doc_issue
from modules.gst_india.returns.gc_pause import without_gc_pauses
from modules.gst_india.returns.hsn_summary import hsn_table
from modules.gst_india.returns.period import Period
from modules.gst_india.returns.rules import b2cl_limits, hsn_rules
from modules.gst_india.returns.sections import B2B, B2CL, B2CS, CDNR, CDNUR, EXP, section_of
from modules.gst_india.returns.small_sales import SmallSales, small_sale, small_sales
from modules.gst_india.returns.sources import outward_sources
from modules.gst_india.returns.supplies import Supply, read_supplies

if TYPE_CHECKING:
    from core.context import Context


def sorted_supplies(ctx: Context, firm: ReturnCompany, period: Period
                    ) -> tuple[dict[str, list[Supply]], SmallSales]:
    """The company's supplies of the period by GSTR-1 table, and the sums of the small
    consumer sales that are certainly b2cs (not read one by one)."""
    limits = b2cl_limits(ctx, period.end)
    lowest = limits.lowest(period.start, period.end)
    sources = outward_sources(ctx)
    by_section: dict[str, list[Supply]] = defaultdict(list)
    for source in sources:
        skip = small_sale(source, firm.state, lowest)
        for supply in read_supplies(ctx, source, firm.name, firm.gstin, period, skip):
            by_section[section_of(supply, firm.state, limits)].append(supply)
    small = small_sales(ctx, sources, firm.name, firm.gstin, period, firm.state, lowest)
    return by_section, small


def listed(supplies: list[Supply]) -> list[Supply]:
    """Documents an invoice-wise table lists: those with a taxed line (a document of
    nil-rated lines only is reported in the nil table alone)."""
    return [s for s in supplies if tables.taxed_rows(s)]


@without_gc_pauses
def gstr1(ctx: Context, company: str, period: Period, gstin: str | None = None
          ) -> dict[str, Any]:
    firm = return_company(ctx, company, gstin)
    by, small = sorted_supplies(ctx, firm, period)
    every = [s for supplies in by.values() for s in supplies]
    sources = outward_sources(ctx)
    out: dict[str, Any] = {"gstin": firm.gstin, "fp": period.fp}
    sections = {
        "b2b": tables.b2b(listed(by[B2B])), "b2cl": tables.b2cl(listed(by[B2CL])),
        "b2cs": tables.b2cs(by[B2CS], firm.state, small), "cdnr": tables.cdnr(listed(by[CDNR])),
        "cdnur": tables.cdnur(listed(by[CDNUR])), "exp": tables.exp(listed(by[EXP])),
        "nil": tables.nil(every, firm.state, small),
        "hsn": hsn_table(ctx, sources, company, firm.gstin, period,
                         hsn_rules(ctx, period.start, firm.turnover)),
        "doc_issue": doc_issue(ctx, sources, company, firm.gstin, period)}
    out |= {key: value for key, value in sections.items() if _filled(value)}
    return out


def _filled(table: Any) -> bool:
    if isinstance(table, dict):
        return any(table.values())
    return bool(table)
