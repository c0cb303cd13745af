"""Table 12 of GSTR-1: outward supplies summed by HSN/SAC code, unit and rate.

One SQL aggregate per source doctype. From the period a GST Return Rule "HSN Summary by
B2B and B2C" is in force (April 2025), the table is split into ``hsn_b2b`` (supplies to
registered buyers) and ``hsn_b2c`` (the rest, exports included); before, it is one
``data`` list. Codes shorter than the HSN Digits rule of the company's turnover are
refused: the portal rejects them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from sqlalchemy import case, func, select

from core.db import query
from modules.gst_india.categories import OVERSEAS
from modules.gst_india.returns.errors import HSNCodeTooShort
from modules.gst_india.returns.period import Period
from modules.gst_india.returns.rules import HSNRules
from modules.gst_india.returns.sections import number
from modules.gst_india.returns.sources import Source

if TYPE_CHECKING:
    from core.context import Context

ZERO = Decimal(0)
UQC = MappingProxyType({k: v for k, v in json.loads(
    Path(__file__).with_name("uqc.json").read_text("utf-8")).items() if k[0] != "_"})
FIGURES = ("qty", "txval", "iamt", "camt", "samt", "csamt")
LINE_FIELDS = ("qty", "taxable_value", "igst_amount", "cgst_amount", "sgst_amount",
               "cess_amount")

Key = tuple[bool, str, str, Decimal]  # (to a registered buyer, code, unit, rate)


def hsn_table(ctx: Context, sources: list[Source], company: str, gstin: str,
              period: Period, rules: HSNRules) -> dict[str, list[dict[str, Any]]]:
    sums: dict[Key, list[Decimal]] = defaultdict(lambda: [ZERO] * len(FIGURES))
    names: dict[str, str] = {}
    for source in sources:
        for key, name, figures in _sums(ctx, source, company, gstin, period):
            names.setdefault(key[1], name)
            sums[key] = [a + b for a, b in zip(sums[key], figures, strict=True)]
    _check_digits(sums, rules.digits)
    if not rules.split_b2b_b2c:
        return {"data": _rows(_one_table(sums), names, False)}
    return {"hsn_b2b": _rows(sums, names, True), "hsn_b2c": _rows(sums, names, False)}


def _one_table(sums: dict[Key, list[Decimal]]) -> dict[Key, list[Decimal]]:
    """Before the split, registered and unregistered buyers' rows add up."""
    merged: dict[Key, list[Decimal]] = defaultdict(lambda: [ZERO] * len(FIGURES))
    for (_, code, unit, rate), figures in sums.items():
        key = (False, code, unit, rate)
        merged[key] = [a + b for a, b in zip(merged[key], figures, strict=True)]
    return merged


def _sums(ctx: Context, source: Source, company: str, gstin: str, period: Period
          ) -> list[tuple[Key, str, list[Decimal]]]:
    inv, it = query.view(ctx, source.doctype), query.view(ctx, source.item_doctype)
    item = query.view(ctx, "Item")
    registered = case((func.coalesce(inv.c[source.party_gstin], "") != "",
                       case((inv.c.gst_category == OVERSEAS, 0), else_=1)), else_=0)
    unit = func.coalesce(it.c.uom, item.c.stock_uom, "")
    code = func.coalesce(it.c.gst_hsn_code, "")
    rate = func.coalesce(inv.c.conversion_rate, 1)
    amounts = [func.sum(it.c.qty)] + [func.sum(it.c[f] * rate) for f in LINE_FIELDS[1:]]
    stmt = (select(registered, code, unit, it.c.gst_rate, func.min(it.c.item_name),
                   *amounts)
            .select_from(it.join(inv, inv.c.name == it.c.parent)
                         .outerjoin(item, item.c.name == it.c.item_code))
            .where(it.c.parenttype == source.doctype, inv.c.company == company,
                   inv.c.company_gstin == gstin, inv.c.docstatus == 1,
                   inv.c.posting_date >= period.start, inv.c.posting_date <= period.end)
            .group_by(registered, code, unit, it.c.gst_rate))
    return [((bool(r[0]), r[1], r[2], Decimal(str(r[3] or 0)).normalize()), r[4] or "",
             [Decimal(str(v or 0)) for v in r[5:]]) for r in ctx.conn.execute(stmt)]


def _check_digits(sums: dict[Key, list[Decimal]], digits: int) -> None:
    short = sorted({code or "(none)" for _, code, _, _ in sums if len(code) < digits})
    if short:
        raise HSNCodeTooShort(f"The HSN summary needs codes of at least {digits} digits "
                              f"(GST Return Rule: HSN Digits); set the HSN/SAC code of the "
                              f"items sold with: {', '.join(short)}", field="period")


def _rows(sums: dict[Key, list[Decimal]], names: dict[str, str],
          registered: bool) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for (to_registered, code, unit, rate), figures in sorted(sums.items()):
        if to_registered != registered:
            continue
        service = code.startswith("99")
        values = dict(zip(FIGURES, figures, strict=True))
        rows.append({"num": len(rows) + 1, "hsn_sc": code, "desc": names[code][:30],
                     "uqc": "NA" if service else UQC.get(unit, "OTH"),
                     "qty": 0.0 if service else number(values["qty"]), "rt": number(rate)}
                    | {f: number(values[f]) for f in FIGURES[1:]})
    return rows
