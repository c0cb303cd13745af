"""TDS deducted in one quarter, one row per deduction in the shape of Form 26Q's deductee
annexure: section, deductee code (01 company, 02 other), PAN (PANNOTAVBL without one),
name, amount paid or credited, date, rate, TDS and the remarks code (A: lower deduction
under a section 197 certificate, C: higher rate for want of a PAN).

A document that taxed part of its amount under a certificate and the rest at the
section's rate gives two rows, as the return wants each rate apart. Debit notes that gave
TDS back show as negative rows.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core import records
from core.db import query
from modules.tds_india.amounts import LOWER_CERTIFICATE, percent_of, to_paisa
from modules.tds_india.deductees import deductee_code

if TYPE_CHECKING:
    from core.context import Context

ZERO = Decimal(0)
QUARTERS = {"Q1": ((0, 4, 1), (0, 6, 30)), "Q2": ((0, 7, 1), (0, 9, 30)),
            "Q3": ((0, 10, 1), (0, 12, 31)), "Q4": ((1, 1, 1), (1, 3, 31))}
NO_PAN = "PANNOTAVBL"
SOURCES = (("Purchase Invoice", "supplier"), ("Payment Entry", "party"))
FIELDS = ["name", "posting_date", "tax_withholding_category", "tds_taxable_amount",
          "tds_rate", "tds_amount", "lower_deduction_certificate",
          "certificate_taxable_amount", "tds_reason"]


def quarter_dates(year_start: dt.date, quarter: str) -> tuple[dt.date, dt.date]:
    """The first and last day of a quarter of the financial year starting on the date.

    >>> quarter_dates(dt.date(2025, 4, 1), "Q4")
    (datetime.date(2026, 1, 1), datetime.date(2026, 3, 31))
    """
    (sy, sm, sd), (ey, em, ed) = QUARTERS[quarter]
    return (dt.date(year_start.year + sy, sm, sd), dt.date(year_start.year + ey, em, ed))


def tds_26q(ctx: Context, company: str, start: dt.date, end: dt.date,
            section: str | None = None) -> dict[str, Any]:
    rows: list[dict[str, Any]] = []
    for doctype, party_field in SOURCES:
        documents = query.select_rows(ctx, doctype, fields=[*FIELDS, party_field], filters=[
            ["docstatus", "=", 1], ["company", "=", company], ["posting_date", ">=", start],
            ["posting_date", "<=", end], ["tds_amount", "!=", 0]])
        parties = _parties(ctx, [d[party_field] for d in documents])
        for document in documents:
            category = records.get(ctx, "Tax Withholding Category",
                                   document["tax_withholding_category"]) or {}
            if section and category.get("section") != section:
                continue
            party = parties[document[party_field]]
            rows.extend(_rows(ctx, doctype, document, category.get("section", ""), party))
    rows.sort(key=lambda r: (r["section"], r["date_of_credit"], r["voucher_no"]))
    totals = {"amount_paid": sum((r["amount_paid"] for r in rows), ZERO),
              "tds_amount": sum((r["tds_amount"] for r in rows), ZERO)}
    return {"rows": rows, "totals": totals}


def _parties(ctx: Context, names: list[str]) -> dict[str, dict[str, Any]]:
    """The deductees' PAN, status and name, as the supplier records hold them today."""
    if not names:
        return {}
    return {r["name"]: r for r in query.select_rows(
        ctx, "Supplier", fields=["name", "supplier_name", "pan", "deductee_type"],
        filters=[["name", "in", sorted(set(names))]])}


def _rows(ctx: Context, doctype: str, document: dict[str, Any], section: str,
          party: dict[str, Any]) -> list[dict[str, Any]]:
    base = {"section": section, "deductee_code": deductee_code(party["deductee_type"]),
            "pan": party["pan"] or NO_PAN, "deductee_name": party["supplier_name"],
            "date_of_credit": document["posting_date"], "voucher_type": doctype,
            "voucher_no": document["name"], "certificate_no": None}
    # figures to the paisa whatever the database kept (SQLite drops trailing zeros)
    taxable, tds = to_paisa(document["tds_taxable_amount"]), to_paisa(document["tds_amount"])
    out = []
    under = to_paisa(document["certificate_taxable_amount"] or ZERO)
    if under:
        rate = query.get_value(ctx, "Lower Deduction Certificate",
                               document["lower_deduction_certificate"], "rate")
        certified = percent_of(under, rate)
        out.append({**base, "amount_paid": under, "rate": rate, "tds_amount": certified,
                    "reason": LOWER_CERTIFICATE,
                    "certificate_no": document["lower_deduction_certificate"]})
        taxable, tds = taxable - under, tds - certified
    if taxable:
        reason = document["tds_reason"] if document["tds_reason"] != LOWER_CERTIFICATE \
            else ""
        out.append({**base, "amount_paid": taxable, "rate": document["tds_rate"],
                    "tds_amount": tds, "reason": reason or ""})
    return out
