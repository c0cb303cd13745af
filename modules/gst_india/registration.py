"""A company's or party's GST registration: GSTIN, category and the PAN inside the GSTIN.

A registered category needs a GSTIN; Unregistered and Consumer have none. Left empty, the
category follows the GSTIN: Registered Regular with one, Unregistered without.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from stdnum.exceptions import ValidationError as StdnumError
from stdnum.in_ import pan as stdnum_pan

from core.errors import ValidationError
from modules.gst_india.categories import (
    CATEGORIES,
    HAS_NO_GSTIN,
    NEEDS_GSTIN,
    REGULAR,
    UIN_HOLDERS,
    UNREGISTERED,
)
from modules.gst_india.errors import InvalidGSTIN
from modules.gst_india.gstin import clean_gstin, pan_of

if TYPE_CHECKING:
    from core.document import Document


def check_registration(doc: Document) -> None:
    """Clean and check ``gstin``, ``gst_category`` and ``pan`` of a company or party."""
    before = doc.previous or {}
    if doc.gstin and not before.get("gstin") and doc.gst_category in HAS_NO_GSTIN \
            and doc.gst_category == before.get("gst_category"):
        doc.gst_category = None  # it followed the missing GSTIN: let it follow the new one
    category = doc.gst_category or (REGULAR if doc.gstin else UNREGISTERED)
    if category not in CATEGORIES:
        raise ValidationError(f"GST category {category} is not one of "
                              f"{', '.join(CATEGORIES)}", field="gst_category")
    doc.gst_category = category
    if doc.gstin:
        doc.gstin = clean_gstin(doc.gstin, "gstin", allow_uin=category == UIN_HOLDERS)
    if category in NEEDS_GSTIN and not doc.gstin:
        raise InvalidGSTIN(f"GSTIN is required for the GST category {category}",
                           field="gstin")
    if category in HAS_NO_GSTIN and doc.gstin:
        raise ValidationError(f"A party with GSTIN {doc.gstin} is registered: choose its "
                              f"registered GST category instead of {category}",
                              field="gst_category")
    doc.pan = pan_of(doc.gstin) or _clean_pan(doc.pan)


def _clean_pan(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return stdnum_pan.validate(value)
    except StdnumError:
        raise ValidationError(f"PAN {value} is not a valid PAN: 5 letters, 4 digits, "
                              "a letter", field="pan") from None


def registration_fields(after: str, category_default: str = "") -> list[dict[str, object]]:
    """The GSTIN, category and PAN fields, placed after the field ``after``."""
    return [
        {"fieldname": "gstin", "fieldtype": "Data", "label": "GSTIN / UIN",
         "insert_after": after, "search_index": 1},
        {"fieldname": "gst_category", "fieldtype": "Select", "label": "GST Category",
         "options": "\n".join(("", *CATEGORIES)), "default": category_default,
         "insert_after": "gstin", "in_standard_filter": 1},
        {"fieldname": "pan", "fieldtype": "Data", "label": "PAN", "insert_after":
         "gst_category", "description": "Taken from the GSTIN when there is one"},
    ]
