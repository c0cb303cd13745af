"""The GST fields every document that sells or buys carries, and those of its lines.

The field contract (README): a document has place_of_supply, gst_category,
is_reverse_charge, company_gstin, the party's GSTIN and the GST totals; a line has its
HSN code, rate, taxable value and tax amounts.
"""

from __future__ import annotations

from typing import Any

from modules.gst_india.categories import CATEGORIES
from modules.gst_india.states import STATE_OPTIONS

PORTAL_STATUSES = "\nNot Applicable\nPending\nGenerated\nFailed\nCancelled"


def portal_answer(fieldname: str, fieldtype: str, label: str, **extra: Any
                  ) -> dict[str, Any]:
    """A field the portal's answer fills (IRN, e-way bill number...): read-only, written
    by the jobs on a submitted document."""
    return {"fieldname": fieldname, "fieldtype": fieldtype, "label": label,
            "read_only": 1, "allow_on_submit": 1, **extra}


def after_submit(fieldname: str, fieldtype: str, label: str, **extra: Any
                 ) -> dict[str, Any]:
    """A field the user fills once the document is submitted (transport, a reason)."""
    return {"fieldname": fieldname, "fieldtype": fieldtype, "label": label,
            "allow_on_submit": 1, **extra}


def _money(fieldname: str, label: str) -> dict[str, Any]:
    return {"fieldname": fieldname, "fieldtype": "Currency", "label": label,
            "read_only": 1}


COMPANY_ADDRESS: dict[str, Any] = {
    "fieldname": "company_address", "fieldtype": "Link", "options": "Address",
    "label": "Company Address",
    "description": "The branch whose GSTIN the document is issued under; the company's "
                   "own GSTIN when empty"}


def document_fields(party_gstin: str, party_gstin_label: str,
                    company_address: bool = True) -> list[dict[str, Any]]:
    """``company_address`` False: the document has that field already (a sales invoice
    gets it with its other addresses)."""
    return [
        {"fieldname": "section_gst", "fieldtype": "Section Break", "label": "GST"},
        *([COMPANY_ADDRESS] if company_address else []),
        {"fieldname": "company_gstin", "fieldtype": "Data", "label": "Company GSTIN"},
        {"fieldname": party_gstin, "fieldtype": "Data", "label": party_gstin_label},
        {"fieldname": "gst_category", "fieldtype": "Select", "label": "GST Category",
         "options": "\n".join(("", *CATEGORIES)), "in_standard_filter": 1},
        {"fieldname": "place_of_supply", "fieldtype": "Select", "label": "Place of Supply",
         "options": STATE_OPTIONS, "in_standard_filter": 1},
        {"fieldname": "is_reverse_charge", "fieldtype": "Check",
         "label": "Reverse Charge"},
        {"fieldname": "is_export_with_gst", "fieldtype": "Check",
         "label": "Export or SEZ Supply with Payment of IGST"},
        {"fieldname": "column_gst", "fieldtype": "Column Break"},
        _money("total_taxable_value", "Taxable Value"),
        _money("total_cgst", "CGST"),
        _money("total_sgst", "SGST/UTGST"),
        _money("total_igst", "IGST"),
        _money("total_cess", "Cess"),
    ]


LINE_FIELDS: list[dict[str, Any]] = [
    {"fieldname": "gst_hsn_code", "fieldtype": "Data", "label": "HSN/SAC"},
    {"fieldname": "gst_rate", "fieldtype": "Percent", "label": "GST Rate",
     "description": "From the item's GST Rate on the document date when left empty"},
    {"fieldname": "cess_rate", "fieldtype": "Percent", "label": "Cess Rate"},
    _money("taxable_value", "Taxable Value"),
    _money("cgst_amount", "CGST"),
    _money("sgst_amount", "SGST/UTGST"),
    _money("igst_amount", "IGST"),
    _money("cess_amount", "Cess"),
]

TAX_ROW_FIELDS: list[dict[str, Any]] = [
    {"fieldname": "gst_tax_type", "fieldtype": "Select", "label": "GST",
     "options": "\nCGST\nSGST\nIGST\nCess", "read_only": 1,
     "description": "Set on the rows GST computes; they are replaced on every save"},
]
