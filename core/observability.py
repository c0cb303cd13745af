"""One JSON log line per request, and Prometheus counters and latency histograms.

Each server process keeps its own registry; run several workers with
``PROMETHEUS_MULTIPROC_DIR`` set to aggregate them (docs/scaling.md).
"""

from __future__ import annotations

import json
import logging
import time

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("erp.request")


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter("erp_http_requests", "HTTP requests",
                                ["method", "status"], registry=self.registry)
        self.latency = Histogram("erp_http_request_seconds", "HTTP request latency",
                                 ["method"], registry=self.registry,
                                 buckets=(.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10))

    def endpoint(self, request: Request) -> Response:
        return Response(generate_latest(self.registry),
                        media_type="text/plain; version=0.0.4")


class RequestLog:
    """ASGI middleware: time the request, count it, and log it as one JSON line."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500

        async def capture(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, capture)
        finally:
            elapsed = time.perf_counter() - start
            self.metrics.requests.labels(scope["method"], str(status)).inc()
            self.metrics.latency.labels(scope["method"]).observe(elapsed)
            state = scope.get("state", {})
            log.info(json.dumps({
                "method": scope["method"], "path": scope["path"], "status": status,
                "tenant": state.get("tenant"), "user": state.get("user"),
                "duration_ms": round(elapsed * 1000, 2)}))
