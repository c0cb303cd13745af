"""Who a deductee is: its status from the fourth character of its PAN (or as set on the
supplier), the rate group that status falls in, and its Form 26Q deductee code."""

from __future__ import annotations

# the fourth character of a PAN names the holder's status (Income Tax Department)
PAN_STATUS = {"P": "Individual", "H": "HUF", "C": "Company", "F": "Firm",
              "A": "Association of Persons", "B": "Body of Individuals", "T": "Trust",
              "L": "Local Authority", "J": "Artificial Juridical Person", "G": "Government"}
DEDUCTEE_TYPES = tuple(PAN_STATUS.values())

ALL, INDIVIDUAL_HUF, OTHERS = "All", "Individual/HUF", "Others"
RATE_DEDUCTEE_TYPES = (ALL, INDIVIDUAL_HUF, OTHERS)
COMPANY_CODE, NON_COMPANY_CODE = "01", "02"


def status_of_pan(pan: str | None) -> str | None:
    """The holder's status, from the fourth character of a PAN.

    >>> status_of_pan("AAAPL1234C")
    'Individual'
    """
    return PAN_STATUS.get(pan[3]) if pan and len(pan) == 10 else None


def rate_group(deductee_type: str | None) -> str:
    """The rate rows' grouping: 194C, for one, charges individuals and HUFs 1% and every
    other deductee 2%. A deductee of unknown status pays the others' rate."""
    return INDIVIDUAL_HUF if deductee_type in ("Individual", "HUF") else OTHERS


def deductee_code(deductee_type: str | None) -> str:
    return COMPANY_CODE if deductee_type == "Company" else NON_COMPANY_CODE
