"""Reconciling a GSTR-2B with the purchase invoices of its period.

A document of the GSTR-2B and a purchase invoice (or purchase return, for a credit note)
are the same when the supplier GSTIN, the kind of document and the normalised number
agree (``bill_number_key``: case, separators and leading zeros do not count). Each pair
is then compared:

| status | when |
| --- | --- |
| Matched | dates equal, taxable value and tax each within the tolerance (1 rupee) |
| Mismatched | same document, but another date or an amount beyond the tolerance |
| Missing in Books | in the GSTR-2B only |
| Missing in GSTR-2B | a purchase invoice of a registered supplier not in the GSTR-2B |
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from modules.gst_india.returns.company import return_company
from modules.gst_india.returns.errors import InvalidGSTR2B
from modules.gst_india.returns.gstr2b import FIELD, PortalDocument, read_gstr2b
from modules.gst_india.returns.period import parse_period, portal_date
from modules.gst_india.returns.sources import PURCHASE_INVOICE
from modules.gst_india.returns.supplies import Amounts, Supply, read_supplies

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

MATCHED, MISMATCHED = "Matched", "Mismatched"
MISSING_IN_BOOKS, MISSING_IN_2B = "Missing in Books", "Missing in GSTR-2B"
STATUSES = (MATCHED, MISMATCHED, MISSING_IN_BOOKS, MISSING_IN_2B)
COUNTS = {MATCHED: "matched", MISMATCHED: "mismatched",
          MISSING_IN_BOOKS: "missing_in_books", MISSING_IN_2B: "missing_in_2b"}

Key = tuple[str, str, str]  # (supplier GSTIN, document type, number key)


def bill_number_key(number: str | None) -> str:
    """``"mt/0042"``, ``"MT-42"`` and ``"MT 042"`` are one bill: upper case, numbers
    without leading zeros, separators dropped."""
    text = re.sub(r"\d+", lambda m: str(int(m.group())), (number or "").upper())
    return re.sub(r"[^0-9A-Z]", "", text)


@dataclass(frozen=True)
class BooksDocument:
    supply: Supply

    @property
    def document_type(self) -> str:
        return "Credit Note" if self.supply.is_return else "Invoice"

    @property
    def number(self) -> str:
        return self.supply.bill_no or self.supply.name

    @property
    def date(self) -> Any:
        return self.supply.bill_date or self.supply.posting_date

    @property
    def amounts(self) -> Amounts:
        total = sum((r.amounts for r in self.supply.rows), Amounts())
        return -total if self.supply.is_return else total


def reconcile_import(ctx: Context, doc: Document) -> None:
    """Check the file against the document's company and period, then replace its
    lines with the reconciliation against the books as they are now."""
    period = parse_period(doc.period)
    firm = return_company(ctx, doc.company)
    portal = read_gstr2b(doc.gstr2b_json)
    if portal.gstin != firm.gstin:
        raise InvalidGSTR2B(f"The GSTR-2B is of GSTIN {portal.gstin}, not of "
                            f"{doc.company} ({firm.gstin})", field=FIELD)
    if portal.period != period.fp:
        raise InvalidGSTR2B(f"The GSTR-2B is of period {portal.period}, not {period.fp}",
                            field=FIELD)
    books = [BooksDocument(s) for s in read_supplies(ctx, PURCHASE_INVOICE, doc.company,
                                                     firm.gstin, period) if s.party_gstin]
    tolerance = Decimal(doc.tolerance if doc.tolerance is not None else 1)
    lines = reconcile(list(portal.documents), books, tolerance)
    doc.company_gstin, doc.title = firm.gstin, f"GSTR-2B {period.fp} {doc.company}"
    doc.set("items", [])
    for line in lines:
        doc.append("items", line, ctx)
    for status, field in COUNTS.items():
        doc.set(field, sum(1 for line in lines if line["status"] == status))


def reconcile(portal: list[PortalDocument], books: list[BooksDocument],
              tolerance: Decimal) -> list[dict[str, Any]]:
    by_key: dict[Key, BooksDocument] = {
        (b.supply.party_gstin, b.document_type, bill_number_key(b.number)): b for b in books}
    lines, used = [], set()
    for p in portal:
        key = (p.supplier_gstin, p.document_type, bill_number_key(p.number))
        found = by_key.get(key)
        if found is not None:
            used.add(key)
        lines.append(_line(p, found, tolerance))
    lines += [_line(None, b, tolerance) for key, b in by_key.items() if key not in used]
    return lines


def _line(p: PortalDocument | None, b: BooksDocument | None, tolerance: Decimal
          ) -> dict[str, Any]:
    line: dict[str, Any] = {}
    if p is not None:
        line |= {"document_type": p.document_type, "supplier_gstin": p.supplier_gstin,
                 "supplier_name": p.supplier_name, "bill_no": p.number,
                 "bill_date": p.date, "taxable_value_2b": p.amounts.taxable,
                 "tax_2b": p.amounts.tax}
    if b is not None:
        line |= {"document_type": b.document_type, "supplier_gstin": b.supply.party_gstin,
                 "purchase_invoice": b.supply.name, "books_bill_no": b.number,
                 "books_bill_date": b.date, "taxable_value_books": b.amounts.taxable,
                 "tax_books": b.amounts.tax}
    differences = _differences(p, b, tolerance) if p and b else []
    status = MISSING_IN_2B if p is None else MISSING_IN_BOOKS if b is None \
        else MISMATCHED if differences else MATCHED
    return line | {"status": status, "reason": "; ".join(differences)}


def _differences(p: PortalDocument, b: BooksDocument, tolerance: Decimal) -> list[str]:
    found = []
    if p.date != b.date:
        found.append(f"date {portal_date(p.date)} in GSTR-2B, {portal_date(b.date)} in "
                     "books")
    for label, theirs, ours in (("taxable value", p.amounts.taxable, b.amounts.taxable),
                                ("tax", p.amounts.tax, b.amounts.tax)):
        if abs(theirs - ours) > tolerance:
            found.append(f"{label} {theirs:.2f} in GSTR-2B, {ours:.2f} in books")
    return found
