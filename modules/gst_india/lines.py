"""A document's lines for GST: each takes its item's HSN code and the GST rate valid on
the document date (unless the line sets its own), and receives its taxes."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from core.db import query
from modules.base.items import item_rows
from modules.gst_india.errors import MissingGSTRate
from modules.gst_india.hsn import clean_hsn
from modules.gst_india.rates import Rate, check_gst_rate, rates_on
from modules.gst_india.taxes import GstTaxes, TaxableLine

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)
LINE_TAXES = {"cgst_amount": "cgst", "sgst_amount": "sgst", "igst_amount": "igst",
              "cess_amount": "cess"}
DOCUMENT_TOTALS = {"total_taxable_value": "taxable_value", "total_cgst": "cgst",
                   "total_sgst": "sgst", "total_igst": "igst", "total_cess": "cess"}


def taxable_lines(ctx: Context, doc: Document, need_rates: bool,
                  date_field: str = "posting_date") -> list[TaxableLine]:
    """Fill HSN codes and rates valid on the document's ``date_field``; ``need_rates``
    refuses a line without a rate."""
    rows = doc.children("items")
    on = doc.get(date_field)
    _fill_hsn(ctx, rows)
    _forget_dated_rates(doc, date_field)
    missing = [(r.item_code, r.gst_hsn_code) for r in rows if r.gst_rate is None]
    found = rates_on(ctx, on, missing) if missing else {}
    original = _original_rates(ctx, doc) if missing else {}
    out = []
    for i, row in enumerate(rows, start=1):
        if row.gst_rate is None:
            rate = original.get(row.item_code) or found.get((row.item_code, row.gst_hsn_code))
            if rate is None and need_rates:
                raise MissingGSTRate(
                    f"Items row {i}: {row.item_code or row.item_name} (HSN/SAC "
                    f"{row.gst_hsn_code or 'not set'}) has no GST rate on "
                    f"{on}: add a GST Rate or set the line's rate",
                    field="items")
            if rate is not None:  # else left empty, to be looked up when GST applies
                row.gst_rate, row.cess_rate = rate.gst_rate, rate.cess_rate
        if row.gst_rate is not None:
            row.gst_rate = check_gst_rate(row.gst_rate, "items", f"Items row {i}: ")
        row.cess_rate = row.cess_rate or ZERO
        out.append(TaxableLine(row.amount or ZERO, row.gst_rate or ZERO, row.cess_rate))
    return out


def _forget_dated_rates(doc: Document, date_field: str) -> None:
    """A draft moved to another date takes the rates of that date, except on a line
    whose rate was changed in the same save."""
    before = doc.previous or {}
    if before.get(date_field) in (None, doc.get(date_field)):
        return
    stored = {r.get("name"): r for r in before.get("items") or []}
    for row in doc.children("items"):
        old = stored.get(row.name)
        if old is not None and row.gst_rate == old.get("gst_rate"):
            row.gst_rate = row.cess_rate = None


def _original_rates(ctx: Context, doc: Document) -> dict[str, Rate]:
    """A return reverses the tax of the invoice it returns, and a debit note adds to it,
    at that invoice's rates, even when the rates changed in between."""
    if not (doc.get("is_return") or doc.get("is_debit_note")) or not doc.get("return_against"):
        return {}
    rows = query.select_rows(ctx, doc.meta.get_field("items").options, fields=[
        "item_code", "gst_rate", "cess_rate"], filters={
        "parent": doc.return_against, "parenttype": doc.doctype})
    return {r["item_code"]: Rate(r["gst_rate"], r["cess_rate"] or ZERO, None,
                                 doc.return_against)
            for r in rows if r["item_code"] and r["gst_rate"] is not None}


def _fill_hsn(ctx: Context, rows: list[Document]) -> None:
    codes = sorted({r.item_code for r in rows if r.item_code and not r.gst_hsn_code})
    hsn = {code: r["gst_hsn_code"] for code, r in item_rows(ctx, codes).items()}
    for row in rows:
        row.gst_hsn_code = clean_hsn(row.gst_hsn_code or hsn.get(row.item_code),
                                     field="items")


def write_taxes(doc: Document, taxes: GstTaxes) -> None:
    for row, tax in zip(doc.children("items"), taxes.lines, strict=True):
        row.taxable_value = tax.taxable_value
        for field, attr in LINE_TAXES.items():
            row.set(field, getattr(tax, attr))
    for field, attr in DOCUMENT_TOTALS.items():
        doc.set(field, taxes.total(attr))


def clear_taxes(doc: Document) -> None:
    """A document of a company without GST registration carries no GST figures."""
    for row in doc.children("items"):
        for field in ("taxable_value", *LINE_TAXES):
            row.set(field, None)
    for field in DOCUMENT_TOTALS:
        doc.set(field, None)
