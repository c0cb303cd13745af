"""GST's whitelisted methods: ``/api/method/gst.<function>`` (also ``gst_india.``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.api.whitelist import whitelist
from modules.gst_india.einvoice.service import checked_einvoice, readable_invoice
from modules.gst_india.ewaybill.service import ewaybill_for

if TYPE_CHECKING:
    from core.context import Context


@whitelist(methods=("GET",))
def einvoice_json(ctx: Context, name: str) -> dict[str, Any]:
    """The NIC e-invoice JSON (schema 1.1) of a sales invoice, checked against the
    schema and the IRP's arithmetic; a violation is a 422 naming the field path."""
    return checked_einvoice(ctx, readable_invoice(ctx, name))


@whitelist(methods=("GET",))
def ewaybill_json(ctx: Context, name: str) -> dict[str, Any]:
    """The e-way bill bulk-upload JSON of a sales invoice whose goods are worth at least
    the e-way bill threshold (GST Settings)."""
    return ewaybill_for(ctx, readable_invoice(ctx, name))
