"""Who may do what with buying's documents, declared once."""

from __future__ import annotations

from typing import Any

FULL = {"read": 1, "write": 1, "create": 1, "delete": 1, "submit": 1, "cancel": 1}
ENTER = {"read": 1, "write": 1, "create": 1, "submit": 1}


def buying(*enterers: str, managers: tuple[str, ...] = (),
           readers: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Purchase managers (and ``managers``) do everything; purchase users (and
    ``enterers``) enter and submit; ``readers`` only read."""
    return [{"role": "System Manager", **FULL},
            *({"role": r, **FULL} for r in ("Purchase Manager", *managers)),
            *({"role": r, **ENTER} for r in ("Purchase User", *enterers)),
            *({"role": r, "read": 1} for r in readers)]
