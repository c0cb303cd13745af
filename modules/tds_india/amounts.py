"""How much tax a taxable amount bears: the section's rate, the higher rate without a PAN
(section 206AA for TDS, 206CC for TCS), or a lower deduction certificate's rate up to the
amount the certificate has left. Each part is rounded half up to the paisa; a category
that rounds off its tax rounds the whole amount, unrounded, half up to the rupee."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

ZERO = Decimal(0)
HUNDRED = Decimal(100)
PAISA = Decimal("0.01")
RUPEE = Decimal(1)
LOWER_CERTIFICATE, NO_PAN = "A", "C"  # Form 26Q remarks: lower deduction u/s 197, no PAN


@dataclass(frozen=True)
class Certificate:
    name: str
    rate: Decimal
    available: Decimal  # the certificate's limit less what earlier documents used


@dataclass(frozen=True)
class Withholding:
    amount: Decimal
    rate: Decimal                        # the rate of the part not under a certificate
    certificate: str | None = None
    certificate_taxable: Decimal = ZERO  # the part taxed at the certificate's rate
    certificate_rate: Decimal = ZERO
    reason: str = ""


def to_paisa(amount: Decimal) -> Decimal:
    return amount.quantize(PAISA, rounding=ROUND_HALF_UP)


def percent_of(amount: Decimal, rate: Decimal) -> Decimal:
    return to_paisa(amount * rate / HUNDRED)


def tax_of(parts: list[tuple[Decimal, Decimal]], whole_rupees: bool) -> Decimal:
    """The tax on (amount, rate %) parts: each part to the paisa, or (``whole_rupees``)
    their exact sum to the rupee, so 123.495 is 123, not 123.50 and then 124."""
    if whole_rupees:
        exact = sum((amount * rate / HUNDRED for amount, rate in parts), ZERO)
        return exact.quantize(RUPEE, rounding=ROUND_HALF_UP).quantize(PAISA)
    return sum((percent_of(amount, rate) for amount, rate in parts), ZERO)


def withhold(taxable: Decimal, rate: Decimal, *, has_pan: bool, no_pan_rate: Decimal,
             certificate: Certificate | None = None, whole_rupees: bool = False
             ) -> Withholding:
    """The tax on ``taxable``, and the rate and remarks code the return shows.

    >>> found = withhold(Decimal(60000), Decimal(1), has_pan=False,
    ...                  no_pan_rate=Decimal(20))
    >>> found.amount, found.rate, found.reason
    (Decimal('12000.00'), Decimal('20'), 'C')
    """
    if not has_pan:
        higher = max(rate, no_pan_rate)
        return Withholding(tax_of([(taxable, higher)], whole_rupees), higher,
                           reason=NO_PAN if higher > rate else "")
    if certificate is None or certificate.available <= 0 or taxable <= 0:
        return Withholding(tax_of([(taxable, rate)], whole_rupees), rate)
    under = min(taxable, certificate.available)
    amount = tax_of([(under, certificate.rate), (taxable - under, rate)], whole_rupees)
    return Withholding(amount, rate, certificate.name, under, certificate.rate,
                       LOWER_CERTIFICATE)
