"""Point of sale's whitelisted methods: ``/api/method/pos.<function>``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core import perms
from core.api.whitelist import whitelist
from core.document import jsonable
from core.errors import BadRequest
from modules.pos import catalog, preview, terminal
from modules.pos.profiles import check_cashier, profile

if TYPE_CHECKING:
    from core.context import Context

DOCTYPE = "POS Invoice"


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


def _cashier_profile(ctx: Context, pos_profile: Any) -> dict[str, Any]:
    """The profile the screen sells on, for a user who may sell on it."""
    perms.require(ctx, DOCTYPE, "create")
    if not isinstance(pos_profile, str) or not pos_profile:
        raise BadRequest("pos_profile is required", field="pos_profile")
    found = profile(ctx, pos_profile)
    check_cashier(ctx, found, ctx.user)
    return found


@whitelist(methods=("GET",))
def search_items(ctx: Context, pos_profile: Any = None, text: Any = "") -> dict[str, Any]:
    """Items for the POS screen by barcode, item code or a part of the name or code,
    with the profile's price list rate and the stock in its warehouse (at most 20):
    ``{"match": "barcode"|"code"|"search", "items": [...]}``."""
    return jsonable(catalog.search_items(ctx, _cashier_profile(ctx, pos_profile), text))


@whitelist(methods=("GET",))
def find_customer(ctx: Context, phone: Any = None) -> list[dict[str, Any]]:
    """Customers whose mobile number holds these digits (at least 4): ``[{name,
    customer_name, mobile_no}]``, the numbers ending with them first."""
    perms.require(ctx, DOCTYPE, "create")
    perms.require(ctx, "Customer", "read")
    return jsonable(catalog.find_customers(ctx, phone))


@whitelist(methods=("POST",))
def preview_invoice(ctx: Context, invoice: Any) -> dict[str, Any]:
    """The sale as it would be submitted now (prices, discounts, taxes, totals), without
    naming or writing it: what the POS screen shows as its cart."""
    perms.require(ctx, DOCTYPE, "create")
    return jsonable(preview.preview_sale(ctx, invoice))
