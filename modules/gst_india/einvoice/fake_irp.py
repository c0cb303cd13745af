"""A fake IRP that behaves like the NIC sandbox, for tests and demos.

It checks the payload against the schema, issues the IRN the IRP would (sha256 of seller
GSTIN, financial year, document type and number), an acknowledgement number and date, a
signed invoice and a signed QR code; a second request for the same document is refused
with error 2150 carrying the first IRN's details, and an IRN is cancelled only once and
only within the cancellation window. Its memory is the tenant's IRP Sandbox IRN table.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import TYPE_CHECKING, Any

from core import lifecycle
from core.db import query
from core.singles import get_single
from modules.gst_india.einvoice.errors import EInvoiceSchemaError
from modules.gst_india.einvoice.irp import DUPLICATE_IRN, CancelResult, IRNResult, IRPError
from modules.gst_india.einvoice.signing import sign
from modules.gst_india.einvoice.validation import check_einvoice

if TYPE_CHECKING:
    from core.context import Context

REGISTER = "IRP Sandbox IRN"
FIRST_ACK_NO = 112010000000000  # sandbox acknowledgement numbers have 15 digits
SCHEMA_ERROR, NOT_FOUND, CANCELLED, WINDOW_CLOSED = "2000", "2163", "9999", "2270"


def irn_of(payload: dict[str, Any]) -> str:
    """The IRN the IRP computes: unique per seller, financial year, type and number."""
    seller, doc = payload["SellerDtls"]["Gstin"], payload["DocDtls"]
    day, month, year = (int(x) for x in doc["Dt"].split("/"))
    start = year if month >= 4 else year - 1
    key = f"{seller}{start}-{(start + 1) % 100:02d}{doc['Typ']}{doc['No']}"
    return hashlib.sha256(key.encode()).hexdigest()


class FakeIRP:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def generate_irn(self, payload: dict[str, Any]) -> IRNResult:
        try:
            check_einvoice(payload)
        except EInvoiceSchemaError as exc:
            raise IRPError(SCHEMA_ERROR, exc.message) from None
        irn = irn_of(payload)
        known = self._record(irn)
        if known:
            raise IRPError(DUPLICATE_IRN, "Duplicate IRN", existing=_result(known))
        ack_date = self.ctx.now.replace(microsecond=0)
        ack_no = str(FIRST_ACK_NO + query.count(self.ctx, REGISTER) + 1)
        result = IRNResult(irn, ack_no, ack_date, sign(payload | {"Irn": irn}),
                           sign(qr_data(payload, irn, ack_no, ack_date)))
        lifecycle.insert(self.ctx, lifecycle.new_doc(self.ctx, REGISTER, {
            "irn": irn, "seller_gstin": payload["SellerDtls"]["Gstin"],
            "document_number": payload["DocDtls"]["No"], "ack_no": ack_no,
            "ack_date": ack_date, "signed_invoice": result.signed_invoice,
            "signed_qr_code": result.signed_qr_code}))
        return result

    def cancel_irn(self, irn: str, reason: str, remark: str) -> CancelResult:
        known = self._record(irn)
        if not known:
            raise IRPError(NOT_FOUND, f"IRN {irn} does not exist")
        if known["cancel_date"]:
            raise IRPError(CANCELLED, f"IRN {irn} is already cancelled")
        hours = get_single(self.ctx, "GST Settings").get("irn_cancel_hours") or 24
        if self.ctx.now > known["ack_date"] + dt.timedelta(hours=hours):
            raise IRPError(WINDOW_CLOSED, "The allowed cancellation time limit is crossed")
        when = self.ctx.now.replace(microsecond=0)
        query.update_row(self.ctx, REGISTER, irn, {"cancel_date": when})
        return CancelResult(irn, when)

    def _record(self, irn: str) -> dict[str, Any] | None:
        rows = query.select_rows(self.ctx, REGISTER, filters={"name": irn}, fields=[
            "irn", "ack_no", "ack_date", "cancel_date", "signed_invoice",
            "signed_qr_code"])
        return rows[0] if rows else None


def qr_data(payload: dict[str, Any], irn: str, ack_no: str, ack_date: dt.datetime
            ) -> dict[str, Any]:
    """What the signed QR code holds (the IRP's list of fields)."""
    items = payload["ItemList"]
    main = max(items, key=lambda i: i["AssAmt"])
    return {"SellerGstin": payload["SellerDtls"]["Gstin"],
            "BuyerGstin": payload["BuyerDtls"]["Gstin"], "DocNo": payload["DocDtls"]["No"],
            "DocTyp": payload["DocDtls"]["Typ"], "DocDt": payload["DocDtls"]["Dt"],
            "TotInvVal": payload["ValDtls"]["TotInvVal"], "ItemCnt": len(items),
            "MainHsnCode": main["HsnCd"], "Irn": irn, "AckNo": ack_no,
            "IrnDt": ack_date.strftime("%Y-%m-%d %H:%M:%S")}


def _result(row: dict[str, Any]) -> IRNResult:
    return IRNResult(row["irn"], row["ack_no"], row["ack_date"], row["signed_invoice"],
                     row["signed_qr_code"])
