"""What a user asks of a document's e-way bill, and when a document may be cancelled.

Generation is an explicit request (the transport is known after submission): the request
checks that the document needs an e-way bill, marks it Pending and queues the job that
asks the NIC after the commit. A document with its e-way bill answers with it and queues
nothing. Cancelling the e-way bill (within 24 hours of its generation, as the NIC allows)
and giving its vehicle (Part-B) are queued the same way.

A document whose e-way bill is Pending or Generated is not cancelled in the ERP: within
24 hours the user cancels the e-way bill first; later the NIC keeps it until it lapses,
and the goods' return is recorded by a new document (a credit note, a transfer back).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from core import lifecycle, perms
from core.db import query
from core.jobs import enqueue
from modules.gst_india.einvoice.errors import (
    EWayBillCancelWindowClosed,
    EWayBillLive,
    EWayBillNotApplicable,
    InvalidEWayBillRequest,
)
from modules.gst_india.einvoice.payload import nic_date
from modules.gst_india.ewaybill.documents import source_of
from modules.gst_india.ewaybill.nic import CANCEL_HOURS, CANCEL_REASONS, VEHICLE_REASONS
from modules.gst_india.ewaybill.payload import TRANSPORT_MODES, VEHICLE_TYPES, vehicle_number
from modules.gst_india.ewaybill.sandbox_checks import VEHICLE
from modules.gst_india.ewaybill.service import checked_bill

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

JOBS = "modules.gst_india.ewaybill.jobs."
PENDING, GENERATED, CANCELLED = "Pending", "Generated", "Cancelled"
NIC_FIELDS = ("ewaybill_status", "ewaybill_no", "ewaybill_date", "ewaybill_valid_upto",
              "ewaybill_error", "ewaybill_cancel_date", "ewaybill_cancel_reason",
              "ewaybill_cancel_remark")


def answer(doc: Document) -> dict[str, Any]:
    return {"ewaybill_status": doc.get("ewaybill_status"),
            "ewaybill_no": doc.get("ewaybill_no"),
            "ewaybill_valid_upto": doc.get("ewaybill_valid_upto")}


def writable_document(ctx: Context, doctype: str, name: str) -> Document:
    source_of(doctype)
    perms.require(ctx, doctype, "write")
    doc = lifecycle.get_doc(ctx, doctype, name)
    perms.check_restrictions(ctx, doc)
    return doc


def request_generation(ctx: Context, doc: Document) -> dict[str, Any]:
    if doc.get("ewaybill_status") == GENERATED:
        return answer(doc)  # asked twice: the e-way bill it has
    checked_bill(ctx, doc)
    _store(ctx, doc, {"ewaybill_status": PENDING, "ewaybill_error": None})
    enqueue(ctx, JOBS + "generate_ewaybill", doctype=doc.doctype, name=doc.name)
    return answer(doc)


def request_cancellation(ctx: Context, doc: Document, reason: str, remark: str
                         ) -> dict[str, Any]:
    if doc.get("ewaybill_status") == CANCELLED:
        return answer(doc)
    _require_generated(doc)
    if str(reason) not in CANCEL_REASONS:
        raise InvalidEWayBillRequest(
            f"Cancellation reason {reason!r} is not one of the NIC's: "
            + ", ".join(f"{k} {v}" for k, v in CANCEL_REASONS.items()), field="reason")
    if not (remark or "").strip():
        raise InvalidEWayBillRequest("The NIC needs a remark on a cancellation",
                                     field="remark")
    deadline = cancel_deadline(doc)
    if ctx.now > deadline:
        raise EWayBillCancelWindowClosed(
            f"{doc.doctype} {doc.name} has e-way bill {doc.ewaybill_no} generated on "
            f"{doc.ewaybill_date:%d-%m-%Y %H:%M}; the NIC cancels an e-way bill only "
            f"within {CANCEL_HOURS} hours (until {deadline:%d-%m-%Y %H:%M})",
            field="ewaybill_no")
    _store(ctx, doc, {"ewaybill_cancel_reason": str(reason),
                      "ewaybill_cancel_remark": remark.strip()})
    enqueue(ctx, JOBS + "cancel_ewaybill", doctype=doc.doctype, name=doc.name,
            reason=str(reason), remark=remark.strip())
    return answer(doc)


def request_vehicle_update(ctx: Context, doc: Document, vehicle_no: str, reason: str,
                           remark: str, **transport: Any) -> dict[str, Any]:
    """Part-B: the vehicle carrying the goods (first time, or a new one on the way)."""
    _require_generated(doc)
    vehicle = vehicle_number(vehicle_no)
    if not VEHICLE.fullmatch(vehicle):
        raise InvalidEWayBillRequest(f"{vehicle_no!r} is not a vehicle number the NIC "
                                     "accepts (MH12AB1234)", field="vehicle_no")
    if str(reason) not in VEHICLE_REASONS:
        raise InvalidEWayBillRequest(
            f"Reason {reason!r} is not one of the NIC's: "
            + ", ".join(f"{k} {v}" for k, v in VEHICLE_REASONS.items()), field="reason")
    if not (remark or "").strip():
        raise InvalidEWayBillRequest("The NIC needs a remark on a vehicle update",
                                     field="remark")
    enqueue(ctx, JOBS + "update_vehicle", doctype=doc.doctype, name=doc.name,
            part_b=part_b(ctx, doc, vehicle, str(reason), remark.strip(), transport))
    return answer(doc)


def part_b(ctx: Context, doc: Document, vehicle: str, reason: str, remark: str,
           transport: dict[str, Any]) -> dict[str, Any]:
    """The VEHEWB request: the vehicle starts where the goods are dispatched from unless
    ``from_place`` says otherwise."""
    bill = source_of(doc.doctype).bill(ctx, doc)
    mode = transport.get("mode_of_transport") or doc.get("mode_of_transport") or "Road"
    return {"vehicleNo": vehicle,
            "fromPlace": transport.get("from_place") or bill["fromPlace"],
            "fromState": bill["actualFromStateCode"], "reasonCode": reason,
            "reasonRem": remark, "transDocNo": transport.get("lr_no") or "",
            "transDocDate": nic_date(transport["lr_date"]) if transport.get("lr_date")
            else "",
            "transMode": str(TRANSPORT_MODES.get(mode, 1)),
            "vehicleType": VEHICLE_TYPES.get(transport.get("vehicle_type")
                                             or doc.get("vehicle_type") or "", "R")}


def refuse_cancel_while_live(ctx: Context, doc: Document) -> None:
    """Before cancel: a document is not cancelled while its e-way bill lives."""
    status = doc.get("ewaybill_status")
    if status == PENDING:
        raise EWayBillLive(f"{doc.doctype} {doc.name} is waiting for the NIC's e-way bill: "
                           "cancel it once the e-way bill is generated and cancelled",
                           field="ewaybill_status")
    if status != GENERATED:
        return
    deadline = cancel_deadline(doc)
    if ctx.now <= deadline:
        raise EWayBillLive(
            f"{doc.doctype} {doc.name} has e-way bill {doc.ewaybill_no}: cancel the e-way "
            f"bill first (gst.cancel_ewaybill, until {deadline:%d-%m-%Y %H:%M}), then the "
            "document", field="ewaybill_no")
    raise EWayBillLive(
        f"{doc.doctype} {doc.name} has e-way bill {doc.ewaybill_no}, which the NIC no "
        f"longer cancels ({CANCEL_HOURS} hours after {doc.ewaybill_date:%d-%m-%Y %H:%M}): "
        "record the goods' return with a new document instead", field="ewaybill_no")


def clear_for_amendment(ctx: Context, doc: Document) -> None:
    """Before insert: an amended document gets an e-way bill of its own."""
    for fieldname in (*NIC_FIELDS, "challan_no"):
        if fieldname in doc.meta.field_map:
            doc.values[fieldname] = None


def cancel_deadline(doc: Document) -> dt.datetime:
    return doc.ewaybill_date + dt.timedelta(hours=CANCEL_HOURS)


def _require_generated(doc: Document) -> None:
    if doc.get("ewaybill_status") != GENERATED or not doc.get("ewaybill_no"):
        raise EWayBillNotApplicable(f"{doc.doctype} {doc.name} has no generated e-way "
                                    "bill", field="ewaybill_no")


def _store(ctx: Context, doc: Document, values: dict[str, Any]) -> None:
    query.update_row(ctx, doc.doctype, doc.name or "", values)
    doc.values.update(values)
