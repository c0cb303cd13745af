"""GSTIN checks: length, format, state code, PAN and check character, one message each.

python-stdnum does the PAN and Luhn mod 36 arithmetic. Its own ``gstin.validate`` knows
only state codes up to 37, so the state code is checked against our table (which has 38
Ladakh, 97 Other Territory and 99 Centre Jurisdiction) before the check character.
"""

from __future__ import annotations

import re

from stdnum import luhn
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.in_ import gstin as stdnum_gstin
from stdnum.in_ import pan as stdnum_pan

from modules.gst_india.errors import InvalidGSTIN
from modules.gst_india.states import state_for_code

# 2-digit state, 10-character PAN, registration count, Z, check character
GSTIN_FORMAT = re.compile(r"^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$")
# A UIN of a UN body or embassy: state, country code, 3 letters, 5 digits, 3 characters
UIN_FORMAT = re.compile(r"^[0-9]{4}[A-Z]{3}[0-9]{5}[0-9A-Z]{3}$")
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def clean_gstin(value: str | None, field: str, label: str = "GSTIN",
                allow_uin: bool = False) -> str:
    """The GSTIN in upper case without spaces, or InvalidGSTIN naming ``field``."""
    number = stdnum_gstin.compact(value or "")
    if len(number) != 15:
        raise InvalidGSTIN(f"{label} {number} must be 15 characters, not {len(number)}",
                           field=field)
    is_uin = allow_uin and bool(UIN_FORMAT.match(number))
    if not is_uin and not GSTIN_FORMAT.match(number):
        raise InvalidGSTIN(f"{label} {number} is not in the GSTIN format: 2-digit state "
                           "code, 10-character PAN, registration number, Z, check "
                           "character", field=field)
    if state_for_code(number[:2]) is None:
        raise InvalidGSTIN(f"{label} {number} starts with {number[:2]}, which is not a GST "
                           "state code", field=field)
    if not is_uin:
        _check_pan(number, field, label)
    try:
        luhn.validate(number, ALPHABET)
    except StdnumError:
        raise InvalidGSTIN(f"{label} {number} has a wrong check character (the last one)",
                           field=field) from None
    return number


def _check_pan(number: str, field: str, label: str) -> None:
    try:
        stdnum_pan.validate(number[2:12])
    except StdnumError:
        raise InvalidGSTIN(f"{label} {number} holds {number[2:12]}, which is not a valid "
                           "PAN", field=field) from None


def pan_of(gstin: str | None) -> str | None:
    """The PAN inside a GSTIN (characters 3 to 12); a UIN holds none."""
    if not gstin or not GSTIN_FORMAT.match(gstin):
        return None
    return stdnum_gstin.to_pan(gstin)
