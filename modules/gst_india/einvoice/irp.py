"""The Invoice Registration Portal as seen from the ERP: an interface with two
implementations, the fake IRP (fake_irp.py, sandbox behaviour without leaving the server)
and the GSP client (gsp.py). ``connector(ctx)`` picks the one GST Settings names."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from core.singles import get_single

if TYPE_CHECKING:
    from core.context import Context

DUPLICATE_IRN = "2150"  # the IRP's code for an invoice that already has an IRN
CANCEL_REASONS = {"1": "Duplicate", "2": "Data entry mistake", "3": "Order cancelled",
                  "4": "Others"}


@dataclass(frozen=True)
class IRNResult:
    irn: str
    ack_no: str
    ack_date: dt.datetime
    signed_invoice: str
    signed_qr_code: str


@dataclass(frozen=True)
class CancelResult:
    irn: str
    cancel_date: dt.datetime


class IRPError(Exception):
    """The IRP refused a request: its error code and message, and for a duplicate the
    details of the IRN it had already issued."""

    def __init__(self, code: str, message: str, existing: IRNResult | None = None) -> None:
        super().__init__(f"{code}: {message}")
        self.code, self.message, self.existing = code, message, existing


class IRPConnector(Protocol):
    def generate_irn(self, payload: dict[str, Any]) -> IRNResult: ...

    def cancel_irn(self, irn: str, reason: str, remark: str) -> CancelResult: ...


def connector(ctx: Context) -> IRPConnector:
    from modules.gst_india.einvoice.fake_irp import FakeIRP
    from modules.gst_india.einvoice.gsp import GSPConnector

    settings = get_single(ctx, "GST Settings")
    if settings.get("irp_connector") == "GSP":
        return GSPConnector.from_settings(settings)
    return FakeIRP(ctx)
