"""Which GST a supply bears: CGST and SGST when supplier and place of supply are in one
state, IGST across states and on zero-rated supplies (exports, SEZ), nothing on a
zero-rated supply under a Letter of Undertaking."""

from __future__ import annotations

from enum import Enum

from modules.gst_india.categories import ZERO_RATED


class Split(Enum):
    INTRA_STATE = "CGST+SGST"
    INTER_STATE = "IGST"
    NIL = "Nil"


def split_tax(supplier_state: str, place_of_supply: str, category: str,
              export_with_payment: bool = True) -> Split:
    """The split for a supply from ``supplier_state`` to ``place_of_supply`` (both labels
    such as "27-Maharashtra"), ``category`` being the recipient's GST category on a sale
    and the supplier's on a purchase."""
    if category in ZERO_RATED:
        return Split.INTER_STATE if export_with_payment else Split.NIL
    if supplier_state == place_of_supply:
        return Split.INTRA_STATE
    return Split.INTER_STATE
