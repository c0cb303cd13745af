"""The number of a GST sales invoice: at most 16 characters of letters, digits, "/" and
"-", not starting with 0, "/" or "-" (rule 46(b) of the CGST Rules and the e-invoice
schema), and unique within a financial year.

A GST company's invoices take the series of GST Settings, whose ``.FY.`` part becomes the
Indian financial year of the posting date (``SI-2526-00001``): the counter restarts every
April and the number is unique within the year (the document name is unique anyway).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from core.naming import series_prefix
from core.singles import get_single
from modules.accounting.companies import company_settings
from modules.gst_india.einvoice.errors import InvalidInvoiceNumber

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

MAX_LENGTH = 16
PATTERN = re.compile(r"[A-Z1-9][A-Z0-9/-]{0,15}")
FY_TOKEN = ".FY."
IRP_FIELDS = ("irn", "ack_no", "ack_date", "irn_cancel_date", "einvoice_error",
              "signed_qr_code", "signed_invoice", "einvoice_status")


def financial_year(date: dt.date) -> str:
    """``2526`` for 2025-26: April to March."""
    start = date.year if date.month >= 4 else date.year - 1
    return f"{start % 100:02d}{(start + 1) % 100:02d}"


def clear_irp_fields(doc: Document) -> None:
    """What the IRP said about an invoice this one was amended from: an IRN belongs to
    one document."""
    for fieldname in IRP_FIELDS:
        doc.values[fieldname] = None


def gst_series(ctx: Context, doc: Document, setting: str = "sales_invoice_series",
               fallback: str = "SI-.FY.-.#####") -> str | None:
    """The series a new invoice is named from: for a GST company's invoice left on its
    doctype's default series, the one GST Settings names under ``setting``; ``.FY.``
    becomes the financial year of the posting date."""
    series = doc.naming_series
    if not doc.company or not company_settings(ctx, doc.company).get("gstin"):
        return series
    if series in (None, "", doc.meta.field_map["naming_series"].default):
        series = get_single(ctx, "GST Settings").get(setting) or fallback
    return in_financial_year(ctx, doc, series) if series else series


def in_financial_year(ctx: Context, doc: Document, series: str) -> str:
    """The series with ``.FY.`` made the financial year of the document's posting date."""
    posting = doc.posting_date or ctx.now.date()
    if isinstance(posting, str):
        posting = dt.date.fromisoformat(posting)
    return series.replace(FY_TOKEN, financial_year(posting) + ".")


def check_invoice_number(ctx: Context, doc: Document) -> None:
    """A new GST invoice's number fits the rule, or the invoice is refused. A new invoice
    is numbered once it is valid, so its series is checked (the first number it gives,
    e.g. ``SI-2526-00001``); an invoice numbered before its company registered for GST is
    saved again (payments, status) under the number it has."""
    if not doc.company_gstin or doc.previous is not None:
        return
    if doc.name:
        check_number(doc.name)
    else:
        check_series(ctx, doc.naming_series)


def check_series(ctx: Context, series: str | None, field: str = "naming_series") -> None:
    """The numbers a series gives fit the rule: its first one is checked."""
    if series and "#" in series:
        prefix, digits = series_prefix(ctx, series.replace(FY_TOKEN, "2526."))
        check_number(f"{prefix}{1:0{digits}d}", field)


def check_number(number: str, field: str = "naming_series") -> None:
    if len(number) > MAX_LENGTH:
        raise InvalidInvoiceNumber(
            f"Invoice number {number} has {len(number)} characters; a GST invoice "
            f"number has at most {MAX_LENGTH} (shorten the naming series)", field=field)
    if not PATTERN.fullmatch(number.upper()):
        raise InvalidInvoiceNumber(
            f"Invoice number {number} may hold only letters, digits, / and - and may "
            "not start with 0, / or -", field=field)
