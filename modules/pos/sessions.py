"""Cashier sessions: the open POS Opening Entry of a profile and user.

A sale reads the opening entry with a shared row lock and the closing that consolidates
the session with an update lock: a closing waits for the sales being submitted (and a
sale started after it finds the session closed), so no sale slips past its closing,
while the terminals of a session never wait for each other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.db import query
from modules.pos.errors import NoOpenSession

if TYPE_CHECKING:
    from core.context import Context

OPEN, CLOSED = "Open", "Closed"


def open_session(ctx: Context, profile: str, user: str, *,
                 lock: bool = False) -> dict[str, Any] | None:
    """The user's submitted, open opening entry on the profile, if any (``lock``: with a
    shared lock, held until the transaction ends)."""
    rows = query.select_rows(ctx, "POS Opening Entry", filters={
        "pos_profile": profile, "user": user, "docstatus": 1, "status": OPEN},
        order_by="creation desc", limit=1, for_share=lock)
    return rows[0] if rows else None


def require_open(ctx: Context, profile: str, user: str,
                 given: str | None = None) -> dict[str, Any]:
    """The session a sale belongs to, locked; refused when there is none (or the sale
    names another one)."""
    found = open_session(ctx, profile, user, lock=True)
    if found is None:
        raise NoOpenSession(f"{user} has no open POS Opening Entry for {profile}: open "
                            "the session first", field="pos_opening_entry")
    if given and given != found["name"]:
        raise NoOpenSession(f"POS Opening Entry {given} is not {user}'s open session on "
                            f"{profile}", field="pos_opening_entry")
    return found


def lock_entry(ctx: Context, name: str) -> dict[str, Any] | None:
    rows = query.select_rows(ctx, "POS Opening Entry", filters={"name": name}, limit=1,
                             for_update=True)
    return rows[0] if rows else None


def set_status(ctx: Context, name: str, status: str, closing: str | None) -> None:
    query.update_row(ctx, "POS Opening Entry", name, {"status": status,
                                                      "pos_closing_entry": closing})
