"""The deductee behind a document: its PAN, status, and every party sharing the PAN,
because thresholds count what a PAN was paid, not what one party record was."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.db import query
from modules.tds_india.deductees import status_of_pan

if TYPE_CHECKING:
    from core.context import Context


@dataclass(frozen=True)
class Deductee:
    party_type: str
    party: str
    name: str
    pan: str | None
    deductee_type: str | None
    parties: tuple[str, ...]  # the parties whose documents count together


def deductee(ctx: Context, party_type: str, party: str) -> Deductee:
    name_field = f"{party_type.lower()}_name"
    row = query.select_rows(ctx, party_type, fields=[name_field, "pan", "deductee_type"],
                            filters={"name": party}, limit=1)[0]
    pan = row["pan"] or None
    parties = (party,) if not pan else tuple(sorted(r["name"] for r in query.select_rows(
        ctx, party_type, fields=["name"], filters={"pan": pan})))
    return Deductee(party_type, party, row[name_field], pan,
                    row["deductee_type"] or status_of_pan(pan), parties)
