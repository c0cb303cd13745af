"""Amounts as the NIC JSONs write them: rupees to the paisa, positive on a credit note
too (its document type says it reduces), converted from the invoice's currency."""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from core.document import Document

PAISA = Decimal("0.01")
QTY = Decimal("0.001")
RUPEE = "INR"
OTHERS = "OTH"


def exchange_rate(doc: Document) -> Decimal:
    if (doc.get("currency") or RUPEE) == RUPEE:
        return Decimal(1)
    return Decimal(str(doc.get("conversion_rate") or 1))


def rupees(value: Any, rate: Decimal = Decimal(1)) -> Decimal:
    return abs(Decimal(str(value or 0)) * rate).quantize(PAISA, ROUND_HALF_UP)


def quantity(value: Any) -> Decimal:
    return abs(Decimal(str(value or 0))).quantize(QTY, ROUND_HALF_UP)


def plain(value: Decimal) -> Decimal:
    """A rate without trailing zeros (18, not 18.000), as the schema's lists hold them."""
    return value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()


@cache
def _uqc_codes() -> dict[str, str]:
    return json.loads(Path(__file__).with_name("uqc.json").read_text("utf-8"))["codes"]


def uqc(unit: str | None) -> str:
    """The UQC of a unit of measure (NOS for Nos), OTH when it has none."""
    return _uqc_codes().get((unit or "").strip().casefold(), OTHERS)
