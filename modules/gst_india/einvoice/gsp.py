"""The IRP reached through a GST Suvidha Provider: JSON over HTTPS with the tenant's
e-invoice credentials in headers, as GSPs expose the NIC API (the GSP handles the
IRP's session keys and encryption). Answers follow the NIC envelope: ``Status`` 1 with
``Data``, or 0 with ``ErrorDetails`` (and, for error 2150, the first IRN in ``InfoDtls``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from modules.gst_india.einvoice.irp import DUPLICATE_IRN, CancelResult, IRNResult, IRPError
from modules.gst_india.gsp_http import gsp_request

if TYPE_CHECKING:
    from core.document import Document

GENERATE_PATH = "/eicore/v1.03/Invoice"
CANCEL_PATH = "/eicore/v1.03/Invoice/Cancel"


@dataclass(frozen=True)
class GSPConnector:
    url: str
    headers: dict[str, str]

    @classmethod
    def from_settings(cls, settings: Document) -> GSPConnector:
        return cls(str(settings.get("gsp_url") or "").rstrip("/"), {
            "user_name": settings.get("gsp_username") or "",
            "password": settings.get("gsp_password") or "",
            "client_id": settings.get("gsp_client_id") or "",
            "client_secret": settings.get("gsp_client_secret") or ""})

    def generate_irn(self, payload: dict[str, Any]) -> IRNResult:
        answer = self._post(GENERATE_PATH, payload, payload["SellerDtls"]["Gstin"])
        if answer.get("Status") != 1:
            error = _error(answer)
            if error.code == DUPLICATE_IRN:
                error.existing = _duplicate(answer)
            raise error
        return _irn_result(answer["Data"])

    def cancel_irn(self, irn: str, reason: str, remark: str) -> CancelResult:
        answer = self._post(CANCEL_PATH, {"Irn": irn, "CnlRsn": reason, "CnlRem": remark},
                            "")
        if answer.get("Status") != 1:
            raise _error(answer)
        data = answer["Data"]
        return CancelResult(data["Irn"], _datetime(data["CancelDate"]))

    def _post(self, path: str, body: dict[str, Any], gstin: str) -> dict[str, Any]:
        return gsp_request(self.url + path, self.headers, gstin, "POST", body)


def _error(answer: dict[str, Any]) -> IRPError:
    details = answer.get("ErrorDetails") or [{}]
    return IRPError(str(details[0].get("ErrorCode", "")),
                    details[0].get("ErrorMessage", "The IRP refused the request"))


def _duplicate(answer: dict[str, Any]) -> IRNResult | None:
    for info in answer.get("InfoDtls") or []:
        if info.get("InfCd") == "DUPIRN":
            desc = info["Desc"]
            return IRNResult(desc["Irn"], str(desc["AckNo"]), _datetime(desc["AckDt"]),
                             "", "")
    return None


def _irn_result(data: dict[str, Any]) -> IRNResult:
    return IRNResult(data["Irn"], str(data["AckNo"]), _datetime(data["AckDt"]),
                     data.get("SignedInvoice", ""), data.get("SignedQRCode", ""))


def _datetime(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%Y-%m-%d %H:%M:%S")
