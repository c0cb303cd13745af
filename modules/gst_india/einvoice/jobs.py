"""Background jobs that talk to the IRP. Each is idempotent: run again (a retry, a
second queueing) it finds what the first run stored and asks nothing twice; an IRP that
already issued an IRN for the document answers 2150 with it, and that IRN is stored."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core import lifecycle
from core.db import query
from modules.gst_india.einvoice.irp import IRNResult, IRPError, connector
from modules.gst_india.einvoice.service import checked_einvoice

if TYPE_CHECKING:
    from core.context import Context

DOCTYPE = "Sales Invoice"


def generate_irn(ctx: Context, invoice: str) -> None:
    """Ask the IRP for the IRN of a submitted invoice and store its answer."""
    doc = lifecycle.get_doc(ctx, DOCTYPE, invoice, for_update=True)
    if doc.docstatus != 1 or doc.irn:
        return
    try:
        result = connector(ctx).generate_irn(checked_einvoice(ctx, doc))
    except IRPError as exc:
        if exc.existing is None:
            _store(ctx, invoice, {"einvoice_status": "Failed", "einvoice_error": str(exc)})
            return
        result = exc.existing
    _store(ctx, invoice, _generated(result))


def cancel_irn(ctx: Context, invoice: str, reason: str, remark: str) -> None:
    """Cancel the IRN of an invoice cancelled in the ERP."""
    doc = lifecycle.get_doc(ctx, DOCTYPE, invoice, for_update=True)
    if doc.einvoice_status == "Cancelled" or not doc.irn:
        return
    try:
        result = connector(ctx).cancel_irn(doc.irn, reason, remark)
    except IRPError as exc:
        _store(ctx, invoice, {"einvoice_error": f"Cancellation refused: {exc}"})
        return
    _store(ctx, invoice, {"einvoice_status": "Cancelled", "einvoice_error": None,
                          "irn_cancel_date": result.cancel_date})


def _generated(result: IRNResult) -> dict[str, Any]:
    return {"einvoice_status": "Generated", "einvoice_error": None, "irn": result.irn,
            "ack_no": result.ack_no, "ack_date": result.ack_date,
            "signed_invoice": result.signed_invoice or None,
            "signed_qr_code": result.signed_qr_code or None}


def _store(ctx: Context, invoice: str, values: dict[str, Any]) -> None:
    """The IRP's answer goes into fields that belong to it, on a submitted or cancelled
    invoice: written directly, without touching what the user keeps."""
    query.update_row(ctx, DOCTYPE, invoice, values)
