"""Messages for the user that do not stop the action (a budget nearly spent, ...).

A function adds them to the context; the API returns them beside the result as
``_server_messages`` (Frappe's name), and the desk shows them after the action.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from core.context import Context

KEY = "messages"


def warn(ctx: Context, message: str) -> None:
    ctx.cache.setdefault(KEY, []).append(message)


def with_messages(ctx: Context, payload: dict[str, Any]) -> dict[str, Any]:
    messages = ctx.cache.get(KEY)
    return payload | {"_server_messages": list(messages)} if messages else payload
