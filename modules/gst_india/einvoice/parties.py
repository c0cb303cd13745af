"""Who and where, as the NIC JSONs write them: the seller's and buyer's names and
addresses, the dispatch and ship-to places, state codes and PIN codes.

Addresses are read from the invoice's address fields, else from the company's
registered address and the customer's primary address.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from babel import Locale

from core.db import query
from modules.accounting.companies import company_settings
from modules.gst_india.states import state_from_text

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ADDRESS_FIELDS = ["name", "address_title", "address_line1", "address_line2", "city",
                  "state", "pincode", "country", "gstin", "gst_state"]
EXPORT_PIN = 999999   # the PIN the IRP and e-way bill take for a place abroad
EXPORT_STATE = "96"   # Other Countries
UNREGISTERED = "URP"  # the buyer "GSTIN" of an export


def address(ctx: Context, name: str | None) -> dict[str, Any]:
    if not name:
        return {}
    rows = query.select_rows(ctx, "Address", fields=ADDRESS_FIELDS, filters={"name": name})
    return rows[0] if rows else {}


def company_address(ctx: Context, doc: Document) -> dict[str, Any]:
    return address(ctx, doc.get("company_address")
                   or company_settings(ctx, doc.company).get("company_address"))


def billing_address(ctx: Context, doc: Document) -> dict[str, Any]:
    name = doc.get("customer_address") or query.get_value(
        ctx, "Customer", doc.customer, "customer_primary_address")
    return address(ctx, name)


def state_code(place: str | None) -> str | None:
    """``27`` from ``27-Maharashtra`` (or from a state's name)."""
    state = state_from_text(place)
    return state.code if state else None


def address_state(addr: dict[str, Any]) -> str | None:
    return state_code(addr.get("gst_state") or addr.get("state"))


def pin(addr: dict[str, Any], abroad: bool = False) -> int | str | None:
    """The PIN as a number; a PIN that is not six digits is passed on as it is, so the
    schema check names it."""
    if abroad:
        return EXPORT_PIN
    raw = (addr.get("pincode") or "").replace(" ", "")
    return int(raw) if raw.isdigit() and len(raw) == 6 else (raw or None)


def country_code(country: str | None) -> str | None:
    """ISO 3166 code of a country written out in English (``AE`` for United Arab
    Emirates), as ExpDtls.CntCode wants it."""
    if not country:
        return None
    wanted = country.strip().casefold()
    for code, name in Locale("en").territories.items():
        if len(code) == 2 and code.isalpha() and name.casefold() == wanted:
            return code
    return None


def einvoice_address(addr: dict[str, Any], *, abroad: bool = False) -> dict[str, Any]:
    """Addr1, Addr2, Loc, Pin and Stcd of an address (empty ones left out)."""
    return _compact({
        "Addr1": addr.get("address_line1"), "Addr2": addr.get("address_line2"),
        "Loc": addr.get("city"), "Pin": pin(addr, abroad),
        "Stcd": EXPORT_STATE if abroad else address_state(addr)})


def _compact(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v not in (None, "")}
