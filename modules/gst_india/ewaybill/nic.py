"""The NIC e-way bill system as seen from the ERP: an interface with two
implementations, the fake NIC (fake_nic.py, sandbox behaviour without leaving the
server) and the GSP client (gsp.py). ``connector(ctx)`` picks the one GST Settings names.

Codes are the NIC e-way bill API's: actions GENEWAYBILL, CANEWB and VEHEWB; error 604
for a document that already has an e-way bill, 312 for an e-way bill that is not the
caller's or is cancelled, 315 for a cancellation refused, 311 for a vehicle update after
the validity. Dates travel as ``dd/mm/yyyy hh:mm:ss AM``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from core.singles import get_single

if TYPE_CHECKING:
    from core.context import Context

DUPLICATE = "604"        # e-way bill(s) already generated for the same document number
NOT_YOURS_OR_CANCELLED = "312"
CANCEL_REFUSED = "315"   # the NIC cancels an e-way bill only within 24 hours
VALIDITY_LAPSED = "311"  # a vehicle cannot be updated once the validity is over
DATETIME_FORMAT = "%d/%m/%Y %I:%M:%S %p"
CANCEL_REASONS = {"1": "Duplicate", "2": "Order Cancelled", "3": "Data Entry Mistake",
                  "4": "Others"}
VEHICLE_REASONS = {"1": "Due to Break Down", "2": "Due to Transshipment", "3": "Others",
                   "4": "First Time"}
CANCEL_HOURS = 24


@dataclass(frozen=True)
class EWayBillResult:
    ewaybill_no: str
    ewaybill_date: dt.datetime
    valid_upto: dt.datetime | None  # None while Part-B (the vehicle) is missing


@dataclass(frozen=True)
class CancelResult:
    ewaybill_no: str
    cancel_date: dt.datetime


@dataclass(frozen=True)
class VehicleResult:
    updated_on: dt.datetime
    valid_upto: dt.datetime | None


class NICError(Exception):
    """The NIC refused a request: its error code and message, and for a duplicate the
    e-way bill it had already issued for the document (when it can be looked up)."""

    def __init__(self, code: str, message: str,
                 existing: EWayBillResult | None = None) -> None:
        super().__init__(f"{code}: {message}")
        self.code, self.message, self.existing = code, message, existing


class EWayBillConnector(Protocol):
    def generate(self, bill: dict[str, Any]) -> EWayBillResult: ...

    def cancel(self, ewaybill_no: str, reason: str, remark: str) -> CancelResult: ...

    def update_vehicle(self, ewaybill_no: str, part_b: dict[str, Any]) -> VehicleResult: ...


def connector(ctx: Context) -> EWayBillConnector:
    from modules.gst_india.ewaybill.fake_nic import FakeNIC
    from modules.gst_india.ewaybill.gsp import GSPEWayBill

    settings = get_single(ctx, "GST Settings")
    if settings.get("ewaybill_connector") == "GSP":
        return GSPEWayBill.from_settings(settings)
    return FakeNIC(ctx)


def nic_datetime(value: dt.datetime) -> str:
    return value.strftime(DATETIME_FORMAT)


def parse_nic_datetime(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, DATETIME_FORMAT)


def parse_optional_datetime(text: str | None) -> dt.datetime | None:
    """A validity the NIC leaves empty while Part-B is missing."""
    return parse_nic_datetime(text) if text else None
