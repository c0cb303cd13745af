"""``/api/report/{module}.{name}``: a declared report's data, and its export.

``GET /api/report/accounting.trial_balance?company=...`` answers
``{"message": {"report": {...spec...}, "result": {...}}}``;
``.../export?format=csv|xlsx|pdf&company=...`` downloads the same rows as a file.
"""

from __future__ import annotations

import inspect
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from core import reports
from core.api.http import handle, json_response
from core.api.method import parse_kwargs
from core.auth.request import require_login
from core.context import Context
from core.errors import BadRequest, DoesNotExist

FORMATS = {"csv": "text/csv; charset=utf-8",
           "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
           "pdf": "application/pdf"}


def run_report(ctx: Context, request: Request) -> tuple[reports.ReportSpec, dict[str, Any]]:
    require_login(ctx)
    spec = reports.find(ctx.site.reports, request.path_params["report"])
    if spec.module not in ctx.tenant.modules:
        raise DoesNotExist(f"No report {spec.key}")
    fn = ctx.site.methods[spec.method]
    kwargs = {k: v for k, v in parse_kwargs(request, {}).items() if k != "format"}
    try:
        inspect.signature(fn).bind(ctx, **kwargs)
    except TypeError as exc:
        raise BadRequest(f"{spec.key}: {exc}") from None
    return spec, fn(ctx, **kwargs)


def show(ctx: Context, request: Request, body: dict[str, Any]) -> Response:
    spec, result = run_report(ctx, request)
    return json_response({"message": {"report": {
        "name": spec.key, "label": spec.label, "filters": list(spec.filters),
        "columns": reports.columns_of(spec, result), "rows": spec.rows,
        "totals": spec.totals}, "result": result}})


def export(ctx: Context, request: Request, body: dict[str, Any]) -> Response:
    file_format = request.query_params.get("format", "csv")
    if file_format not in FORMATS:
        raise BadRequest("format is csv, xlsx or pdf", field="format")
    spec, result = run_report(ctx, request)
    if file_format == "csv":
        content = reports.to_csv(spec, result)
    elif file_format == "xlsx":
        content = reports.to_xlsx(spec, result)
    else:
        from core.report_pdf import to_pdf

        content = to_pdf(ctx, spec, result, dict(request.query_params))
    filename = f"{spec.name}.{file_format}"
    return Response(content, media_type=FORMATS[file_format],
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


async def show_route(request: Request) -> Response:
    return await handle(request, show, write=False)


async def export_route(request: Request) -> Response:
    return await handle(request, export, write=False)


routes = [Route("/api/report/{report}/export", export_route, methods=["GET"]),
          Route("/api/report/{report}", show_route, methods=["GET"])]
