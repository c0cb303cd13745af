"""``/api/method/{module}.{function}``: whitelisted functions and reports."""

from __future__ import annotations

import inspect
import json
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from core.api.http import handle, json_response
from core.auth.request import require_login
from core.context import Context
from core.errors import BadRequest, DoesNotExist
from core.messages import with_messages


def call(ctx: Context, request: Request, body: dict[str, Any]) -> Response:
    path = request.path_params["method"]
    module, fn = find_method(ctx, path)
    if fn is None or (module != "core" and module not in ctx.tenant.modules):
        raise DoesNotExist(f"No method {path}")
    if request.method not in fn.http_methods:
        raise BadRequest(f"{path} does not accept {request.method}")
    if not fn.allow_guest:
        require_login(ctx)
    kwargs = parse_kwargs(request, body)
    try:
        inspect.signature(fn).bind(ctx, **kwargs)
    except TypeError as exc:
        raise BadRequest(f"{path}: {exc}") from None
    return json_response(with_messages(ctx, {"message": fn(ctx, **kwargs)}))


def find_method(ctx: Context, path: str) -> tuple[str, Any]:
    """The module and function a path names. A module may also answer to the shorter
    prefix its manifest gives as ``method_prefix`` (gst_india's methods as ``gst.*``)."""
    prefix, _, name = path.partition(".")
    module = next((m.name for m in ctx.site.manifests.values()
                   if m.extra.get("method_prefix") == prefix), prefix)
    return module, ctx.site.methods.get(f"{module}.{name}")


def parse_kwargs(request: Request, body: dict[str, Any]) -> dict[str, Any]:
    """Arguments from the query string and the body (the body wins)."""
    kwargs = dict(request.query_params) | {k: v for k, v in body.items() if k != "csrf_token"}
    return {k: _maybe_json(v) for k, v in kwargs.items()}


def _maybe_json(value: Any) -> Any:
    """Query strings carry lists and objects as JSON text, as Frappe clients send them."""
    if isinstance(value, str) and value[:1] in ("[", "{"):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


async def method_route(request: Request) -> Response:
    return await handle(request, call, write=request.method != "GET")


routes = [Route("/api/method/{method}", method_route, methods=["GET", "POST"])]
