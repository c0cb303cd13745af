"""Table 13 of GSTR-1: the documents issued in the period, by kind and number series.

A series is a document name without its trailing digits (``ACC-SINV-2025-00007`` is
number 7 of ``ACC-SINV-2025-``). Each series reports its first and last number, how
many documents it holds and how many of them were cancelled; a cancelled invoice counts
here and in no other table. Drafts are not issued documents.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from core.db import query
from modules.gst_india.returns.period import Period
from modules.gst_india.returns.sources import Source

if TYPE_CHECKING:
    from core.context import Context

INVOICES, CREDIT_NOTES = 1, 5  # doc_num: the portal's numbering of document kinds
TRAILING_NUMBER = re.compile(r"^(.*?)(\d+)$")


@dataclass
class Series:
    names: list[tuple[int, str]] = field(default_factory=list)  # (number, name)
    cancelled: int = 0


def doc_issue(ctx: Context, sources: list[Source], company: str, gstin: str,
              period: Period) -> dict[str, Any]:
    kinds: dict[int, dict[str, Series]] = defaultdict(lambda: defaultdict(Series))
    for source in sources:
        for name, is_return, docstatus in _documents(ctx, source, company, gstin, period):
            prefix, number = _split(name)
            series = kinds[CREDIT_NOTES if is_return else INVOICES][prefix]
            series.names.append((number, name))
            series.cancelled += docstatus == 2
    return {"doc_det": [{"doc_num": kind, "docs": _docs(kinds[kind])}
                        for kind in sorted(kinds)]}


def _documents(ctx: Context, source: Source, company: str, gstin: str, period: Period
               ) -> list[tuple[str, bool, int]]:
    inv = query.view(ctx, source.doctype)
    stmt = select(inv.c.name, inv.c.is_return, inv.c.docstatus).where(
        inv.c.company == company, inv.c.company_gstin == gstin,
        inv.c.docstatus.in_((1, 2)), inv.c.posting_date >= period.start,
        inv.c.posting_date <= period.end)
    return [(r[0], bool(r[1]), r[2]) for r in ctx.conn.execute(stmt)]


def _split(name: str) -> tuple[str, int]:
    found = TRAILING_NUMBER.match(name)
    return (found.group(1), int(found.group(2))) if found else (name, 0)


def _docs(series: dict[str, Series]) -> list[dict[str, Any]]:
    out = []
    for prefix in sorted(series):
        s = series[prefix]
        s.names.sort()
        total = len(s.names)
        out.append({"num": len(out) + 1, "from": s.names[0][1], "to": s.names[-1][1],
                    "totnum": total, "cancel": s.cancelled,
                    "net_issue": total - s.cancelled})
    return out
