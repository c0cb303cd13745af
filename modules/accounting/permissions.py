"""Who may do what with accounting's documents, declared once."""

from __future__ import annotations

from typing import Any

FULL = {"read": 1, "write": 1, "create": 1, "delete": 1, "submit": 1, "cancel": 1}


def vouchers(*readers: str) -> list[dict[str, Any]]:
    """Submittable vouchers: managers do everything, accounts users enter and submit."""
    return [{"role": "System Manager", **FULL}, {"role": "Accounts Manager", **FULL},
            {"role": "Accounts User", "read": 1, "write": 1, "create": 1, "submit": 1},
            *({"role": r, "read": 1} for r in readers)]


def managed(*readers: str) -> list[dict[str, Any]]:
    """Set-up records that accounts managers keep and others only read."""
    edit = {"read": 1, "write": 1, "create": 1, "delete": 1}
    return [{"role": "System Manager", **edit}, {"role": "Accounts Manager", **edit},
            *({"role": r, "read": 1} for r in readers)]
