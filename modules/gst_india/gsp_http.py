"""One JSON request to a GST Suvidha Provider (the IRP's and the NIC's gateway): the
GSP's credentials and the GSTIN in the headers, the answer's JSON back, also when the
GSP answers with an HTTP error (its body says what the portal refused)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

from core.document import jsonable

TIMEOUT = 30  # seconds; a job that times out is retried by the queue


def gsp_request(url: str, headers: dict[str, str], gstin: str, method: str = "POST",
                body: dict[str, Any] | None = None) -> dict[str, Any]:
    request = urllib.request.Request(
        url, method=method,
        data=None if body is None else json.dumps(jsonable(body)).encode(),
        headers={"Content-Type": "application/json", **headers,
                 **({"gstin": gstin} if gstin else {})})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return json.loads(exc.read() or b"{}")
