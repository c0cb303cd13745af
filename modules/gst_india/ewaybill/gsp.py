"""The NIC e-way bill system reached through a GST Suvidha Provider: JSON over HTTPS with
the tenant's e-way bill credentials in headers, as GSPs expose the NIC API v1.03 (the GSP
handles the NIC's session keys and encryption). ``POST .../ewayapi?action=GENEWAYBILL``
(also CANEWB, VEHEWB) answers ``status`` "1" with ``data``, or "0" with ``error``
(``{"errorCodes": "604,"}``, as an object or base64 JSON as the NIC sends it). After a
604 the e-way bill already issued is read with ``GetEwayBillGeneratedByConsigner``.
"""

from __future__ import annotations

import base64
import binascii
import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from modules.gst_india.ewaybill.nic import (
    DUPLICATE,
    CancelResult,
    EWayBillResult,
    NICError,
    VehicleResult,
    parse_nic_datetime,
    parse_optional_datetime,
)
from modules.gst_india.gsp_http import gsp_request

if TYPE_CHECKING:
    from core.document import Document

API_PATH = "/ewaybillapi/v1.03/ewayapi"
BY_DOCUMENT_PATH = API_PATH + "/GetEwayBillGeneratedByConsigner"


@dataclass(frozen=True)
class GSPEWayBill:
    url: str
    headers: dict[str, str]

    @classmethod
    def from_settings(cls, settings: Document) -> GSPEWayBill:
        return cls(str(settings.get("ewaybill_gsp_url") or "").rstrip("/"), {
            "username": settings.get("ewaybill_username") or "",
            "password": settings.get("ewaybill_password") or "",
            "client_id": settings.get("gsp_client_id") or "",
            "client_secret": settings.get("gsp_client_secret") or ""})

    def generate(self, bill: dict[str, Any]) -> EWayBillResult:
        gstin = bill["userGstin"]
        answer = self._call("POST", f"{API_PATH}?action=GENEWAYBILL", gstin, bill)
        if str(answer.get("status")) != "1":
            error = _error(answer)
            if error.code == DUPLICATE:
                error.existing = self._issued_for(gstin, bill["docType"], bill["docNo"])
            raise error
        return _result(answer["data"])

    def cancel(self, ewaybill_no: str, reason: str, remark: str) -> CancelResult:
        answer = self._call("POST", f"{API_PATH}?action=CANEWB", "", {
            "ewbNo": int(ewaybill_no), "cancelRsnCode": int(reason), "cancelRmrk": remark})
        if str(answer.get("status")) != "1":
            raise _error(answer)
        data = answer["data"]
        return CancelResult(str(data["ewayBillNo"]), parse_nic_datetime(data["cancelDate"]))

    def update_vehicle(self, ewaybill_no: str, part_b: dict[str, Any]) -> VehicleResult:
        answer = self._call("POST", f"{API_PATH}?action=VEHEWB", "",
                            {"ewbNo": int(ewaybill_no), **part_b})
        if str(answer.get("status")) != "1":
            raise _error(answer)
        data = answer["data"]
        return VehicleResult(parse_nic_datetime(data["vehUpdDate"]),
                             parse_optional_datetime(data.get("validUpto")))

    def _issued_for(self, gstin: str, doc_type: str, doc_no: str) -> EWayBillResult | None:
        query = urllib.parse.urlencode({"docType": doc_type, "docNo": doc_no})
        answer = self._call("GET", f"{BY_DOCUMENT_PATH}?{query}", gstin, None)
        if str(answer.get("status")) != "1" or not answer.get("data"):
            return None
        return _result(answer["data"])

    def _call(self, method: str, path: str, gstin: str, body: dict[str, Any] | None
              ) -> dict[str, Any]:
        return gsp_request(self.url + path, self.headers, gstin, method, body)


def _error(answer: dict[str, Any]) -> NICError:
    error = answer.get("error") or {}
    if isinstance(error, str):
        try:
            error = json.loads(base64.b64decode(error))
        except (binascii.Error, ValueError):
            error = {"message": error}
    codes = [c.strip() for c in str(error.get("errorCodes") or "").split(",") if c.strip()]
    return NICError(codes[0] if codes else "", error.get("message") or answer.get("message")
                    or "The NIC refused the request")


def _result(data: dict[str, Any]) -> EWayBillResult:
    return EWayBillResult(str(data["ewayBillNo"]), parse_nic_datetime(data["ewayBillDate"]),
                          parse_optional_datetime(data.get("validUpto")))
