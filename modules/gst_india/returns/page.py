"""The GST Returns desk page (``/app/page/gst_india.gst_returns``): pick a company and
a month, download GSTR-1 or GSTR-3B as the portal's JSON file, or open the reports.

The file is what ``gst_india.gstr1`` / ``gst_india.gstr3b`` answer (same rights, same
checks), written as an attachment named as the offline tool names its files.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from starlette.responses import Response

from core.db import query
from core.errors import AppError, BadRequest
from core.web.pages import desk_context
from core.web.templating import render
from modules.gst_india.reports import api

if TYPE_CHECKING:
    from starlette.requests import Request

    from core.context import Context

PAGE = "gst_india.gst_returns"
RETURNS = {"gstr1": "GSTR1", "gstr3b": "GSTR3B"}


def show(ctx: Context, request: Request, body: dict[str, Any]) -> Response:
    params = dict(request.query_params)
    if params.get("return"):
        try:
            return download(ctx, params["return"], params.get("company"),
                            params.get("period"))
        except AppError as exc:
            return _form(ctx, params, str(exc), exc.status)
    return _form(ctx, params)


def download(ctx: Context, kind: str, company: Any, period: Any) -> Response:
    if kind not in RETURNS:
        raise BadRequest(f"return is {' or '.join(RETURNS)}", field="return")
    data = getattr(api, kind)(ctx, company=company, period=period)
    filename = f"{RETURNS[kind]}_{data['gstin']}_{data.get('fp') or data['ret_period']}.json"
    return Response(json.dumps(data, indent=1), media_type="application/json",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _form(ctx: Context, params: dict[str, str], error: str = "", status: int = 200
          ) -> Response:
    companies = [r["name"] for r in query.select_rows(
        ctx, "Company", fields=["name", "gstin"], order_by="name asc") if r["gstin"]]
    return render("gst_india/gst_returns.html", status=status, **desk_context(ctx),
                  page=ctx.site.pages[PAGE], title="GST Returns", companies=companies,
                  company=params.get("company") or (companies[0] if companies else ""),
                  period=params.get("period") or "", error=error)
