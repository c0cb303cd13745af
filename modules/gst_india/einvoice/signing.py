"""JWT-shaped signed documents as the IRP returns them: header.payload.signature, each
part base64url. The IRP signs with its private key; the fake IRP signs with an HMAC of a
key of its own, so the shape and the decodable payload match while nobody mistakes a
sandbox IRN for a real one."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any

from core.document import jsonable

FAKE_KEY = b"erp-fake-irp-sandbox"


def _part(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def sign(data: dict[str, Any]) -> str:
    header = _part(json.dumps({"alg": "HS256", "kid": "FAKE-IRP", "typ": "JWT"}).encode())
    body = _part(json.dumps({"data": json.dumps(jsonable(data)),
                                       "iss": "NIC Sandbox"}).encode())
    signature = hmac.new(FAKE_KEY, f"{header}.{body}".encode(), hashlib.sha256).digest()
    return f"{header}.{body}.{_part(signature)}"


def signed_data(token: str) -> dict[str, Any]:
    """The data inside a signed document (without checking the signature)."""
    body = token.split(".")[1]
    raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    return json.loads(json.loads(raw)["data"])
