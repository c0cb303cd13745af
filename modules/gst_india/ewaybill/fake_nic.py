"""A fake NIC e-way bill system that behaves like the sandbox, for tests and demos.

It checks the request's required fields and codes (sandbox_checks.py), issues 12-digit
e-way bill numbers with the generation time and the validity the NIC computes
(validity.py; none while Part-B is missing), refuses a second live e-way bill for the
same GSTIN, document type and number with 604 (carrying the first one, which the real
NIC makes us look up), cancels only within 24 hours and only once, and gives a validity
when Part-B is entered the first time. Its memory is the tenant's NIC Sandbox e-Way Bill
table.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from core import lifecycle
from core.db import query
from modules.gst_india.ewaybill.nic import (
    CANCEL_HOURS,
    CANCEL_REASONS,
    CANCEL_REFUSED,
    DUPLICATE,
    NOT_YOURS_OR_CANCELLED,
    VALIDITY_LAPSED,
    CancelResult,
    EWayBillResult,
    NICError,
    VehicleResult,
)
from modules.gst_india.ewaybill.sandbox_checks import first_error, vehicle_error
from modules.gst_india.ewaybill.validity import valid_upto

if TYPE_CHECKING:
    from core.context import Context

REGISTER = "NIC Sandbox e-Way Bill"
FIRST_NUMBER = 331000000000  # sandbox e-way bill numbers have 12 digits
OVER_DIMENSIONAL = "O"
RECORD_FIELDS = ["ewaybill_no", "ewaybill_date", "valid_upto", "distance", "vehicle_type",
                 "vehicle_no", "cancel_date"]


def has_part_b(bill: dict[str, Any]) -> bool:
    """Part-B is the vehicle by road, the transport document by rail, air or ship."""
    if bill.get("vehicleNo"):
        return True
    return str(bill.get("transMode") or "") in ("2", "3", "4") and bool(
        bill.get("transDocNo"))


class FakeNIC:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def generate(self, bill: dict[str, Any]) -> EWayBillResult:
        error = first_error(bill)
        if error:
            raise NICError(*error)
        known = self._live_for(bill["userGstin"], bill["docType"], bill["docNo"])
        if known:
            raise NICError(DUPLICATE, "E-way bill(s) are already generated for the same "
                           "document number, you cannot generate again on same document "
                           "number", existing=_result(known))
        now = self._now()
        distance, kind = int(bill["transDistance"]), bill.get("vehicleType") or "R"
        number = str(FIRST_NUMBER + query.count(self.ctx, REGISTER) + 1)
        until = valid_upto(now, distance, kind == OVER_DIMENSIONAL) \
            if has_part_b(bill) else None
        lifecycle.insert(self.ctx, lifecycle.new_doc(self.ctx, REGISTER, {
            "ewaybill_no": number, "user_gstin": bill["userGstin"],
            "doc_type": bill["docType"], "doc_no": bill["docNo"], "ewaybill_date": now,
            "valid_upto": until, "distance": distance, "vehicle_type": kind,
            "vehicle_no": bill.get("vehicleNo") or None}))
        return EWayBillResult(number, now, until)

    def cancel(self, ewaybill_no: str, reason: str, remark: str) -> CancelResult:
        known = self._record(ewaybill_no)
        if not known or known["cancel_date"]:
            raise NICError(NOT_YOURS_OR_CANCELLED, "This eway bill is either not generated "
                           "by you or cancelled")
        if str(reason) not in CANCEL_REASONS or not remark:
            raise NICError("386", "Reason Code, Remarks is mandatory.")
        if self.ctx.now > known["ewaybill_date"] + dt.timedelta(hours=CANCEL_HOURS):
            raise NICError(CANCEL_REFUSED, "The e-way bill can be cancelled only within "
                           f"{CANCEL_HOURS} hours of its generation")
        when = self._now()
        query.update_row(self.ctx, REGISTER, ewaybill_no, {"cancel_date": when})
        return CancelResult(ewaybill_no, when)

    def update_vehicle(self, ewaybill_no: str, part_b: dict[str, Any]) -> VehicleResult:
        known = self._record(ewaybill_no)
        if not known or known["cancel_date"]:
            raise NICError(NOT_YOURS_OR_CANCELLED, "This eway bill is either not generated "
                           "by you or cancelled")
        if known["valid_upto"] and self.ctx.now > known["valid_upto"]:
            raise NICError(VALIDITY_LAPSED, "Validity period lapsed, you cannot update "
                           "vehicle details")
        error = vehicle_error(part_b)
        if error:
            raise NICError(*error)
        now = self._now()
        until = known["valid_upto"] or valid_upto(
            now, known["distance"], (part_b.get("vehicleType") or known["vehicle_type"])
            == OVER_DIMENSIONAL)  # counted from the first Part-B, kept after
        query.update_row(self.ctx, REGISTER, ewaybill_no, {
            "vehicle_no": part_b["vehicleNo"], "valid_upto": until})
        return VehicleResult(now, until)

    def _now(self) -> dt.datetime:
        return self.ctx.now.replace(microsecond=0)

    def _record(self, ewaybill_no: str) -> dict[str, Any] | None:
        rows = query.select_rows(self.ctx, REGISTER, fields=RECORD_FIELDS,
                                 filters={"name": str(ewaybill_no)})
        return rows[0] if rows else None

    def _live_for(self, gstin: str, doc_type: str, doc_no: str) -> dict[str, Any] | None:
        rows = query.select_rows(self.ctx, REGISTER, fields=RECORD_FIELDS, filters=[
            ["user_gstin", "=", gstin], ["doc_type", "=", doc_type],
            ["doc_no", "=", doc_no], ["cancel_date", "is", "not set"]])
        return rows[0] if rows else None


def _result(row: dict[str, Any]) -> EWayBillResult:
    return EWayBillResult(row["ewaybill_no"], row["ewaybill_date"], row["valid_upto"])
