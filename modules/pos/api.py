"""Point of sale's whitelisted methods: ``/api/method/pos.<function>``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.api.whitelist import whitelist
from core.document import jsonable
from modules.pos import terminal

if TYPE_CHECKING:
    from core.context import Context


@whitelist(methods=("POST",))
def submit_invoice(ctx: Context, invoice: Any) -> dict[str, Any]:
    """Submit one sale from a terminal (the POS Invoice's JSON with the terminal's
    ``uuid``). Sent again with the same uuid, it posts nothing and answers the first
    result with ``duplicate: true``."""
    terminal.require_rights(ctx)
    return jsonable(terminal.submit_sale(ctx, invoice))


@whitelist(methods=("POST",))
def submit_batch(ctx: Context, invoices: Any) -> list[dict[str, Any]]:
    """Submit sales made offline, in order, each once by its uuid. Answers one result
    per sale: as ``submit_invoice`` does, or ``{"uuid", "error", ...}`` for a sale that
    was refused (the others still post)."""
    terminal.require_rights(ctx)
    return jsonable(terminal.submit_sales(ctx, invoices))
