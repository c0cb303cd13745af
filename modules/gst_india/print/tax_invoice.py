"""What the GST Tax Invoice print format shows beyond the document's own fields: the
title the law gives it, the supplier's and recipient's addresses with state names and
codes, the tax columns the invoice uses, the total in words and the IRN's QR code.

Rule 46 of the CGST Rules lists the particulars; the title is "Tax Invoice", "Bill of
Supply" for a composition dealer or a supply bearing no tax, or "Credit Note".
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

import segno

from modules.accounting.companies import company_settings
from modules.gst_india.categories import COMPOSITION, OVERSEAS, SEZ
from modules.gst_india.einvoice import parties
from modules.gst_india.print.words import amount_in_words
from modules.gst_india.states import state_from_text

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

TAX_COLUMNS = (("cgst", "CGST"), ("sgst", "SGST/UTGST"), ("igst", "IGST"), ("cess", "Cess"))
LUT_NOTE = ("Supply meant for export or to an SEZ unit under bond or letter of "
            "undertaking without payment of integrated tax")
PAID_NOTE = "Supply meant for export or to an SEZ unit on payment of integrated tax"


def print_context(ctx: Context, doc: Document) -> dict[str, Any]:
    company = company_settings(ctx, doc.company)
    return {
        "title": title(doc, company), "zero_rated_note": zero_rated_note(doc),
        "supplier": party_block(parties.company_address(ctx, doc), doc.company,
                                doc.company_gstin),
        "recipient": party_block(parties.billing_address(ctx, doc),
                                 doc.customer_name or doc.customer, doc.billing_gstin),
        "ship_to": party_block(parties.address(ctx, doc.get("shipping_address_name")),
                               None, None) if doc.get("shipping_address_name") else None,
        "place_of_supply": state_label(doc.place_of_supply),
        "tax_columns": tax_columns(doc),
        "amount_in_words": amount_in_words(Decimal(str(doc.grand_total or 0))),
        "tax_in_words": amount_in_words(tax_total(doc)),
        "has_tax": tax_total(doc) != 0,
        "lines_total": Decimal(str(doc.total_taxable_value or 0)) + tax_total(doc),
        "qr_code": qr_image(doc.get("signed_qr_code")),
        "rate_of": _rate,
        # a credit note shows positive amounts: its title says they reduce the invoice
        "shown": (lambda value: abs(value or 0)) if doc.is_return else (lambda value: value),
    }


def title(doc: Document, company: dict[str, Any]) -> str:
    if doc.is_return:
        return "Credit Note"
    if doc.get("is_debit_note"):
        return "Debit Note"
    if company.get("gst_category") == COMPOSITION or not any(
            Decimal(str(r.gst_rate or 0)) for r in doc.children("items")):
        return "Bill of Supply"
    return "Tax Invoice"


def zero_rated_note(doc: Document) -> str | None:
    if doc.gst_category not in (SEZ, OVERSEAS):
        return None
    return PAID_NOTE if doc.is_export_with_gst else LUT_NOTE


def party_block(addr: dict[str, Any], name: str | None, gstin: str | None
                ) -> dict[str, Any]:
    lines = [addr.get("address_line1"), addr.get("address_line2"),
             " ".join(p for p in (addr.get("city"), addr.get("pincode")) if p)]
    state = state_from_text(addr.get("gst_state") or addr.get("state") or
                            (gstin or "")[:2])
    return {"name": name or addr.get("address_title"), "lines": [x for x in lines if x],
            "country": addr.get("country") if addr.get("country") != "India" else None,
            "gstin": gstin or addr.get("gstin"),
            "state": f"{state.name} (code {state.code})" if state else None}


def state_label(place: str | None) -> str:
    state = state_from_text(place)
    return f"{state.name} (code {state.code})" if state else ""


def tax_columns(doc: Document) -> list[dict[str, str]]:
    """The taxes the invoice bears: CGST and SGST, or IGST, and cess when charged; a
    zero-rated supply (export, SEZ) shows its IGST rate even when it pays none."""
    zero_rated = doc.gst_category in (SEZ, OVERSEAS)
    return [{"key": key, "label": label} for key, label in TAX_COLUMNS
            if Decimal(str(doc.get(f"total_{key}") or 0)) or (zero_rated and key == "igst")]


def tax_total(doc: Document) -> Decimal:
    return sum((Decimal(str(doc.get(f"total_{k}") or 0)) for k, _ in TAX_COLUMNS),
               Decimal(0))


def _rate(row: Document, key: str) -> Decimal:
    if key == "cess":
        return Decimal(str(row.cess_rate or 0))
    rate = Decimal(str(row.gst_rate or 0))
    return rate / 2 if key in ("cgst", "sgst") else rate


def qr_image(signed_qr_code: str | None) -> str | None:
    """The signed QR code as an SVG image (a data URI WeasyPrint draws)."""
    if not signed_qr_code:
        return None
    return segno.make(signed_qr_code, error="l").svg_data_uri(scale=2, border=2)
