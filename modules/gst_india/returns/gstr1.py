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
from modules.gst_india.returns.hsn_summary import hsn_table
from modules.gst_india.returns.period import Period
from modules.gst_india.returns.rules import b2cl_limits, hsn_rules
from modules.gst_india.returns.sections import B2B, B2CL, B2CS, CDNR, CDNUR, EXP, section_of
from modules.gst_india.returns.sources import outward_sources
from modules.gst_india.returns.supplies import Supply, read_supplies

if TYPE_CHECKING:
    from core.context import Context


def sorted_supplies(ctx: Context, firm: ReturnCompany, period: Period
                    ) -> dict[str, list[Supply]]:
    """The company's supplies of the period by GSTR-1 table."""
    limits = b2cl_limits(ctx, period.end)
    by_section: dict[str, list[Supply]] = defaultdict(list)
    for source in outward_sources(ctx):
        for supply in read_supplies(ctx, source, firm.name, firm.gstin, period):
            by_section[section_of(supply, firm.state, limits)].append(supply)
    return by_section


def listed(supplies: list[Supply]) -> list[Supply]:
    """Documents an invoice-wise table lists: those with a taxed line (a document of
    nil-rated lines only is reported in the nil table alone)."""
    return [s for s in supplies if tables.taxed_rows(s)]


def gstr1(ctx: Context, company: str, period: Period) -> dict[str, Any]:
    firm = return_company(ctx, company)
    by = sorted_supplies(ctx, firm, period)
    every = [s for supplies in by.values() for s in supplies]
    sources = outward_sources(ctx)
    out: dict[str, Any] = {"gstin": firm.gstin, "fp": period.fp}
    sections = {
        "b2b": tables.b2b(listed(by[B2B])), "b2cl": tables.b2cl(listed(by[B2CL])),
        "b2cs": tables.b2cs(by[B2CS], firm.state), "cdnr": tables.cdnr(listed(by[CDNR])),
        "cdnur": tables.cdnur(listed(by[CDNUR])), "exp": tables.exp(listed(by[EXP])),
        "nil": tables.nil(every, firm.state),
        "hsn": hsn_table(ctx, sources, company, firm.gstin, period,
                         hsn_rules(ctx, period.start, firm.turnover)),
        "doc_issue": doc_issue(ctx, sources, company, firm.gstin, period)}
    out |= {key: value for key, value in sections.items() if _filled(value)}
    return out


def _filled(table: Any) -> bool:
    if isinstance(table, dict):
        return any(table.values())
    return bool(table)
