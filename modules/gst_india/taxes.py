"""GST of a document's lines: a pure function of the states, the category and the lines,
so every document that sells or buys (invoices today, POS later) computes it the same.

Each line's tax is rounded half up to the paisa on its own; the document's totals are the
sums of its lines, as the invoice prints them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from modules.gst_india.place_of_supply import Split, split_tax

ZERO = Decimal(0)
HUNDRED = Decimal(100)
PAISA = Decimal("0.01")


@dataclass(frozen=True)
class TaxableLine:
    taxable_value: Decimal
    gst_rate: Decimal
    cess_rate: Decimal = ZERO


@dataclass(frozen=True)
class LineTax:
    taxable_value: Decimal
    cgst: Decimal = ZERO
    sgst: Decimal = ZERO
    igst: Decimal = ZERO
    cess: Decimal = ZERO


@dataclass(frozen=True)
class GstTaxes:
    split: Split
    lines: tuple[LineTax, ...]

    def total(self, tax: str) -> Decimal:
        """The sum over lines of ``tax``: taxable_value, cgst, sgst, igst or cess."""
        return sum((getattr(line, tax) for line in self.lines), ZERO)


def to_paisa(amount: Decimal) -> Decimal:
    return amount.quantize(PAISA, rounding=ROUND_HALF_UP)


def percent_of(amount: Decimal, rate: Decimal) -> Decimal:
    return to_paisa(amount * rate / HUNDRED)


def compute_gst(supplier_state: str, place_of_supply: str, category: str,
                lines: Sequence[TaxableLine], *, export_with_payment: bool = True,
                charged: bool = True) -> GstTaxes:
    """Per-line CGST, SGST, IGST and cess.

    ``supplier_state`` is the company's state on a sale and the supplier's on a purchase.
    ``charged`` False (a composition dealer's sale, a purchase from an unregistered
    supplier) gives the split but no tax.

    >>> taxes = compute_gst("27-Maharashtra", "27-Maharashtra", "Registered Regular",
    ...                     [TaxableLine(Decimal("1250.00"), Decimal(18))])
    >>> taxes.lines[0].cgst, taxes.lines[0].sgst, taxes.lines[0].igst
    (Decimal('112.50'), Decimal('112.50'), Decimal('0'))
    """
    split = split_tax(supplier_state, place_of_supply, category, export_with_payment)
    if not charged:
        return GstTaxes(split, tuple(LineTax(line.taxable_value) for line in lines))
    return GstTaxes(split, tuple(_line_tax(line, split) for line in lines))


def _line_tax(line: TaxableLine, split: Split) -> LineTax:
    value = line.taxable_value
    if split is Split.NIL:
        return LineTax(value)
    cess = percent_of(value, line.cess_rate)
    if split is Split.INTRA_STATE:
        half = percent_of(value, line.gst_rate / 2)
        return LineTax(value, cgst=half, sgst=half, cess=cess)
    return LineTax(value, igst=percent_of(value, line.gst_rate), cess=cess)
