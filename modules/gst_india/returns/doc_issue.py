"""Table 13 of GSTR-1: the documents issued in the period, by kind and number series.

A series is a document name without its trailing digits (``ACC-SINV-2025-00007`` is
number 7 of ``ACC-SINV-2025-``), found in SQL (``rtrim`` of the digits) so the documents
are counted, not read. Each series reports its first and last name (naming series pad
their numbers, so names sort as numbers do), how many documents it holds and how many
of them were cancelled; a cancelled invoice counts here and in no other table. Drafts
are not issued documents. Invoices, debit notes and credit notes are the portal's
natures of document 1, 4 and 5.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from sqlalchemy import case, func, select

from core.db import query
from modules.gst_india.returns.period import Period
from modules.gst_india.returns.sources import Source
from modules.gst_india.returns.supplies import debit_note_flag

if TYPE_CHECKING:
    from core.context import Context

# doc_num: the portal's numbering of document kinds (nature of document)
INVOICES, DEBIT_NOTES, CREDIT_NOTES = 1, 4, 5


def doc_issue(ctx: Context, sources: list[Source], company: str, gstin: str,
              period: Period) -> dict[str, Any]:
    kinds: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for source in sources:
        for _, kind, first, last, total, cancelled in _series(
                ctx, source, company, gstin, period):
            docs = kinds[kind]
            docs.append({"num": len(docs) + 1, "from": first, "to": last,
                         "totnum": total, "cancel": int(cancelled),
                         "net_issue": total - int(cancelled)})
    return {"doc_det": [{"doc_num": kind, "docs": kinds[kind]} for kind in sorted(kinds)]}


def _series(ctx: Context, source: Source, company: str, gstin: str, period: Period
            ) -> list[tuple[str, int, str, str, int, int]]:
    inv = query.view(ctx, source.doctype)
    prefix = func.rtrim(inv.c.name, "0123456789")
    kind = case((func.coalesce(inv.c.is_return, 0) == 1, CREDIT_NOTES),
                (debit_note_flag(inv) == 1, DEBIT_NOTES), else_=INVOICES)
    stmt = (select(prefix, kind, func.min(inv.c.name), func.max(inv.c.name), func.count(),
                   func.sum(case((inv.c.docstatus == 2, 1), else_=0)))
            .where(inv.c.company == company, inv.c.company_gstin == gstin,
                   inv.c.docstatus.in_((1, 2)), inv.c.posting_date >= period.start,
                   inv.c.posting_date <= period.end)
            .group_by(prefix, kind).order_by(prefix))
    return [(r[0], int(r[1]), r[2], r[3], r[4], r[5] or 0)
            for r in ctx.conn.execute(stmt).all()]
