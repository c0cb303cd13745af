"""Which GSTR-1 table a supply belongs in: one rule per table, in one place.

| supply | table |
| --- | --- |
| invoice to a registered buyer (GSTIN, not overseas): regular, SEZ, deemed export | b2b |
| credit or debit note to one | cdnr |
| export invoice (Overseas) | exp (WPAY with IGST, WOPAY under LUT) |
| credit or debit note on an export | cdnur (EXPWP / EXPWOP) |
| inter-state invoice to an unregistered buyer above the B2CL limit of its date | b2cl |
| credit or debit note on such an invoice | cdnur (B2CL) |
| every other invoice or note to an unregistered buyer | b2cs, netted |

Inside a document, lines at 0% that are not zero-rated (no export or SEZ supply) go to
the nil table instead (nil-rated, exempted, non-GST, by the item's GST treatment).
"""

from __future__ import annotations

from decimal import Decimal

from modules.gst_india.categories import DEEMED_EXPORT, OVERSEAS, SEZ, ZERO_RATED
from modules.gst_india.returns.rules import B2CLLimits
from modules.gst_india.returns.supplies import RateRow, Supply

B2B, B2CL, B2CS, CDNR, CDNUR, EXP = "b2b", "b2cl", "b2cs", "cdnr", "cdnur", "exp"


def is_registered(supply: Supply) -> bool:
    return bool(supply.party_gstin) and supply.category != OVERSEAS


def is_inter_state(supply: Supply, home_state: str) -> bool:
    return supply.pos != home_state


def is_nil_row(supply: Supply, row: RateRow) -> bool:
    return row.rate == 0 and supply.category not in ZERO_RATED


def is_note(supply: Supply) -> bool:
    """A credit note (a return) or a debit note: both amend an earlier invoice."""
    return supply.is_return or supply.is_debit_note


def section_of(supply: Supply, home_state: str, limits: B2CLLimits) -> str:
    if is_registered(supply):
        return CDNR if is_note(supply) else B2B
    if supply.category == OVERSEAS:
        return CDNUR if is_note(supply) else EXP
    if is_inter_state(supply, home_state) and _is_large(supply, limits):
        return CDNUR if is_note(supply) else B2CL
    return B2CS


def _is_large(supply: Supply, limits: B2CLLimits) -> bool:
    """An invoice above the limit of its date; a credit or debit note follows the
    invoice it amends (or, without one, its own value and date)."""
    if is_note(supply) and supply.original_value is not None and supply.original_date:
        return supply.original_value > limits.on(supply.original_date)
    return abs(supply.value) > limits.on(supply.posting_date)


def invoice_type(supply: Supply) -> str:
    """inv_typ of b2b and cdnr: R regular, SEWP / SEWOP SEZ with or without IGST, DE."""
    if supply.category == SEZ:
        return "SEWP" if supply.with_payment else "SEWOP"
    return "DE" if supply.category == DEEMED_EXPORT else "R"


def export_type(supply: Supply) -> str:
    return "WPAY" if supply.with_payment else "WOPAY"


def note_type(supply: Supply) -> str:
    """typ of cdnur: B2CL, or EXPWP / EXPWOP for a note on an export."""
    if supply.category == OVERSEAS:
        return "EXP" + ("WP" if supply.with_payment else "WOP")
    return "B2CL"


def number(value: Decimal) -> float:
    """The portal takes amounts as JSON numbers with two decimals. Amounts reach here
    rounded to the paisa already (rates have at most two decimals), so rounding the
    float only drops binary noise; + 0.0 turns -0.0 into 0.0."""
    return round(float(value), 2) + 0.0
