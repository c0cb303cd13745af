"""Line amounts, taxes and totals of an invoice: computed on the server, never trusted from
the client. Every figure is rounded to the invoice currency's precision line by line, the
way the printed invoice shows it, so the printed lines add up to the printed total."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from core.errors import ValidationError
from core.meta.fieldtypes import quantize

if TYPE_CHECKING:
    from core.document import Document

ZERO = Decimal(0)
HUNDRED = Decimal(100)


def compute_totals(doc: Document, precision: int, company_precision: int) -> None:
    items = doc.children("items")
    price_difference = bool(doc.get("is_debit_note"))
    for row in items:
        # a debit note's line without a quantity raises the price by its rate (ERPNext)
        qty = row.qty or (Decimal(1) if price_difference else ZERO)
        row.amount = quantize(qty * (row.rate or ZERO), precision)
    doc.total_qty = sum((r.qty or ZERO for r in items), ZERO)
    doc.total = sum((r.amount for r in items), ZERO)
    add_taxes(doc, precision, company_precision)


def add_taxes(doc: Document, precision: int, company_precision: int) -> None:
    """Each tax row's amount and running total from the document's net ``total``, then
    ``total_taxes_and_charges``, ``grand_total`` and, where the document has it,
    ``base_grand_total`` (at its ``conversion_rate``, 1 when it has none).

    Shared by every document with a taxes table: invoices, and the quotations, orders,
    delivery notes and receipts that show taxes without posting them.
    """
    running = doc.total
    for i, tax in enumerate(doc.children("taxes"), start=1):
        if tax.charge_type == "On Net Total":
            tax.tax_amount = quantize(doc.total * (tax.rate or ZERO) / HUNDRED, precision)
        elif tax.tax_amount is None:
            raise ValidationError(f"Taxes row {i}: an Actual charge needs its amount",
                                  field="taxes")
        else:
            tax.tax_amount = quantize(tax.tax_amount, precision)
        running += tax.tax_amount
        tax.total = running
    doc.total_taxes_and_charges = sum((t.tax_amount for t in doc.children("taxes")), ZERO)
    doc.grand_total = doc.total + doc.total_taxes_and_charges
    if doc.meta.get_field("base_grand_total") is not None:
        doc.base_grand_total = quantize(doc.grand_total * (doc.get("conversion_rate") or 1),
                                        company_precision)
