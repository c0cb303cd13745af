"""The ASGI application: API, desk, health and metrics, with errors mapped to statuses."""

from __future__ import annotations

import logging
import os

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from core.api import method, openapi, report, resource, session
from core.errors import AppError
from core.observability import Metrics, RequestLog
from core.site import Site

log = logging.getLogger("erp.server")


async def healthz(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or \
        "application/json" in request.headers.get("accept", "")


async def app_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, AppError)
    if not wants_json(request) and hasattr(request.app.state, "html_error"):
        return await request.app.state.html_error(request, exc)
    return JSONResponse(exc.as_dict(), status_code=exc.status)


async def internal_error(request: Request, exc: Exception) -> Response:
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return JSONResponse({"exc_type": "InternalServerError",
                         "message": "Something went wrong on our side; it has been logged."},
                        status_code=500)


def create_app(site: Site | None = None) -> Starlette:
    from core.web import desk, printview

    site = site or Site.load(redis_url=os.environ.get("ERP_REDIS_URL"))
    metrics = Metrics()
    routes = [Route("/healthz", healthz), Route("/metrics", metrics.endpoint)]
    routes += session.routes + openapi.routes + method.routes + report.routes + resource.routes
    routes += printview.routes
    routes += desk.routes
    app = Starlette(routes=routes, exception_handlers={
        AppError: app_error, Exception: internal_error})
    app.state.site = site
    app.state.secure_cookies = os.environ.get("ERP_SECURE_COOKIES", "") == "1"
    desk.install(app)
    app.add_middleware(RequestLog, metrics=metrics)
    return app
