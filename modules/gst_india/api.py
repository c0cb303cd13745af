"""GST's whitelisted methods: ``/api/method/gst.<function>`` (also ``gst_india.``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.api.whitelist import whitelist
from modules.gst_india.einvoice.service import checked_einvoice, readable_invoice
from modules.gst_india.ewaybill.lifecycle import (
    request_cancellation,
    request_generation,
    request_vehicle_update,
    writable_document,
)
from modules.gst_india.ewaybill.service import ewaybill_for, readable_document

if TYPE_CHECKING:
    from core.context import Context

SALES_INVOICE = "Sales Invoice"


@whitelist(methods=("GET",))
def einvoice_json(ctx: Context, name: str) -> dict[str, Any]:
    """The NIC e-invoice JSON (schema 1.1) of a sales invoice, checked against the
    schema and the IRP's arithmetic; a violation is a 422 naming the field path."""
    return checked_einvoice(ctx, readable_invoice(ctx, name))


@whitelist(methods=("GET",))
def ewaybill_json(ctx: Context, name: str, doctype: str = SALES_INVOICE) -> dict[str, Any]:
    """The e-way bill bulk-upload JSON of a document (a sales invoice unless ``doctype``
    says otherwise, e.g. a Stock Entry) whose goods are worth at least the e-way bill
    threshold (GST Settings)."""
    return ewaybill_for(ctx, readable_document(ctx, doctype, name))


@whitelist(methods=("POST",))
def generate_ewaybill(ctx: Context, doctype: str, name: str) -> dict[str, Any]:
    """Ask the NIC for the document's e-way bill (a job after the commit): answers its
    status (Pending), or the e-way bill it already has."""
    return request_generation(ctx, writable_document(ctx, doctype, name))


@whitelist(methods=("POST",))
def cancel_ewaybill(ctx: Context, doctype: str, name: str, reason: str, remark: str
                    ) -> dict[str, Any]:
    """Cancel the document's e-way bill at the NIC, within 24 hours of its generation.
    ``reason``: 1 Duplicate, 2 Order Cancelled, 3 Data Entry Mistake, 4 Others."""
    return request_cancellation(ctx, writable_document(ctx, doctype, name), reason, remark)


@whitelist(methods=("POST",))
def update_ewaybill_vehicle(ctx: Context, doctype: str, name: str, vehicle_no: str,
                            reason: str, remark: str, from_place: str = "",
                            mode_of_transport: str = "", vehicle_type: str = "",
                            lr_no: str = "", lr_date: str = "") -> dict[str, Any]:
    """Give the NIC the vehicle of the e-way bill (Part-B); the first one starts its
    validity. ``reason``: 1 Due to Break Down, 2 Due to Transshipment, 3 Others,
    4 First Time."""
    return request_vehicle_update(
        ctx, writable_document(ctx, doctype, name), vehicle_no, reason, remark,
        from_place=from_place, mode_of_transport=mode_of_transport,
        vehicle_type=vehicle_type, lr_no=lr_no, lr_date=lr_date)
