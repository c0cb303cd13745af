"""Running one HTTP request: read the body, open the tenant's transaction, authenticate,
call the handler in a worker thread, and map errors to statuses.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from core.auth.request import SAFE_METHODS, authenticate
from core.context import Context
from core.document import jsonable
from core.errors import BadRequest

Handler = Callable[[Context, Request, dict[str, Any]], Any]
MAX_BODY = 20 * 1024 * 1024
MAX_INT_PARAM = 2**31 - 1  # what the database takes as a limit or offset


async def read_body(request: Request) -> dict[str, Any]:
    """The request's JSON object or form fields; malformed JSON is a 400 naming the problem."""
    if request.method in SAFE_METHODS:
        return {}
    content_type = request.headers.get("content-type", "")
    if "application/x-www-form-urlencoded" in content_type or \
            "multipart/form-data" in content_type:
        form = await request.form()
        return {k: v for k, v in form.multi_items()}
    raw = await request.body()
    if len(raw) > MAX_BODY:
        raise BadRequest("Request body is too large")
    if not raw.strip():
        return {}
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadRequest(f"Malformed JSON body: {exc}") from None
    if not isinstance(data, dict):
        raise BadRequest("The JSON body must be an object")
    return data


async def handle(request: Request, handler: Handler, *, write: bool | None = None) -> Any:
    body = await read_body(request)
    writes = request.method not in SAFE_METHODS if write is None else write
    return await run_in_threadpool(_run, request, handler, body, writes)


def _run(request: Request, handler: Handler, body: dict[str, Any], write: bool) -> Any:
    site = request.app.state.site
    with site.transaction(None, None, host=request.headers.get("host", ""),
                          write=write) as ctx:
        authenticate(ctx, request, body)
        request.state.tenant = ctx.tenant.name
        request.state.user = ctx.user
        return handler(ctx, request, body)


def json_response(payload: dict[str, Any], status: int = 200) -> Response:
    return JSONResponse(jsonable(payload), status_code=status)


def json_param(request: Request, name: str, default: Any = None) -> Any:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    try:
        return json.loads(raw)
    except ValueError:
        if name == "fields" and not raw.startswith("["):
            return [f.strip() for f in raw.split(",")]
        raise BadRequest(f"{name} must be JSON: {raw[:60]!r}", field=name) from None


def int_param(request: Request, name: str, default: int) -> int:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadRequest(f"{name} must be a whole number", field=name) from None
    if value < 0:
        raise BadRequest(f"{name} must not be negative", field=name)
    if value > MAX_INT_PARAM:
        raise BadRequest(f"{name} is too large", field=name)
    return value
