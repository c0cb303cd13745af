"""Who may do what with point-of-sale documents, declared once."""

from __future__ import annotations

from typing import Any

FULL = {"read": 1, "write": 1, "create": 1, "delete": 1, "submit": 1, "cancel": 1}
MANAGERS = ("System Manager", "Sales Manager", "Accounts Manager")


def set_up(*readers: str) -> list[dict[str, Any]]:
    """Profiles: managers keep them, cashiers read them."""
    edit = {"read": 1, "write": 1, "create": 1, "delete": 1}
    return [*({"role": r, **edit} for r in MANAGERS), *({"role": r, "read": 1}
                                                        for r in readers)]


def session_documents() -> list[dict[str, Any]]:
    """Openings, sales and closings: cashiers (Sales User) enter and submit them,
    managers also cancel; accountants read them."""
    return [*({"role": r, **FULL} for r in MANAGERS),
            {"role": "Sales User", "read": 1, "write": 1, "create": 1, "submit": 1},
            {"role": "Accounts User", "read": 1}]
