"""Reading the GSTR-2B JSON the GST portal gives: its supplier documents (``b2b``
invoices and ``cdnr`` credit and debit notes) with their amounts summed over items.

    {"data": {"gstin": "27...", "rtnprd": "062025", "docdata": {
        "b2b": [{"ctin": "27...", "trdnm": "...", "inv": [{"inum": "MT/42",
                 "dt": "09-06-2025", "val": 11800, "pos": "27", "rev": "N", "typ": "R",
                 "items": [{"num": 1, "rt": 18, "txval": 10000, "igst": 0,
                            "cgst": 900, "sgst": 900, "cess": 0}]}]}],
        "cdnr": [{"ctin": "...", "trdnm": "...", "nt": [{"ntnum": "...", "typ": "C",
                  "dt": "...", "val": ..., "items": [...]}]}]}}}
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from modules.gst_india.returns.errors import InvalidGSTR2B
from modules.gst_india.returns.period import from_portal_date
from modules.gst_india.returns.supplies import Amounts

FIELD = "gstr2b_json"
NOTE_TYPES = {"C": "Credit Note", "D": "Debit Note"}


@dataclass(frozen=True)
class PortalDocument:
    document_type: str  # Invoice, Credit Note or Debit Note
    supplier_gstin: str
    supplier_name: str
    number: str
    date: dt.date
    amounts: Amounts


@dataclass(frozen=True)
class GSTR2B:
    gstin: str
    period: str
    documents: tuple[PortalDocument, ...]


def read_gstr2b(text: str | None) -> GSTR2B:
    try:
        data = json.loads(text or "")["data"]
        docdata = data.get("docdata") or {}
        documents = [_document("Invoice", party, inv, "inum")
                     for party in docdata.get("b2b") or [] for inv in party.get("inv") or []]
        documents += [_document(NOTE_TYPES.get(note.get("typ"), "Credit Note"), party, note,
                                "ntnum")
                      for party in docdata.get("cdnr") or [] for note in party.get("nt") or []]
        return GSTR2B(str(data["gstin"]).upper(), str(data["rtnprd"]), tuple(documents))
    except (ValueError, KeyError, TypeError, AttributeError, InvalidOperation) as exc:
        raise InvalidGSTR2B(f"This is not a GSTR-2B JSON file of the portal ({_why(exc)})",
                            field=FIELD) from None


def _document(kind: str, party: dict[str, Any], doc: dict[str, Any],
              number_key: str) -> PortalDocument:
    items = doc.get("items") or [doc]  # some files carry the totals on the document
    amounts = sum((Amounts(*(_dec(i.get(k)) for k in ("txval", "igst", "cgst", "sgst",
                                                     "cess"))) for i in items), Amounts())
    return PortalDocument(kind, str(party["ctin"]).upper(), party.get("trdnm") or "",
                          str(doc[number_key]), from_portal_date(doc["dt"]), amounts)


def _dec(value: Any) -> Decimal:
    return Decimal(str(value)) if value not in (None, "") else Decimal(0)


def _why(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return f"no {exc.args[0]!r}"
    return str(exc) or type(exc).__name__
