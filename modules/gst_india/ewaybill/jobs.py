"""Background jobs that talk to the NIC. Each is idempotent: run again (a retry, a second
queueing) it finds what the first run stored and asks nothing twice; a NIC that already
issued an e-way bill for the document answers 604 with it, and that one is stored."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core import lifecycle
from core.db import query
from modules.gst_india.ewaybill.nic import EWayBillResult, NICError, connector
from modules.gst_india.ewaybill.service import checked_bill

if TYPE_CHECKING:
    from core.context import Context

GENERATED, CANCELLED = "Generated", "Cancelled"
TRANSPORT_MODES = {"1": "Road", "2": "Rail", "3": "Air", "4": "Ship"}
VEHICLE_TYPES = {"R": "Regular", "O": "Over Dimensional Cargo"}


def generate_ewaybill(ctx: Context, doctype: str, name: str) -> None:
    """Ask the NIC for the e-way bill of a submitted document and store its answer."""
    doc = lifecycle.get_doc(ctx, doctype, name, for_update=True)
    if doc.docstatus != 1 or doc.ewaybill_no:
        return
    try:
        result = connector(ctx).generate(checked_bill(ctx, doc))
    except NICError as exc:
        if exc.existing is None:
            _store(ctx, doctype, name, {"ewaybill_status": "Failed",
                                        "ewaybill_error": str(exc)})
            return
        result = exc.existing
    _store(ctx, doctype, name, _generated(result))


def cancel_ewaybill(ctx: Context, doctype: str, name: str, reason: str, remark: str
                    ) -> None:
    doc = lifecycle.get_doc(ctx, doctype, name, for_update=True)
    if doc.ewaybill_status != GENERATED or not doc.ewaybill_no:
        return
    try:
        result = connector(ctx).cancel(doc.ewaybill_no, reason, remark)
    except NICError as exc:
        _store(ctx, doctype, name, {"ewaybill_error": f"Cancellation refused: {exc}"})
        return
    _store(ctx, doctype, name, {"ewaybill_status": CANCELLED, "ewaybill_error": None,
                                "ewaybill_cancel_date": result.cancel_date})


def update_vehicle(ctx: Context, doctype: str, name: str, part_b: dict[str, Any]) -> None:
    """Give the NIC the vehicle (Part-B); the first one starts the validity."""
    doc = lifecycle.get_doc(ctx, doctype, name, for_update=True)
    if doc.ewaybill_status != GENERATED or (
            doc.vehicle_no == part_b["vehicleNo"] and doc.ewaybill_valid_upto):
        return
    try:
        result = connector(ctx).update_vehicle(doc.ewaybill_no, part_b)
    except NICError as exc:
        _store(ctx, doctype, name, {"ewaybill_error": f"Vehicle update refused: {exc}"})
        return
    _store(ctx, doctype, name, {
        "vehicle_no": part_b["vehicleNo"], "ewaybill_valid_upto": result.valid_upto,
        "mode_of_transport": TRANSPORT_MODES.get(str(part_b.get("transMode")), "Road"),
        "vehicle_type": VEHICLE_TYPES.get(part_b.get("vehicleType") or "R"),
        "lr_no": part_b.get("transDocNo") or doc.lr_no, "ewaybill_error": None})


def _generated(result: EWayBillResult) -> dict[str, Any]:
    return {"ewaybill_status": GENERATED, "ewaybill_error": None,
            "ewaybill_no": result.ewaybill_no, "ewaybill_date": result.ewaybill_date,
            "ewaybill_valid_upto": result.valid_upto}


def _store(ctx: Context, doctype: str, name: str, values: dict[str, Any]) -> None:
    """The NIC's answer goes into fields that belong to it, on a submitted or cancelled
    document: written directly, without touching what the user keeps."""
    query.update_row(ctx, doctype, name, values)
